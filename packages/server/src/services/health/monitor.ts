import type {
  DeepHealth,
  ServiceDescriptor,
  ServiceHistory,
  ServiceStatus,
  ServiceView,
} from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import { deepCheck } from './deep.js';
import type { StandardMetrics } from './metrics.js';
import { probeService, type ProbeResult } from './probes.js';
import type { ServiceRegistry } from './registry.js';
import { resolveHosts, systemResolver, type Resolution, type Resolver } from './resolve.js';
import type { HealthStore } from './store.js';
import { DEFAULT_DOWN_AFTER, FailureStreaks, type DownAfter } from './hysteresis.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const COMPACT_EVERY_MS = 5 * 60 * 1000;
const UPTIME_TTL_MS = 30 * 1000;
const SWEEP_TIMES_KEPT = 50;

export interface HealthMonitorOptions {
  registry: ServiceRegistry;
  store: HealthStore;
  bus: EventBus;
  log: Logger;
  /** Sweep interval, asked before each sweep so settings edits apply (settings.monitor.intervalSec). */
  intervalMs: () => number;
  /** True while a model swap runs: the built-in vLLM services are `swapping`, not `down`. */
  isSwapping: () => boolean;
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

interface ServiceState {
  status: ServiceStatus;
  detail: string;
  latencyMs: number | null;
  checkedAt: Date | null;
  since: Date | null;
  servedModel?: string | undefined;
  deep: DeepHealth | null;
}

/** Start and length of one sweep, for benchmarks and the "sweeps keep their period" test. */
export interface SweepTiming {
  startedAt: number;
  durationMs: number;
}

/**
 * Probes every enabled service on an interval (sweeps never overlap), keeps the current status,
 * stores samples and transitions, publishes `service.status` on every change and runs deep
 * checks on demand and on a slow interval.
 */
export class HealthMonitor {
  readonly #options: HealthMonitorOptions;
  readonly #states = new Map<string, ServiceState>();
  readonly #resolver: Resolver;
  readonly #now: () => Date;
  readonly #timings: SweepTiming[] = [];
  #timer: NodeJS.Timeout | undefined;
  #deepTimer: NodeJS.Timeout | undefined;
  #running = false;
  #sweeping: Promise<void> | undefined;
  #stopController = new AbortController();
  #lastCompact = 0;
  #uptime: { at: number; day: Map<string, number>; month: Map<string, number> } | undefined;
  #restored = false;
  readonly #streaks = new FailureStreaks();
  /** Services whose `service.down` was reported and whose recovery was not yet. */
  readonly #alerted = new Set<string>();

  constructor(options: HealthMonitorOptions) {
    this.#options = options;
    this.#resolver = options.resolver ?? systemResolver;
    this.#now = options.now ?? (() => new Date());
  }

  get probeTimeoutMs(): number {
    return this.#options.probeTimeoutMs ?? 3000;
  }

