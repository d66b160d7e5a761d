import type { DeepHealth, ServiceDescriptor } from '@spark-control/schema';
import { deepCheck } from './deep.js';
import type { HealthMonitorOptions } from './monitor.js';
import { resolveHosts, systemResolver } from './resolve.js';
import {
  isBeingSwapped,
  isUnloadedOnPurpose,
  notProbedYet,
  resolutionError,
  type ServiceStates,
} from './service-state.js';

/** Deep checks on demand and of every service on a slow interval (default 10 min; 0 turns them off). */
export class DeepChecks {
  readonly #options: HealthMonitorOptions;
  readonly #states: ServiceStates;
  readonly #signal: () => AbortSignal;
  readonly #now: () => Date;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: { monitor: HealthMonitorOptions; states: ServiceStates; signal: () => AbortSignal }) {
    this.#options = options.monitor;
    this.#states = options.states;
    this.#signal = options.signal;
    this.#now = options.monitor.now ?? (() => new Date());
  }

  start(): void {
    const every = this.#options.deepIntervalMs ?? 10 * 60 * 1000;
    if (every <= 0) return;
    this.#timer = setInterval(() => {
      this.all().catch((error: unknown) => this.#options.log.error({ err: error }, 'deep checks failed'));
    }, every);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Runs the deep check of one service now; undefined when it is unknown or disabled. */
  async one(id: string): Promise<DeepHealth | undefined> {
    const service = this.#options.registry.get(id);
    if (!service?.enabled) return undefined;
    const resolution = (
      await resolveHosts(
        [service.host],
        this.#options.resolver ?? systemResolver,
        this.#options.resolveTimeoutMs ?? 1000,
      )
    ).get(service.host);
    const deep: DeepHealth = resolution?.ok
      ? await deepCheck(service, resolution.address, {
          timeoutMs: this.#options.deepTimeoutMs ?? 30_000,
          signal: this.#signal(),
          now: this.#now,
        })
      : { ok: false, at: this.#now().toISOString(), latencyMs: 0, detail: resolutionError(resolution) };
    const state = this.#states.get(id);
    if (state) state.deep = deep;
    else this.#states.set(id, notProbedYet(null, deep));
    this.#options.bus.publish({ type: 'service.deep', at: deep.at, id, deep });
    return deep;
  }

  /**
   * Deep checks of every enabled service that is not being swapped, concurrently. A placement unloaded
   * on purpose is skipped unless its last probe found it answering (started outside Spark Control).
   */
  async all(): Promise<void> {
    await Promise.all(
      this.#options.registry
        .enabled()
        .filter((service) => !isBeingSwapped(service, this.#options.isSwapping))
        .filter((service) => !this.#emptyOnPurpose(service))
        .map((service) => this.one(service.id)),
    );
  }

  #emptyOnPurpose(service: ServiceDescriptor): boolean {
    const status = this.#states.get(service.id)?.status;
    const answering = status === 'up' || status === 'degraded';
    return !answering && isUnloadedOnPurpose(service, this.#options.isUnloaded);
  }
}
