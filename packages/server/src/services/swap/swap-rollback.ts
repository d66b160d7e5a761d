import type { ModelDef, Placement, SwapView } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import { causeOfError } from './classify.js';
import { SwapFailure } from './errors.js';
import type { LaunchPlanner } from './launch-planner.js';
import type { LaunchPlan } from './launcher.js';
import type { ActiveSwap, SwapJournal } from './swap-journal.js';
import type { SwapSteps } from './swap-steps.js';
import type { SettingsSource } from '../settings-source.js';

export interface RollbackDeps {
  settings: SettingsSource;
  log: Logger;
  journal: SwapJournal;
  steps: SwapSteps;
  planner: LaunchPlanner;
}

/**
 * The end of a swap that failed or was cancelled: the classified cause is recorded and, when the
 * setting is on and another catalog model was served before, that model is launched again.
 */
export class RollbackAfterFailure {
  readonly #deps: RollbackDeps;

  constructor(deps: RollbackDeps) {
    this.#deps = deps;
  }

  async afterFailure(
    active: ActiveSwap,
    model: ModelDef | undefined,
    placement: Placement | undefined,
    previous: ModelDef | undefined,
    plan: LaunchPlan | undefined,
    error: unknown,
  ): Promise<void> {
    const { journal } = this.#deps;
    const { view, controller } = active;
    const cancelled = controller.signal.aborted;
    const cause = cancelled ? null : error instanceof SwapFailure ? error.swapCause : causeOfError(error);
    const message = cancelled
      ? 'cancelled by the user'
      : error instanceof Error
        ? error.message
        : String(error);
    view.hint = !cancelled && error instanceof SwapFailure ? error.hint : null;
    if (!cancelled) this.#deps.log.warn({ swapId: view.id, cause, message }, 'swap failed');
    const touchedCluster = view.phase !== 'preflight';
    const launched = view.phase === 'launching' || view.phase === 'loading';
    await journal.finish(view, cancelled ? 'cancelled' : 'failed', cause, message);
    if (!touchedCluster) return;
    const willRollback =
      this.#deps.settings.current.vllm.rollback &&
      placement !== undefined &&
      previous !== undefined &&
      previous.id !== model?.id;
    if (launched && !willRollback && plan) await this.#deps.steps.stopQuietly(plan);
    if (!this.#deps.settings.current.vllm.rollback) {
      view.rollback = {
        modelId: previous?.id ?? '',
        status: 'skipped',
        message: 'rollback is turned off in the settings',
      };
    } else if (!placement) {
      view.rollback = {
        modelId: previous?.id ?? '',
        status: 'skipped',
        message: `placement ${view.placementId} is no longer in the settings`,
      };
    } else if (!previous) {
      view.rollback = { modelId: '', status: 'skipped', message: 'no catalog model was being served before' };
    } else if (previous.id === model?.id) {
      view.rollback = {
        modelId: previous.id,
        status: 'skipped',
        message: 'the failed model was the one served before',
      };
    } else {
      await this.#rollBack(view, placement, previous);
      return;
    }
    await journal.save(view);
  }

  async #rollBack(view: SwapView, placement: Placement, previous: ModelDef): Promise<void> {
    const { journal } = this.#deps;
    view.rollback = { modelId: previous.id, status: 'running', message: `launching ${previous.label} again` };
    await journal.save(view);
    try {
      const signal = new AbortController().signal;
      const plan = await this.#deps.planner.plan(previous, placement, signal);
      await this.#deps.steps.relaunch(previous, plan, (line) => journal.logLine(view, line), signal);
      view.rollback = { modelId: previous.id, status: 'ready', message: `${previous.label} is served again` };
    } catch (error) {
      const cause = error instanceof SwapFailure ? error.swapCause : causeOfError(error);
      view.rollback = {
        modelId: previous.id,
        status: 'failed',
        message: `rollback failed (${cause}): ${(error as Error).message}`,
      };
    }
    await journal.save(view);
  }
}
