import type { LeaseView, ModelSwapDurations, Placement, SwapTimings, SwapView } from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import { ShellValueError } from '../../adapters/ssh/index.js';
import type { Logger } from '../../adapters/logger.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { ModelHub } from '../../adapters/huggingface.js';
import { checkShellValues } from './commands.js';
import { DomainError } from '../domain-error.js';
import { LaunchPlanner } from './launch-planner.js';
import { SwapSteps, type SwapTiming } from './swap-steps.js';
import { SwapStopwatch, medianTimings } from './swap-timings.js';
import type { SwapRepo } from './swap-repo.js';
import { newSwapView, SwapJournal, type ActiveSwap } from './swap-journal.js';
import { SwapRecovery } from './swap-recovery.js';
import { RollbackAfterFailure } from './swap-rollback.js';
import { PlacementUnload } from './placement-unload.js';
import { UnloadedPlacements } from './unloaded-placements.js';
import { ModelSwap } from './model-swap.js';
import type { VllmCluster } from './vllm-cluster.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import type { Webhook } from './webhook.js';
import { describeLease, LeasedError, type LeaseService } from '../leases/lease-service.js';
import type { SettingsSource } from '../settings-source.js';

export type { SwapTiming } from './swap-steps.js';

export interface SwapServiceDeps {
  repo: SwapRepo;
  cluster: VllmCluster;
  catalog: CatalogStore;
  settings: SettingsSource;
  /** The placements a swap may target. */
  placements: PlacementDirectory;
  bus: EventBus;
  log: Logger;
  webhook: Webhook;
  /** Asked whether a repo that is not downloaded yet is gated and how big it is. */
  hub?: ModelHub | undefined;
  timing?: Partial<SwapTiming>;
  /** Leases refuse a swap that would evict the model they hold, and an unload of it. */
  leases?: Pick<LeaseService, 'blocking' | 'active'> | undefined;
  /** Called once per finished swap (metrics). */
  onFinished?: (swap: SwapView) => void;
  /** The clock the swap's part timings are measured with (milliseconds). */
  now?: () => number;
}

/** Successful swaps the typical durations are the median of. */
const RECENT_SWAPS_PER_MODEL = 10;

/**
 * The entry points of swaps and unloads, one at a time per placement: checked and refused here, then
 * run by `model-swap.ts` or `placement-unload.ts`. State is persisted at every phase
 * (`swap-journal.ts`) so a restart can reconcile (`swap-recovery.ts`).
 */
export class SwapService {
  readonly #deps: SwapServiceDeps;
  readonly #timing: SwapTiming;
  readonly #steps: SwapSteps;
  readonly #swap: ModelSwap;
  readonly #planner: LaunchPlanner;
  readonly #journal: SwapJournal;
  readonly #rollback: RollbackAfterFailure;
  readonly #recovery: SwapRecovery;
  readonly #unload: PlacementUnload;
  /** The running swap of each placement, by placement id. */
  readonly #active = new Map<string, ActiveSwap>();
  readonly #unloaded = new UnloadedPlacements();
  #now: () => number;

