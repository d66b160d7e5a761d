import type { ModelDef, Placement, SwapView } from '@spark-control/schema';
import type { ModelHub } from '../../adapters/huggingface.js';
import type { Logger } from '../../adapters/logger.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import type { SettingsSource } from '../settings-source.js';
import type { SparkProbe } from '../sparks/probe.js';
import type { LaunchPlan } from './launcher.js';
import { Preflight } from './preflight.js';
import type { ActiveSwap, SwapJournal } from './swap-journal.js';
import type { SwapRepo } from './swap-repo.js';
import type { RollbackAfterFailure } from './swap-rollback.js';
import type { SwapSteps } from './swap-steps.js';
import type { VllmCluster } from './vllm-cluster.js';

export interface ModelSwapDeps {
  cluster: VllmCluster;
  settings: SettingsSource;
  catalog: CatalogStore;
  placements: Pick<PlacementDirectory, 'head'>;
  repo: Pick<SwapRepo, 'save'>;
  hub?: ModelHub | undefined;
  log: Logger;
  steps: SwapSteps;
  journal: SwapJournal;
  rollback: RollbackAfterFailure;
  /** The clock the first-token time is measured with (milliseconds). */
  now: () => number;
}

/** The one-token test request after a swap may take this long before its timing is left out. */
const FIRST_TOKEN_TIMEOUT_MS = 60_000;

/**
 * A swap: preflight → stopping → releasing-memory → launching → loading → ready, or failed/cancelled
 * with a classified cause and, when the setting is on, a rollback to the model that was served before
 * (`swap-rollback.ts`). Journaled at every phase (`swap-journal.ts`).
 */
export class ModelSwap {
  readonly #deps: ModelSwapDeps;
  readonly #preflight: Preflight;
  /** The first-token measurement of the last swap, which runs after the swap is ready. */
  #measuring: Promise<void> = Promise.resolve();

  constructor(deps: ModelSwapDeps) {
    this.#deps = deps;
    this.#preflight = new Preflight({
      cluster: deps.cluster,
      settings: deps.settings,
      catalog: deps.catalog,
      hub: deps.hub,
    });
  }

  /** Resolves when the last swap's first-token measurement has ended (tests, shutdown). */
  firstTokenMeasured(): Promise<void> {
    return this.#measuring;
  }

  /** Runs a swap whose view is saved as `running`; ends `ready`, `failed` or `cancelled`. */
  async run(
    active: ActiveSwap,
    model: ModelDef,
    placement: Placement,
    probes: ReadonlyMap<string, SparkProbe>,
  ): Promise<void> {
    const { view, controller } = active;
    const signal = controller.signal;
    let previous: ModelDef | undefined;
    let plan: LaunchPlan | undefined;
    try {
      const settings = this.#deps.settings.current;
      const head = this.#deps.placements.head(placement);
      const served = head ? await this.#deps.cluster.servedModels(head, placement.port, signal) : undefined;
      previous = served?.[0] ? this.#deps.catalog.byServedName(served[0]) : undefined;
      view.previousModelId = previous?.id ?? null;
      const checked = await this.#preflight.run(
        model,
        placement,
        { previous, somethingServed: served !== undefined && served.length > 0 },
        (line) => {
          view.preflight.push(line);
          this.#deps.journal.publish(view);
        },
        signal,
        probes,
      );
      plan = checked.plan;

      await this.#deps.journal.enter(active, 'stopping');
      await this.#deps.steps.stopEverywhere(plan, (line) => this.#deps.journal.logLine(view, line), signal);

      await this.#deps.journal.enter(active, 'releasing-memory');
      await this.#deps.steps.waitForMemory(plan.nodes, checked.needs, signal);

      await this.#deps.journal.enter(active, 'launching');
      await this.#deps.steps.launch(model, plan, (line) => this.#deps.journal.logLine(view, line), signal);

      await this.#deps.journal.enter(active, 'loading');
      await this.#deps.journal.load(
        active,
        model,
        plan,
        Date.parse(view.startedAt) + settings.vllm.readyTimeoutSec * 1000,
        signal,
      );
      active.stopwatch.served();
      await this.#deps.journal.finish(view, 'ready', null);
      this.#measuring = this.#measureFirstToken(view, model, plan);
    } catch (error) {
      await this.#deps.rollback.afterFailure(active, model, placement, previous, plan, error);
    }
  }

  /**
   * Times a one-token test request once the model is served (the swap is already `ready`): how long
   * the first answer takes after a swap. A model that does not chat simply has no first-token time.
   */
  async #measureFirstToken(view: SwapView, model: ModelDef, plan: LaunchPlan): Promise<void> {
    const [head] = plan.nodes;
    if (!head) return;
    const started = this.#deps.now();
    try {
      await this.#deps.cluster.oneTokenReply(
        head,
        plan.placement.port,
        model.servedName,
        AbortSignal.timeout(FIRST_TOKEN_TIMEOUT_MS),
      );
      view.timings.firstToken = this.#deps.now() - started;
      await this.#deps.repo.save(view);
    } catch (error) {
      this.#deps.log.info(
        { swapId: view.id, err: error },
        'the test request after the swap got no answer; no first-token time',
      );
    }
  }
}
