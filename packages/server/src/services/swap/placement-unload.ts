import type { ModelDef, Placement } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import { causeOfError } from './classify.js';
import { SwapFailure } from './errors.js';
import type { LaunchPlanner } from './launch-planner.js';
import type { ActiveSwap, SwapJournal } from './swap-journal.js';
import type { SwapSteps } from './swap-steps.js';

/**
 * An unload: the placement's model is stopped the way a swap stops it (its container by name on every
 * Spark, ADR 0010) and nothing is launched. Journaled like a swap, as kind `unload`.
 */
export class PlacementUnload {
  readonly #deps: { planner: LaunchPlanner; steps: SwapSteps; journal: SwapJournal; log: Logger };

  constructor(deps: { planner: LaunchPlanner; steps: SwapSteps; journal: SwapJournal; log: Logger }) {
    this.#deps = deps;
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
