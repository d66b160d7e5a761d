import type { DeepHealth, ServiceHistory, ServiceView } from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import { DeepChecks } from './deep-checks.js';
import type { DownAfter } from './hysteresis.js';
import type { StandardMetrics } from './metrics.js';
import type { ServiceRegistry } from './registry.js';
import type { Resolver } from './resolve.js';
import type { ServiceStates } from './service-state.js';
import type { HealthStore } from './store.js';
import { HealthSweeper, type SweepTiming } from './sweeper.js';
import { ServiceViews } from './views.js';

export type { SweepTiming } from './sweeper.js';

export interface HealthMonitorOptions {
  registry: ServiceRegistry;
  store: HealthStore;
  bus: EventBus;
  log: Logger;
  /** Sweep interval, asked before each sweep so settings edits apply (settings.monitor.intervalSec). */
  intervalMs: () => number;
  /** True while a model swap runs on the placement: its built-in vLLM is `swapping`, not `down`. */
  isSwapping: (placementId: string) => boolean;
  /**
   * True while the placement's model is unloaded on purpose: a failed probe of its built-in vLLM reads
   * `unloaded` (not counted against uptime, no alert) and its deep check is skipped.
   */
  isUnloaded?: ((placementId: string) => boolean) | undefined;
  metrics?: StandardMetrics | undefined;
  /** Per probe, every request included (default 3000 ms). A sweep lasts at most this plus a margin. */
  probeTimeoutMs?: number;
  /** Answers slower than this are `degraded` (default 1500 ms). */
  slowMs?: number;
  /** Bound of the once-per-sweep name resolution (default 1000 ms). */
  resolveTimeoutMs?: number;
  /** Deep checks of every service on this interval (default 10 min; 0 turns them off). */
  deepIntervalMs?: number;
  deepTimeoutMs?: number;
  resolver?: Resolver;
  now?: () => Date;
  /** Failed probes become `down` only after this many in a row or this long (3 probes / 15 s by default). */
  downAfter?: () => DownAfter;
  /** Told once when a service goes down and once when it recovers (the webhook). */
  alert?: (type: 'service.down' | 'service.up', data: Record<string, unknown>) => void;
}

/**
 * The health of every service: the sweeper probes on an interval and keeps each status, the deep
 * checks run on demand and on a slow interval, the views read both with the uptime for the tiles.
 */
export class HealthMonitor {
  readonly #sweeper: HealthSweeper;
  readonly #deep: DeepChecks;
  readonly #views: ServiceViews;
  #stopController = new AbortController();
  #running = false;

  constructor(options: HealthMonitorOptions) {
    const states: ServiceStates = new Map();
    const signal = () => this.#stopController.signal;
    this.#sweeper = new HealthSweeper({ monitor: options, states, signal });
    this.#deep = new DeepChecks({ monitor: options, states, signal });
    this.#views = new ServiceViews({
      registry: options.registry,
      store: options.store,
      states,
      now: options.now ?? (() => new Date()),
    });
  }

  get probeTimeoutMs(): number {
    return this.#sweeper.probeTimeoutMs;
  }

  /** The most recent sweeps, oldest first. */
  get timings(): readonly SweepTiming[] {
    return this.#sweeper.timings;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopController = new AbortController();
    this.#sweeper.start();
    this.#deep.start();
  }

  /** Stops the loop and waits for a sweep in progress (its probes are aborted). */
  async stop(): Promise<void> {
    this.#running = false;
    this.#sweeper.halt();
    this.#deep.stop();
    this.#stopController.abort();
    await this.#sweeper.settled();
  }

  /** One sweep over every enabled service: resolve hosts once, probe all concurrently, record. */
  async sweep(): Promise<void> {
    await this.#sweeper.sweep();
  }

  /** Runs the deep check of one service now; undefined when it is unknown or disabled. */
  async deep(id: string): Promise<DeepHealth | undefined> {
    return this.#deep.one(id);
  }

  /** Deep checks of every enabled service that is not being swapped, concurrently. */
  async deepAll(): Promise<void> {
    await this.#deep.all();
  }

  /** Every tile; disabled services only when asked (they are never contacted). */
  async list(options: { includeDisabled?: boolean } = {}): Promise<ServiceView[]> {
    return this.#views.list(options);
  }

  async view(id: string): Promise<ServiceView | undefined> {
    return this.#views.view(id);
  }

  async history(id: string, sinceMs?: number): Promise<ServiceHistory> {
    return this.#views.history(id, sinceMs);
  }

  /** Forces the next `list()` to read uptime from the database. */
  invalidateUptime(): void {
    this.#views.invalidateUptime();
  }
}