  constructor(deps: SwapServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#timing = {
      pollMs: 2000,
      memoryReleaseTimeoutMs: 180_000,
      containerStartTimeoutMs: 15_000,
      ...deps.timing,
    };
    this.#steps = new SwapSteps({
      cluster: deps.cluster,
      settings: deps.settings,
      log: deps.log,
      timing: this.#timing,
    });
    this.#planner = new LaunchPlanner({ cluster: deps.cluster, settings: deps.settings });
    this.#journal = new SwapJournal({ ...deps, pollMs: this.#timing.pollMs });
    this.#rollback = new RollbackAfterFailure({
      ...deps,
      journal: this.#journal,
      steps: this.#steps,
      planner: this.#planner,
    });
    this.#swap = new ModelSwap({
      ...deps,
      steps: this.#steps,
      journal: this.#journal,
      rollback: this.#rollback,
      now: this.#now,
    });
    this.#unload = new PlacementUnload({
      ...deps,
      planner: this.#planner,
      steps: this.#steps,
      journal: this.#journal,
      log: deps.log,
    });
    this.#recovery = new SwapRecovery({
      ...deps,
      planner: this.#planner,
      journal: this.#journal,
      rollback: this.#rollback,
    });
  }

  /**
   * True while a swap (or its rollback) runs on the placement, or on any without one: planned
   * maintenance for the monitor and the gateway.
   */
  isSwapping(placementId?: string): boolean {
    return placementId === undefined ? this.#active.size > 0 : this.#active.has(placementId);
  }

  /**
   * True when the placement's model was unloaded on purpose (by hand or when idle) and no swap has
   * started there since: an empty placement, not an outage, for the monitor.
   */
  isUnloaded(placementId: string): boolean {
    return this.#unloaded.has(placementId);
  }

  /** The catalog model being swapped in on a placement; null when none is. */
  swappingTo(placementId: string): string | null {
    return this.#active.get(placementId)?.view.modelId ?? null;
  }

  /** Resolves when no swap is running on the placement, or on any without one (tests, shutdown). */
  async idle(placementId?: string): Promise<void> {
    for (;;) {
      const running =
        placementId === undefined ? [...this.#active.values()] : [this.#active.get(placementId)];
      const waits = running.filter((active) => active !== undefined).map((active) => active.done);
      if (waits.length === 0) break;
      await Promise.all(waits);
    }
    await this.#swap.firstTokenMeasured();
  }

  /** Per model, the medians of its recent successful swaps' part timings. */
  async typicalDurations(): Promise<ModelSwapDurations[]> {
    const byModel = new Map<string, SwapTimings[]>();
    for (const swap of await this.#deps.repo.recentReady(RECENT_SWAPS_PER_MODEL * 20)) {
      const list = byModel.get(swap.modelId) ?? [];
      if (list.length < RECENT_SWAPS_PER_MODEL && Object.keys(swap.timings).length > 0)
        list.push(swap.timings);
      byModel.set(swap.modelId, list);
    }
    return [...byModel]
      .filter(([, list]) => list.length > 0)
      .map(([modelId, list]) => ({ modelId, swaps: list.length, median: medianTimings(list) }));
  }

  /**
   * Starts a swap to `modelId` on a placement (default: the only one where it may run); the returned
   * view is `running`. Refused while a lease holds the model it would evict.
   */
  async start(modelId: string, actor: string, placementId?: string): Promise<SwapView> {
    const model = this.#deps.catalog.get(modelId);
    if (!model) throw new DomainError('NOT_FOUND', `modelId: no model "${modelId}" in the catalog`);
    const placement = this.#deps.placements.choose(model, placementId);
    this.#refuseIfBusy(placement);
    const held = await this.leasesEvicted(modelId, placement.id);
    if (held.length > 0) {
      throw new LeasedError(
        `${held.map(describeLease).join('; ')}; swapping to ${modelId} would evict it`,
        held,
      );
    }
    try {
      checkShellValues(this.#deps.settings.current, model);
    } catch (error) {
      if (!(error instanceof ShellValueError)) throw error;
      throw new DomainError('VALIDATION_FAILED', `catalog entry ${modelId}: ${error.message}`, {
        cause: error,
      });
    }
    const probes = await this.#planner.refuseBadSettings(model, placement);
    // Another request may have started a swap while the settings were checked.
    this.#refuseIfBusy(placement);
    const view = newSwapView({ kind: 'swap', modelId, placementId: placement.id, actor });
    return this.#begin(view, (active) => this.#swap.run(active, model, placement, probes));
  }

  /**
   * Stops the model a placement serves and launches nothing (an `unload`, journaled like a swap).
   * Refused while a swap runs there, when it serves no catalog model, or while a lease holds its model.
   */
  async unload(placementId: string, actor: string): Promise<SwapView> {
    const placement = this.#deps.placements.get(placementId);
    if (!placement)
      throw new DomainError('VALIDATION_FAILED', `placementId: no placement "${placementId}"`, {
        param: 'placementId',
      });
    this.#refuseIfBusy(placement);
    const model = await this.#unload.modelToUnload(placement);
    this.#refuseIfBusy(placement);
    const view = newSwapView({ kind: 'unload', modelId: model.id, placementId: placement.id, actor });
    view.previousModelId = model.id;
    return this.#begin(view, (active) => this.#unload.run(active, model, placement));
  }

  /** Makes `view` the running swap of its placement, saves and announces it, then runs it. */
  async #begin(view: SwapView, run: (active: ActiveSwap) => Promise<void>): Promise<SwapView> {
    const active: ActiveSwap = {
      view,
      controller: new AbortController(),
      done: Promise.resolve(),
      stopwatch: new SwapStopwatch(view, this.#now),
    };
    this.#active.set(view.placementId, active);
    this.#unloaded.started(view.placementId);
    await this.#deps.repo.save(view);
    this.#journal.publish(view);
    this.#deps.webhook.send(`${view.kind}.started`, {
      swapId: view.id,
      modelId: view.modelId,
      placementId: view.placementId,
    });
    this.#track(active, run(active));
    return { ...view };
  }

  /** Keeps `active` as its placement's running swap until `running` ends. */
  #track(active: ActiveSwap, running: Promise<void>): void {
    const { placementId } = active.view;
    const ended = running.then(() => this.#unloaded.finished(active.view));
    active.done = ended.finally(() => {
      if (this.#active.get(placementId) === active) this.#active.delete(placementId);
    });
  }

  #refuseIfBusy(placement: Placement): void {
    const running = this.#active.get(placement.id)?.view.id;
    if (running) {
      throw new DomainError(
        'SWAP_IN_PROGRESS',
        `another swap is running on placement ${placement.id} (${running})`,
        { details: { swapId: running } },
      );
    }
  }

  /**
   * The leases a swap on `placement` would break: those on another model, unless another placement
   * serves that model (with one placement, every lease on another model).
   */
  async leasesEvicted(modelId: string, placementId: string): Promise<LeaseView[]> {
    const leases = this.#deps.leases?.blocking(modelId) ?? [];
    if (leases.length === 0) return leases;
    const elsewhere = new Set<string>();
    const settings = this.#deps.settings.current;
    for (const other of this.#deps.placements.all()) {
      if (other.id === placementId) continue;
      const head = settings.sparks.find((spark) => spark.id === other.sparkIds[0]);
      for (const name of (head ? await this.#deps.cluster.servedModels(head, other.port) : undefined) ?? [])
        elsewhere.add(name);
    }
    return leases.filter((lease) => {
      const leased = this.#deps.catalog.get(lease.modelId);
      return !leased || !elsewhere.has(leased.servedName);
    });
  }

  /** Cancels the running swap with this id; false when it is not running. */
  cancel(id: string): boolean {
    for (const active of this.#active.values()) {
      if (active.view.id !== id) continue;
      active.controller.abort();
      return true;
    }
    return false;
  }

  /**
   * The running or last swap of a placement (or of any without one) and what that placement serves
   * now.
   */
  async current(placementId?: string): Promise<{ swap: SwapView | null; servedModel: string | null }> {
    if (placementId !== undefined && !this.#deps.placements.get(placementId))
      throw new DomainError('NOT_FOUND', `placementId: no placement "${placementId}"`);
    const running =
      placementId === undefined ? [...this.#active.values()].at(-1) : this.#active.get(placementId);
    const swap = running?.view ?? (await this.#deps.repo.latest(placementId)) ?? null;
    const placement =
      this.#deps.placements.get(swap?.placementId ?? placementId ?? '') ?? this.#deps.placements.all()[0];
    const head = placement ? this.#deps.placements.head(placement) : undefined;
    const served =
      placement && head ? await this.#deps.cluster.servedModels(head, placement.port) : undefined;
    return { swap: swap ? { ...swap, logTail: [...swap.logTail] } : null, servedModel: served?.[0] ?? null };
  }

  history(limit?: number): Promise<SwapView[]> {
    return this.#deps.repo.history(limit);
  }

  /**
   * After a restart: settles every swap the database still shows as running, then marks unloaded
   * each placement whose latest record is a finished unload.
   */
  async reconcile(): Promise<void> {
    for (const view of await this.#deps.repo.running()) {
      this.#deps.log.info(
        { swapId: view.id, modelId: view.modelId, phase: view.phase },
        'reconciling a swap interrupted by a restart',
      );
      const model = this.#deps.catalog.get(view.modelId);
      const placement = this.#deps.placements.get(view.placementId);
      const controller = new AbortController();
      const active: ActiveSwap = {
        view,
        controller,
        done: Promise.resolve(),
        stopwatch: new SwapStopwatch(view, this.#now),
      };
      this.#active.set(view.placementId, active);
      // Stopping again is harmless: an interrupted unload is simply run once more.
      this.#track(
        active,
        view.kind === 'unload'
          ? this.#unload.run(active, model, placement)
          : this.#recovery.resume(active, model, placement),
      );
      await active.done;
    }
    for (const placement of this.#deps.placements.all())
      this.#unloaded.restore(placement.id, await this.#deps.repo.latest(placement.id));
  }
}
