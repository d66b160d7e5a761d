import { randomUUID } from 'node:crypto';
import {
  SECRET_MASK,
  type ModelDef,
  type Settings,
  type ModelSwapDurations,
  type Spark,
  type SwapPhase,
  type SwapTimings,
  type SwapView,
} from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import { ShellValueError } from '../../adapters/ssh/index.js';
import type { Logger } from '../../adapters/logger.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { ModelHub } from '../../adapters/huggingface.js';
import { causeOfError } from './classify.js';
import { checkShellValues } from './commands.js';
import { DomainError } from '../domain-error.js';
import { SwapFailure } from './errors.js';
import type { SparkProbe } from '../sparks/probe.js';
import type { LaunchPlan } from './launcher.js';
import { LaunchPlanner } from './launch-planner.js';
import { Preflight } from './preflight.js';
import { SwapSteps, type SwapTiming } from './swap-steps.js';
import { SwapStopwatch, medianTimings } from './swap-timings.js';
import { PHASE_START, loadingMarker } from './progress.js';
import type { SwapRepo } from './swap-repo.js';
import { vllmHead, vllmNodes, type VllmCluster } from './vllm-cluster.js';
import { waitUntilServed } from './wait-until-served.js';
import type { Webhook } from './webhook.js';
import { describeLease, LeasedError, type LeaseService } from '../leases/lease-service.js';

export type { SwapTiming } from './swap-steps.js';

const LOG_TAIL = 50;

export interface SwapServiceDeps {
  repo: SwapRepo;
  cluster: VllmCluster;
  catalog: CatalogStore;
  settings: () => Settings;
  bus: EventBus;
  log: Logger;
  webhook: Webhook;
  /** Asked whether a repo that is not downloaded yet is gated and how big it is. */
  hub?: ModelHub | undefined;
  timing?: Partial<SwapTiming>;
  /** Leases refuse a swap that would evict the model they hold. */
  leases?: Pick<LeaseService, 'blocking'> | undefined;
  /** Called once per finished swap (metrics). */
  onFinished?: (swap: SwapView) => void;
  /** The clock the swap's part timings are measured with (milliseconds). */
  now?: () => number;
}

/** Successful swaps the typical durations are the median of. */
const RECENT_SWAPS_PER_MODEL = 10;
/** The one-token test request after a swap may take this long before its timing is left out. */
const FIRST_TOKEN_TIMEOUT_MS = 60_000;

interface ActiveSwap {
  view: SwapView;
  controller: AbortController;
  done: Promise<void>;
  stopwatch: SwapStopwatch;
}

/**
 * One swap at a time: preflight → stopping → releasing-memory → launching → loading → ready,
 * or failed/cancelled with a classified cause and, when the setting is on, a rollback to the
 * model that was served before. State is persisted at every phase so a restart can reconcile.
 */
export class SwapService {
  readonly #deps: SwapServiceDeps;
  readonly #timing: SwapTiming;
  readonly #steps: SwapSteps;
  readonly #preflight: Preflight;
  readonly #planner: LaunchPlanner;
  #active: ActiveSwap | undefined;
  #now: () => number;
  /** The first-token measurement of the last swap, which runs after the swap is ready. */
  #measuring: Promise<void> = Promise.resolve();

