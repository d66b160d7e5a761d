import type { ModelDef } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import { DomainError } from '../domain-error.js';
import { LeasedError } from '../leases/lease-service.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import type { SettingsSource } from '../settings-source.js';
import type { RequestUsage } from '../usage/usage-meter.js';
import { notLoaded } from './failures.js';
import type { ModelRoutes, PlacementRoute, RoutesSnapshot } from './model-routes.js';
import type { SwapChoices } from './swap-choice.js';
import type { SwapQueue, SwapState } from './swap-queue.js';

/**
 * Where an LLM request goes with configured placements: the placement serving its model, once no
 * swap runs there; and `swapOnRequest` (for the default layout too).
 */
export class LlmRouting {
  constructor(
    private readonly deps: {
      settings: SettingsSource;
      swaps: SwapState;
      queue: SwapQueue;
      routes: ModelRoutes;
      placements: Pick<PlacementDirectory, 'all' | 'fits'>;
      choices: SwapChoices;
      catalog?: { byServedName(name: string): Pick<ModelDef, 'id' | 'tensorParallel'> | undefined };
      log: Logger;
    },
  ) {}

  /**
   * The placement serving `model`, once no swap runs there. A model no placement serves waits for a
   * swap on a placement that may serve it, or (with `swapOnRequest`) for the swap it starts; else 404.
   * A swap elsewhere is never waited for.
   */
  async placementFor(
    model: string,
    signal: AbortSignal | undefined,
    usage: RequestUsage | undefined,
    swap: { started: boolean },
  ): Promise<PlacementRoute> {
    const { routes, swaps, queue } = this.deps;
    for (let round = 0; ; round += 1) {
      const route = routes.lookup(model) ?? (await routes.refresh()).byName.get(model);
      const swapping = route
        ? swaps.isSwapping(route.placementId)
          ? route.placementId
          : undefined
        : this.#swappingFor(model);
      if (swapping !== undefined && round < 3) {
        await queue.wait(signal, swapping);
        routes.invalidate();
        continue;
      }
      if (route) {
        if (usage) usage.placement = route.placementId;
        return route;
      }
      if (!swap.started) {
        const started = await this.swapOnRequest(model);
        if (started) {
          swap.started = true;
          await queue.wait(signal, started.placementId);
          routes.invalidate();
          continue;
        }
      }
      throw notLoaded(model, namesFor(await routes.refresh(), usage));
    }
  }

  /**
   * With `swapOnRequest`, starts a swap to the catalog model a request names on the placement the
   * swap choice picks (ADR 0017), and says which placement to wait for; undefined when the setting is
   * off or the catalog lacks the model. A 503 names what holds each placement when none may be taken.
   */
  async swapOnRequest(model: string): Promise<{ placementId: string } | undefined> {
    const { settings, swaps, catalog, choices, log } = this.deps;
    if (!settings.current.gateway.swapOnRequest || !swaps.start) return undefined;
    const target = catalog?.byServedName(model);
    if (!target) return undefined;
    for (let attempt = 0; ; attempt += 1) {
      const { placementId, swapNeeded } = await choices.choose(target, model);
      if (!swapNeeded) return { placementId };
      try {
        await swaps.start(target.id, 'gateway', placementId);
        log.info({ modelId: target.id, placementId }, 'gateway started a swap for a requested model');
        return { placementId };
      } catch (error) {
        // A lease holds the served model: say so rather than "not loaded".
        if (error instanceof LeasedError) {
          throw new DomainError('LEASED', `The model \`${model}\` is not loaded: ${error.message}.`, {
            openAiCode: 'model_leased',
            param: 'model',
          });
        }
        if (!swaps.isSwapping(placementId)) {
          log.warn({ err: error, modelId: target.id }, 'gateway could not start a swap');
          return undefined;
        }
        // Another request's swap took the placement meanwhile: wait for it when it brings this model,
        // else choose again (once) among the others.
        if (attempt > 0 || swaps.swappingTo?.(placementId) === target.id) return { placementId };
      }
    }
  }

  /** A placement that may serve `model` (any, for a model the catalog lacks) on which a swap runs. */
  #swappingFor(model: string): string | undefined {
    const { swaps, catalog, placements } = this.deps;
    if (!swaps.isSwapping()) return undefined;
    const known = catalog?.byServedName(model);
    const candidates = known
      ? placements
          .fits(known)
          .filter((fit) => fit.problem === null)
          .map((fit) => fit.placement)
      : placements.all();
    return candidates.find((placement) => swaps.isSwapping(placement.id))?.id;
  }
}

/** The served names of a snapshot that `usage`'s key may see. */
export function namesFor(snapshot: RoutesSnapshot, usage: RequestUsage | undefined): string[] {
  const names = [...snapshot.byName.keys()];
  return usage ? names.filter((name) => usage.allows(name)) : names;
}
