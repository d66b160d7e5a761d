import { randomUUID } from 'node:crypto';
import { SECRET_MASK, type ModelDef, type SwapPhase, type SwapView } from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import type { LaunchPlan } from './launcher.js';
import { PHASE_START, loadingMarker } from './progress.js';
import type { SwapRepo } from './swap-repo.js';
import type { SwapStopwatch } from './swap-timings.js';
import type { VllmCluster } from './vllm-cluster.js';
import { waitUntilServed } from './wait-until-served.js';
import type { Webhook } from './webhook.js';
import type { SettingsSource } from '../settings-source.js';

const LOG_TAIL = 50;

/** The swap that runs now (or its rollback), with what cancels it and what resolves when it ends. */
export interface ActiveSwap {
  view: SwapView;
  controller: AbortController;
  done: Promise<void>;
  stopwatch: SwapStopwatch;
}

export interface SwapJournalDeps {
  repo: SwapRepo;
  cluster: VllmCluster;
  settings: SettingsSource;
  bus: EventBus;
  webhook: Webhook;
  /** How often `load` asks whether the model is served. */
  pollMs: number;
  /** Called once per finished swap (metrics). */
  onFinished?: ((swap: SwapView) => void) | undefined;
}

/**
 * What everyone sees of a swap: each phase, log line and loading step is saved and published as it
 * happens, and the end is told to the webhook and to `onFinished` (metrics).
 */
export class SwapJournal {
  readonly #deps: SwapJournalDeps;

  constructor(deps: SwapJournalDeps) {
    this.#deps = deps;
  }

  async enter(
    active: ActiveSwap,
    phase: Exclude<SwapPhase, 'failed' | 'cancelled' | 'ready'>,
  ): Promise<void> {
    const { view } = active;
    active.stopwatch.enter(phase);
    view.phase = phase;
    view.progress = Math.max(view.progress, PHASE_START[phase]);
    view.message = null;
    await this.save(view);
  }

  /** Waits until vLLM serves the model, following its loading steps in the log. */
  async load(
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
      pollMs: this.#deps.pollMs,
      signal,
      onLine: (line) => {
        this.logLine(view, line);
        active.stopwatch.logLine(line);
        const marker = loadingMarker(line);
        if (marker && marker.progress > view.progress) {
          view.progress = marker.progress;
          view.message = marker.label;
          this.publish(view);
        }
      },
    });
  }

  async finish(
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
    await this.save(view);
    this.#deps.webhook.send(`${view.kind}.${outcome}`, {
      swapId: view.id,
      modelId: view.modelId,
      placementId: view.placementId,
      cause,
      message,
    });
    // Swap metrics count launches; an unload launches nothing.
    if (view.kind === 'swap') this.#deps.onFinished?.(view);
  }

  logLine(view: SwapView, raw: string): void {
    const token = this.#deps.settings.current.vllm.hfToken;
    const line = token ? raw.replaceAll(token, SECRET_MASK) : raw;
    view.logTail.push(line);
    if (view.logTail.length > LOG_TAIL) view.logTail.splice(0, view.logTail.length - LOG_TAIL);
    this.#deps.bus.publish({ type: 'swap.log', at: new Date().toISOString(), swapId: view.id, line });
  }

  async save(view: SwapView): Promise<void> {
    await this.#deps.repo.save(view);
    this.publish(view);
  }

  publish(view: SwapView): void {
    this.#deps.bus.publish({
      type: 'swap.phase',
      at: new Date().toISOString(),
      swap: { ...view, logTail: [...view.logTail] },
    });
  }
}

/** A swap (or unload) about to begin, still in its first phase. */
export function newSwapView(fields: Pick<SwapView, 'kind' | 'modelId' | 'placementId' | 'actor'>): SwapView {
  return {
    id: randomUUID(),
    ...fields,
    previousModelId: null,
    phase: fields.kind === 'unload' ? 'stopping' : 'preflight',
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
    timings: {},
  };
}
