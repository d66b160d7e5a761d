import type { ModelDef, Placement, Spark } from '@spark-control/schema';
import type { CatalogStore } from '../catalog/catalog-store.js';
import { SwapFailure } from './errors.js';
import type { LaunchPlanner } from './launch-planner.js';
import type { LaunchPlan } from './launcher.js';
import type { ActiveSwap, SwapJournal } from './swap-journal.js';
import type { RollbackAfterFailure } from './swap-rollback.js';
import { placementNodes, type VllmCluster } from './vllm-cluster.js';
import type { SettingsSource } from '../settings-source.js';

/**
 * A swap the database still shows as running after a restart: confirmed when its model is served,
 * followed to the end when its container still loads within the deadline, failed (and rolled back)
 * otherwise.
 */
export class SwapRecovery {
  readonly #deps: SwapRecoveryDeps;

  constructor(deps: SwapRecoveryDeps) {
    this.#deps = deps;
  }

  async resume(
    active: ActiveSwap,
    model: ModelDef | undefined,
    placement: Placement | undefined,
  ): Promise<void> {
    const { journal } = this.#deps;
    const { view } = active;
    let plan: LaunchPlan | undefined;
    try {
      if (!model)
        throw new SwapFailure(
          'unknown',
          'Spark Control restarted during the swap and the model left the catalog',
        );
      if (!placement)
        throw new SwapFailure(
          'unknown',
          `Spark Control restarted during the swap and placement ${view.placementId} left the settings`,
        );
      const settings = this.#deps.settings.current;
      const [head] = placementNodes(settings, placement, model.tensorParallel) as [Spark];
      const served = await this.#deps.cluster.servedModels(head, placement.port);
      if (served?.includes(model.servedName)) {
        await journal.finish(view, 'ready', null, 'confirmed after Spark Control restarted');
        return;
      }
      const deadline = Date.parse(view.startedAt) + settings.vllm.readyTimeoutSec * 1000;
      const launched = view.phase === 'launching' || view.phase === 'loading';
      plan = await this.#deps.planner.plan(model, placement, active.controller.signal);
      if (
        launched &&
        Date.now() < deadline &&
        (await this.#deps.cluster.containerState(head, plan.launcher.container)) === 'running'
      ) {
        await journal.enter(active, 'loading');
        await journal.load(active, model, plan, deadline, active.controller.signal);
        await journal.finish(view, 'ready', null, 'finished after Spark Control restarted');
        return;
      }
      throw new SwapFailure(
        'unknown',
        `Spark Control restarted during the swap and ${model.label} is not being served`,
      );
    } catch (error) {
      const previous = view.previousModelId ? this.#deps.catalog.get(view.previousModelId) : undefined;
      await this.#deps.rollback.afterFailure(active, model, placement, previous, plan, error);
    }
  }
}

export interface SwapRecoveryDeps {
  settings: SettingsSource;
  cluster: VllmCluster;
  catalog: CatalogStore;
  planner: LaunchPlanner;
  journal: SwapJournal;
  rollback: RollbackAfterFailure;
}