  constructor(deps: SwapServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#timing = {
      pollMs: 2000,
      memoryReleaseTimeoutMs: 180_000,
      containerStartTimeoutMs: 15_000,
      ...deps.timing,
    };
    this.#steps = new SwapSteps(deps.cluster, deps.settings, deps.log, this.#timing);
    this.#preflight = new Preflight({ cluster: deps.cluster, settings: deps.settings, hub: deps.hub });
    this.#planner = new LaunchPlanner(deps.cluster, deps.settings);
  }

  /** True while a swap (or its rollback) runs: planned maintenance for the monitor and the gateway. */
  isSwapping(): boolean {
    return this.#active !== undefined;
  }

  /** Resolves when no swap is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#active) await this.#active.done;
    await this.#measuring;
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

  /** Starts a swap to `modelId`; the returned view is `running`. Refused while a lease holds another model. */
  async start(modelId: string, actor: string): Promise<SwapView> {
    this.#refuseIfBusy();
    const model = this.#deps.catalog.get(modelId);
    if (!model) throw new DomainError('NOT_FOUND', `modelId: no model "${modelId}" in the catalog`);
    const held = this.#deps.leases?.blocking(modelId) ?? [];
    if (held.length > 0) {
      throw new LeasedError(
        `${held.map(describeLease).join('; ')}; swapping to ${modelId} would evict it`,
        held,
      );
    }
    try {
      checkShellValues(this.#deps.settings(), model);
    } catch (error) {
      if (!(error instanceof ShellValueError)) throw error;
      throw new DomainError('VALIDATION_FAILED', `catalog entry ${modelId}: ${error.message}`, {
        cause: error,
      });
    }
    const probes = await this.#planner.refuseBadSettings(model);
    // Another request may have started a swap while the settings were checked.
    this.#refuseIfBusy();
    const view: SwapView = {
      id: randomUUID(),
      modelId,
      previousModelId: null,
      phase: 'preflight',
      status: 'running',
      cause: null,
      message: null,
      hint: null,
      preflight: [],
      progress: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      logTail: [],
      rollback: null,
      actor,
      timings: {},
    };
    const controller = new AbortController();
    const active: ActiveSwap = {
      view,
      controller,
      done: Promise.resolve(),
      stopwatch: new SwapStopwatch(view, this.#now),
    };
    this.#active = active;
    await this.#deps.repo.save(view);
    this.#publish(view);
    this.#deps.webhook.send('swap.started', { swapId: view.id, modelId });
    active.done = this.#run(active, model, probes).finally(() => {
      if (this.#active === active) this.#active = undefined;
    });
    return { ...view };
  }

  #refuseIfBusy(): void {
    const running = this.#active?.view.id;
    if (running) {
      throw new DomainError('SWAP_IN_PROGRESS', `another swap is running (${running})`, {
        details: { swapId: running },
      });
    }
  }

  /** Cancels the running swap with this id; false when it is not running. */
  cancel(id: string): boolean {
    if (this.#active?.view.id !== id) return false;
    this.#active.controller.abort();
    return true;
  }

  async current(): Promise<{ swap: SwapView | null; servedModel: string | null }> {
    const swap = this.#active?.view ?? (await this.#deps.repo.latest()) ?? null;
    const served = await this.#deps.cluster.servedNow();
    return { swap: swap ? { ...swap, logTail: [...swap.logTail] } : null, servedModel: served?.[0] ?? null };
  }

  history(limit?: number): Promise<SwapView[]> {
    return this.#deps.repo.history(limit);
  }

  /** After a restart: settles every swap the database still shows as running. */
  async reconcile(): Promise<void> {
    for (const view of await this.#deps.repo.running()) {
      this.#deps.log.info(
        { swapId: view.id, modelId: view.modelId, phase: view.phase },
        'reconciling a swap interrupted by a restart',
      );
      const model = this.#deps.catalog.get(view.modelId);
      const controller = new AbortController();
      const active: ActiveSwap = {
        view,
        controller,
        done: Promise.resolve(),
        stopwatch: new SwapStopwatch(view, this.#now),
      };
      this.#active = active;
      active.done = this.#resume(active, model).finally(() => {
        if (this.#active === active) this.#active = undefined;
      });
      await active.done;
    }
  }

  async #run(active: ActiveSwap, model: ModelDef, probes: ReadonlyMap<string, SparkProbe>): Promise<void> {
    const { view, controller } = active;
    const signal = controller.signal;
    let previous: ModelDef | undefined;
    let plan: LaunchPlan | undefined;
    try {
      const settings = this.#deps.settings();
      const head = vllmHead(settings);
      const served = head ? await this.#deps.cluster.servedModels(head, signal) : undefined;
      previous = served?.[0] ? this.#deps.catalog.byServedName(served[0]) : undefined;
      view.previousModelId = previous?.id ?? null;
      const checked = await this.#preflight.run(
        model,
        { previous, somethingServed: served !== undefined && served.length > 0 },
        (line) => {
          view.preflight.push(line);
          this.#publish(view);
        },
        signal,
        probes,
      );
      plan = checked.plan;

      await this.#enter(active, 'stopping');
      await this.#steps.stopEverywhere(plan, (line) => this.#logLine(view, line), signal);

      await this.#enter(active, 'releasing-memory');
      await this.#steps.waitForMemory(plan.nodes, checked.needs, signal);

      await this.#enter(active, 'launching');
      await this.#steps.launch(model, plan, (line) => this.#logLine(view, line), signal);

      await this.#enter(active, 'loading');
      await this.#load(
        active,
        model,
        plan,
        Date.parse(view.startedAt) + settings.vllm.readyTimeoutSec * 1000,
        signal,
      );
      active.stopwatch.served();
      await this.#finish(view, 'ready', null);
      this.#measuring = this.#measureFirstToken(view, model, plan);
    } catch (error) {
      await this.#fail(active, model, previous, plan, error);
    }
  }

  async #load(
    active: ActiveSwap,
    model: ModelDef,
    plan: LaunchPlan,
    deadline: number,
    signal: AbortSignal,
  ): Promise<void> {
    const { view } = active;
    await waitUntilServed({
      cluster: this.#deps.cluster,
      model,
      plan,
      deadline,
      pollMs: this.#timing.pollMs,
      signal,
      onLine: (line) => {
        this.#logLine(view, line);
        active.stopwatch.logLine(line);
        const marker = loadingMarker(line);
        if (marker && marker.progress > view.progress) {
          view.progress = marker.progress;
          view.message = marker.label;
          this.#publish(view);
        }
      },
    });
  }

  async #fail(
    active: ActiveSwap,
    model: ModelDef | undefined,
    previous: ModelDef | undefined,
    plan: LaunchPlan | undefined,
    error: unknown,
  ): Promise<void> {
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
    await this.#finish(view, cancelled ? 'cancelled' : 'failed', cause, message);
    if (!touchedCluster) return;
    const willRollback =
      this.#deps.settings().vllm.rollback && previous !== undefined && previous.id !== model?.id;
    if (launched && !willRollback && plan) await this.#steps.stopQuietly(plan);
    if (!this.#deps.settings().vllm.rollback) {
      view.rollback = {
        modelId: previous?.id ?? '',
        status: 'skipped',
        message: 'rollback is turned off in the settings',
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
      await this.#rollback(view, previous);
      return;
    }
    await this.#save(view);
  }

  async #rollback(view: SwapView, previous: ModelDef): Promise<void> {
    view.rollback = { modelId: previous.id, status: 'running', message: `launching ${previous.label} again` };
    await this.#save(view);
    try {
      const signal = new AbortController().signal;
      const plan = await this.#planner.plan(previous, signal);
      await this.#steps.relaunch(previous, plan, (line) => this.#logLine(view, line), signal);
      view.rollback = { modelId: previous.id, status: 'ready', message: `${previous.label} is served again` };
    } catch (error) {
      const cause = error instanceof SwapFailure ? error.swapCause : causeOfError(error);
      view.rollback = {
        modelId: previous.id,
        status: 'failed',
        message: `rollback failed (${cause}): ${(error as Error).message}`,
      };
    }
    await this.#save(view);
  }

  async #resume(active: ActiveSwap, model: ModelDef | undefined): Promise<void> {
    const { view } = active;
    let plan: LaunchPlan | undefined;
    try {
      if (!model)
        throw new SwapFailure(
          'unknown',
          'Spark Control restarted during the swap and the model left the catalog',
        );
      const settings = this.#deps.settings();
      const [head] = vllmNodes(settings, model.tensorParallel) as [Spark];
      const served = await this.#deps.cluster.servedModels(head);
      if (served?.includes(model.servedName)) {
        await this.#finish(view, 'ready', null, 'confirmed after Spark Control restarted');
        return;
      }
      const deadline = Date.parse(view.startedAt) + settings.vllm.readyTimeoutSec * 1000;
      const launched = view.phase === 'launching' || view.phase === 'loading';
      plan = await this.#planner.plan(model, active.controller.signal);
      if (
        launched &&
        Date.now() < deadline &&
        (await this.#deps.cluster.containerState(head, plan.launcher.container)) === 'running'
      ) {
        await this.#enter(active, 'loading');
        await this.#load(active, model, plan, deadline, active.controller.signal);
        await this.#finish(view, 'ready', null, 'finished after Spark Control restarted');
        return;
      }
      throw new SwapFailure(
        'unknown',
        `Spark Control restarted during the swap and ${model.label} is not being served`,
      );
    } catch (error) {
      const previous = view.previousModelId ? this.#deps.catalog.get(view.previousModelId) : undefined;
      await this.#fail(active, model, previous, plan, error);
    }
  }

  async #enter(
    active: ActiveSwap,
    phase: Exclude<SwapPhase, 'failed' | 'cancelled' | 'ready'>,
  ): Promise<void> {
    const { view } = active;
    active.stopwatch.enter(phase);
    view.phase = phase;
    view.progress = Math.max(view.progress, PHASE_START[phase]);
    view.message = null;
    await this.#save(view);
  }

  async #finish(
    view: SwapView,
    outcome: 'ready' | 'failed' | 'cancelled',
    cause: SwapView['cause'],
    message: string | null = null,
  ): Promise<void> {
    view.phase = outcome;
    view.status = outcome;
    view.cause = cause;
    view.message = message;
    if (outcome === 'ready') view.progress = 1;
    view.finishedAt = new Date().toISOString();
    await this.#save(view);
    this.#deps.webhook.send(
      outcome === 'ready' ? 'swap.ready' : outcome === 'failed' ? 'swap.failed' : 'swap.cancelled',
      {
        swapId: view.id,
        modelId: view.modelId,
        cause,
        message,
      },
    );
    this.#deps.onFinished?.(view);
  }

  /**
   * Times a one-token test request once the model is served (the swap is already `ready`): how long
   * the first answer takes after a swap. A model that does not chat simply has no first-token time.
   */
  async #measureFirstToken(view: SwapView, model: ModelDef, plan: LaunchPlan): Promise<void> {
    const [head] = plan.nodes;
    if (!head) return;
    const started = this.#now();
    try {
      await this.#deps.cluster.oneTokenReply(
        head,
        model.servedName,
        AbortSignal.timeout(FIRST_TOKEN_TIMEOUT_MS),
      );
      view.timings.firstToken = this.#now() - started;
      await this.#deps.repo.save(view);
    } catch (error) {
      this.#deps.log.info(
        { swapId: view.id, err: error },
        'the test request after the swap got no answer; no first-token time',
      );
    }
  }

  #logLine(view: SwapView, raw: string): void {
    const token = this.#deps.settings().vllm.hfToken;
    const line = token ? raw.replaceAll(token, SECRET_MASK) : raw;
    view.logTail.push(line);
    if (view.logTail.length > LOG_TAIL) view.logTail.splice(0, view.logTail.length - LOG_TAIL);
    this.#deps.bus.publish({ type: 'swap.log', at: new Date().toISOString(), swapId: view.id, line });
  }

  async #save(view: SwapView): Promise<void> {
    await this.#deps.repo.save(view);
    this.#publish(view);
  }

  #publish(view: SwapView): void {
    this.#deps.bus.publish({
      type: 'swap.phase',
      at: new Date().toISOString(),
      swap: { ...view, logTail: [...view.logTail] },
    });
  }
}