  /** The most recent sweeps, oldest first. */
  get timings(): readonly SweepTiming[] {
    return this.#timings;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopController = new AbortController();
    this.#schedule(0);
    const deepEvery = this.#options.deepIntervalMs ?? 10 * 60 * 1000;
    if (deepEvery > 0) {
      this.#deepTimer = setInterval(() => {
        this.deepAll().catch((error: unknown) =>
          this.#options.log.error({ err: error }, 'deep checks failed'),
        );
      }, deepEvery);
      this.#deepTimer.unref();
    }
  }

  /** Stops the loop and waits for a sweep in progress (its probes are aborted). */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    clearInterval(this.#deepTimer);
    this.#stopController.abort();
    await this.#sweeping;
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      const startedAt = performance.now();
      this.#sweeping = this.sweep()
        .catch((error: unknown) => this.#options.log.error({ err: error }, 'health sweep failed'))
        .finally(() => {
          this.#sweeping = undefined;
          const elapsed = performance.now() - startedAt;
          this.#schedule(Math.max(0, this.#options.intervalMs() - elapsed));
        });
    }, delayMs);
  }

  /** One sweep over every enabled service: resolve hosts once, probe all concurrently, record. */
  async sweep(): Promise<void> {
    const startedAt = performance.now();
    if (!this.#restored) await this.#restore();
    const services = this.#options.registry.enabled();
    this.#forgetRemoved();
    const timeoutMs = this.probeTimeoutMs;
    const swapping = this.#options.isSwapping();
    const resolutions = await resolveHosts(
      services.map((service) => service.host),
      this.#resolver,
      this.#options.resolveTimeoutMs ?? 1000,
    );
    const signal = this.#stopController.signal;
    const results = await Promise.all(
      services.map(async (service): Promise<[ServiceDescriptor, ProbeResult | 'swapping']> => {
        if (swapping && isSwappable(service)) return [service, 'swapping'];
        const resolution = resolutions.get(service.host);
        if (!resolution?.ok)
          return [service, { status: 'down', latencyMs: null, detail: resolutionError(resolution) }];
        return [
          service,
          await probeService(service, resolution.address, {
            timeoutMs,
            slowMs: this.#options.slowMs ?? 1500,
            signal,
          }),
        ];
      }),
    );
    if (signal.aborted) return;
    const at = this.#now();
    const samples = results.map(([service, result]) => {
      const next =
        result === 'swapping'
          ? { status: 'swapping' as const, latencyMs: null, detail: 'model swap in progress' }
          : result;
      if (!this.#confirmed(service, next.status === 'down', at)) {
        return { serviceId: service.id, at, status: this.#hold(service, at), latencyMs: null };
      }
      this.#apply(service, next, at);
      return { serviceId: service.id, at, status: next.status, latencyMs: next.latencyMs };
    });
    await this.#options.store.recordSamples(samples);
    if (at.getTime() - this.#lastCompact >= COMPACT_EVERY_MS) {
      this.#lastCompact = at.getTime();
      await this.#options.store.compact(at);
    }
    const durationMs = performance.now() - startedAt;
    this.#timings.push({ startedAt, durationMs });
    if (this.#timings.length > SWEEP_TIMES_KEPT) this.#timings.shift();
    this.#options.metrics?.sweepDuration.observe({}, durationMs / 1000);
  }

  #confirmed(service: ServiceDescriptor, failed: boolean, at: Date): boolean {
    const alreadyDown = this.#states.get(service.id)?.status === 'down';
    const rule = this.#options.downAfter?.() ?? DEFAULT_DOWN_AFTER;
    return this.#streaks.record(service.id, failed, at, alreadyDown, rule);
  }

  /** A failure not yet confirmed: the tile keeps its status (and the sample too, so uptime does). */
  #hold(service: ServiceDescriptor, at: Date): ServiceStatus {
    const previous = this.#states.get(service.id);
    this.#states.set(
      service.id,
      previous
        ? { ...previous, checkedAt: at }
        : {
            status: 'unknown',
            detail: 'not probed yet',
            latencyMs: null,
            checkedAt: at,
            since: null,
            deep: null,
          },
    );
    return previous?.status ?? 'unknown';
  }

  /** `service.down` when a service is confirmed down; `service.up` once when it answers again. */
  #alertOnChange(
    service: ServiceDescriptor,
    from: ServiceStatus,
    to: ServiceStatus,
    detail: string,
    at: Date,
  ): void {
    const data = {
      serviceId: service.id,
      sparkId: service.sparkId,
      kind: service.kind,
      from,
      to,
      detail,
      at: at.toISOString(),
    };
    if (to === 'down' && !this.#alerted.has(service.id)) {
      this.#alerted.add(service.id);
      this.#options.alert?.('service.down', data);
    } else if ((to === 'up' || to === 'degraded') && this.#alerted.delete(service.id)) {
      this.#options.alert?.('service.up', data);
    }
  }

  #apply(
    service: ServiceDescriptor,
    result: ProbeResult | { status: 'swapping'; latencyMs: null; detail: string },
    at: Date,
  ): void {
    const previous = this.#states.get(service.id);
    const from = previous?.status ?? 'unknown';
    const changed = from !== result.status;
    const state: ServiceState = {
      status: result.status,
      detail: result.detail,
      latencyMs: result.latencyMs,
      checkedAt: at,
      since: changed ? at : (previous?.since ?? at),
      servedModel: 'servedModel' in result ? result.servedModel : previous?.servedModel,
      deep: previous?.deep ?? null,
    };
    if (result.status === 'down') state.servedModel = undefined;
    this.#states.set(service.id, state);
    this.#updateMetrics(service, state);
    if (!changed) return;
    this.#options.store
      .recordTransition({ serviceId: service.id, at, from, to: result.status, detail: result.detail })
      .catch((error: unknown) =>
        this.#options.log.error({ err: error, service: service.id }, 'transition not stored'),
      );
    this.#options.log.info(
      { service: service.id, from, to: result.status, detail: result.detail },
      'service status changed',
    );
    this.#alertOnChange(service, from, result.status, result.detail, at);
    this.#options.bus.publish({
      type: 'service.status',
      at: at.toISOString(),
      id: service.id,
      sparkId: service.sparkId,
      from,
      status: result.status,
      detail: result.detail,
      latencyMs: result.latencyMs,
    });
  }

  #updateMetrics(service: ServiceDescriptor, state: ServiceState): void {
    const metrics = this.#options.metrics;
    if (!metrics) return;
    const labels = { service: service.id, kind: service.kind, spark: service.sparkId ?? '' };
    if (state.status === 'up' || state.status === 'degraded') metrics.serviceUp.set(labels, 1);
    else if (state.status === 'down') metrics.serviceUp.set(labels, 0);
    else metrics.serviceUp.retain((existing) => existing.service !== service.id);
    for (const status of ['up', 'degraded', 'down', 'swapping'] as const) {
      metrics.serviceStatus.set({ ...labels, status }, state.status === status ? 1 : 0);
    }
    if (state.latencyMs !== null) metrics.serviceLatency.set(labels, state.latencyMs / 1000);
  }

  /** Services that left the registry (or were disabled) drop out of the state and the metrics. */
  #forgetRemoved(): void {
    const enabled = new Set(this.#options.registry.enabled().map((service) => service.id));
    for (const id of this.#states.keys()) {
      if (enabled.has(id)) continue;
      this.#states.delete(id);
      this.#streaks.forget(id);
      this.#alerted.delete(id);
    }
    const metrics = this.#options.metrics;
    if (metrics) {
      const keep = (labels: Record<string, string>) =>
        labels.service === undefined || enabled.has(labels.service);
      metrics.serviceUp.retain(keep);
      metrics.serviceStatus.retain(keep);
      metrics.serviceLatency.retain(keep);
    }
  }

  /** `since` survives a restart: the last stored transition says when the status began. */
  async #restore(): Promise<void> {
    this.#restored = true;
    try {
      const last = await this.#options.store.lastTransitions();
      for (const [id, transition] of last) {
        if (!this.#states.has(id)) {
          // A service down when the server stopped had its `service.down` sent: report its recovery.
          if (transition.to === 'down') this.#alerted.add(id);
          this.#states.set(id, {
            status: transition.to,
            detail: 'last known status',
            latencyMs: null,
            checkedAt: null,
            since: transition.at,
            deep: null,
          });
        }
      }
    } catch (error) {
      this.#options.log.warn({ err: error }, 'could not read the last service transitions');
    }
  }

  /** Runs the deep check of one service now; undefined when it is unknown or disabled. */
  async deep(id: string): Promise<DeepHealth | undefined> {
    const service = this.#options.registry.get(id);
    if (!service?.enabled) return undefined;
    const resolution = (
      await resolveHosts([service.host], this.#resolver, this.#options.resolveTimeoutMs ?? 1000)
    ).get(service.host);
    const deep: DeepHealth = resolution?.ok
      ? await deepCheck(service, resolution.address, {
          timeoutMs: this.#options.deepTimeoutMs ?? 30_000,
          signal: this.#stopController.signal,
          now: this.#now,
        })
      : { ok: false, at: this.#now().toISOString(), latencyMs: 0, detail: resolutionError(resolution) };
    const state = this.#states.get(id);
    if (state) state.deep = deep;
    else
      this.#states.set(id, {
        status: 'unknown',
        detail: 'not probed yet',
        latencyMs: null,
        checkedAt: null,
        since: null,
        deep,
      });
    this.#options.bus.publish({ type: 'service.deep', at: deep.at, id, deep });
    return deep;
  }

  /** Deep checks of every enabled service that is not being swapped, concurrently. */
  async deepAll(): Promise<void> {
    const swapping = this.#options.isSwapping();
    await Promise.all(
      this.#options.registry
        .enabled()
        .filter((service) => !(swapping && isSwappable(service)))
        .map((service) => this.deep(service.id)),
    );
  }

  /** Every tile; disabled services only when asked (they are never contacted). */
  async list(options: { includeDisabled?: boolean } = {}): Promise<ServiceView[]> {
    const uptime = await this.#currentUptime();
    return this.#options.registry
      .all()
      .filter((service) => service.enabled || options.includeDisabled)
      .map((service) => this.#view(service, uptime));
  }

  async view(id: string): Promise<ServiceView | undefined> {
    const service = this.#options.registry.get(id);
    if (!service) return undefined;
    return this.#view(service, await this.#currentUptime());
  }

  async history(id: string, sinceMs = DAY_MS): Promise<ServiceHistory> {
    return this.#options.store.history(id, new Date(this.#now().getTime() - sinceMs));
  }

  /** Forces the next `list()` to read uptime from the database. */
  invalidateUptime(): void {
    this.#uptime = undefined;
  }

  async #currentUptime(): Promise<{ day: Map<string, number>; month: Map<string, number> }> {
    const now = this.#now().getTime();
    if (this.#uptime && now - this.#uptime.at < UPTIME_TTL_MS) return this.#uptime;
    const [day, month] = await Promise.all([
      this.#options.store.uptime(new Date(now - DAY_MS)),
      this.#options.store.uptime(new Date(now - 30 * DAY_MS)),
    ]);
    this.#uptime = { at: now, day, month };
    return this.#uptime;
  }

  #view(
    service: ServiceDescriptor,
    uptime: { day: Map<string, number>; month: Map<string, number> },
  ): ServiceView {
    const state = this.#states.get(service.id);
    const view: ServiceView = {
      id: service.id,
      sparkId: service.sparkId,
      kind: service.kind,
      label: service.label,
      host: service.host,
      port: service.port,
      source: service.source,
      status: service.enabled ? (state?.status ?? 'unknown') : 'disabled',
      detail: service.enabled ? (state?.detail ?? 'not probed yet') : 'disabled in the settings',
      latencyMs: service.enabled ? (state?.latencyMs ?? null) : null,
      checkedAt: state?.checkedAt?.toISOString() ?? null,
      since: state?.since?.toISOString() ?? null,
      uptime24h: uptime.day.get(service.id) ?? null,
      uptime30d: uptime.month.get(service.id) ?? null,
      deep: state?.deep ?? null,
    };
    if (state?.servedModel !== undefined && service.enabled) view.servedModel = state.servedModel;
    return view;
  }
}

/** The swap service restarts the built-in vLLM only; a custom vLLM keeps being probed. */
function isSwappable(service: ServiceDescriptor): boolean {
  return service.kind === 'vllm' && service.source === 'builtin';
}

function resolutionError(resolution: Resolution | undefined): string {
  return resolution && !resolution.ok ? resolution.error : 'cannot resolve host';
}
