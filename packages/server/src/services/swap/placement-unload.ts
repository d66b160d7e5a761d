import type { LeaseView, ModelDef, Placement } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import { DomainError } from '../domain-error.js';
import { describeLease, LeasedError } from '../leases/lease-service.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import { causeOfError } from './classify.js';
import { SwapFailure } from './errors.js';
import type { LaunchPlanner } from './launch-planner.js';
import type { ActiveSwap, SwapJournal } from './swap-journal.js';
import type { SwapSteps } from './swap-steps.js';
import type { VllmCluster } from './vllm-cluster.js';

export interface PlacementUnloadDeps {
  planner: LaunchPlanner;
  steps: SwapSteps;
  journal: SwapJournal;
  placements: Pick<PlacementDirectory, 'head'>;
  cluster: Pick<VllmCluster, 'servedModels'>;
  catalog: Pick<CatalogStore, 'byServedName'>;
  leases?: { active(): LeaseView[] } | undefined;
  log: Logger;
}

/**
 * An unload: the placement's model is stopped the way a swap stops it (its container by name on every
 * Spark, ADR 0010) and nothing is launched. Journaled like a swap, as kind `unload`.
 */
export class PlacementUnload {
  readonly #deps: PlacementUnloadDeps;

  constructor(deps: PlacementUnloadDeps) {
    this.#deps = deps;
  }

  /** The catalog model the placement serves, to unload; refused when it serves none or a lease holds it. */
  async modelToUnload(placement: Placement): Promise<ModelDef> {
    const { placements, cluster, catalog, leases } = this.#deps;
    const head = placements.head(placement);
    const [name] = (head ? await cluster.servedModels(head, placement.port) : undefined) ?? [];
    const model = name === undefined ? undefined : catalog.byServedName(name);
    if (!model) {
      const what = name === undefined ? 'nothing' : `${name}, which is not in the catalog`;
      throw new DomainError(
        'CONFLICT',
        `placement ${placement.id} serves ${what}; there is nothing to unload`,
      );
    }
    const held = (leases?.active() ?? []).filter((lease) => lease.modelId === model.id);
    if (held.length > 0) {
      throw new LeasedError(
        `${held.map(describeLease).join('; ')}; unloading ${model.id} would end it`,
        held,
      );
    }
    return model;
  }

  /** Runs an unload whose view is saved as `stopping`; ends `ready`, `failed` or `cancelled`. */
  async run(
    active: ActiveSwap,
    model: ModelDef | undefined,
    placement: Placement | undefined,
  ): Promise<void> {
    const { journal, planner, steps, log } = this.#deps;
    const { view, controller } = active;
    try {
      if (!model) throw new SwapFailure('unknown', `${view.modelId} left the catalog; nothing was stopped`);
      if (!placement)
        throw new SwapFailure(
          'unknown',
          `placement ${view.placementId} left the settings; nothing was stopped`,
        );
      await journal.enter(active, 'stopping');
      const plan = await planner.plan(model, placement, controller.signal);
      await steps.stopEverywhere(plan, (line) => journal.logLine(view, line), controller.signal);
      await journal.finish(view, 'ready', null, `${model.label} unloaded from placement ${placement.id}`);
    } catch (error) {
      const cancelled = controller.signal.aborted;
      const cause = cancelled ? null : error instanceof SwapFailure ? error.swapCause : causeOfError(error);
      const message = cancelled ? 'cancelled by the user' : (error as Error).message;
      if (!cancelled) log.warn({ swapId: view.id, cause, message }, 'unload failed');
      await journal.finish(view, cancelled ? 'cancelled' : 'failed', cause, message);
    }
  }
}
