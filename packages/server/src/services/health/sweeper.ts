import { UNLOADED_DETAIL, type ServiceDescriptor, type ServiceStatus } from '@spark-control/schema';
import { DEFAULT_DOWN_AFTER, FailureStreaks } from './hysteresis.js';
import type { HealthMonitorOptions } from './monitor.js';
import { probeService, type ProbeResult } from './probes.js';
import { resolveHosts, systemResolver } from './resolve.js';
import {
  isBeingSwapped,
  isUnloadedOnPurpose,
  notProbedYet,
  resolutionError,
  type ServiceState,
  type ServiceStates,
} from './service-state.js';

const COMPACT_EVERY_MS = 5 * 60 * 1000;
const SWEEP_TIMES_KEPT = 50;

/** Start and length of one sweep, for benchmarks and the "sweeps keep their period" test. */
export interface SweepTiming {
  startedAt: number;
  durationMs: number;
}

type SweepResult = ProbeResult | { status: 'swapping' | 'unloaded'; latencyMs: null; detail: string };

/**
 * Probes every enabled service on an interval (sweeps never overlap), keeps the current status in
 * `states`, stores samples and transitions, publishes `service.status` on every change, alerts on
 * confirmed failures and recoveries, and keeps the service metrics.
 */
export class HealthSweeper {
  readonly #options: HealthMonitorOptions;
  readonly #states: ServiceStates;
  readonly #signal: () => AbortSignal;
  readonly #now: () => Date;
  readonly #timings: SweepTiming[] = [];
  readonly #streaks = new FailureStreaks();
  /** Services whose `service.down` was reported and whose recovery was not yet. */
  readonly #alerted = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #sweeping: Promise<void> | undefined;
  #lastCompact = 0;
  #restored = false;

  constructor(options: { monitor: HealthMonitorOptions; states: ServiceStates; signal: () => AbortSignal }) {
    this.#options = options.monitor;
    this.#states = options.states;
    this.#signal = options.signal;
    this.#now = options.monitor.now ?? (() => new Date());
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
    this.#schedule(0);
  }

  /** Schedules no further sweep; `settled` waits for the one in progress. */
  halt(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  async settled(): Promise<void> {
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
    const resolutions = await resolveHosts(
      services.map((service) => service.host),
      this.#options.resolver ?? systemResolver,
      this.#options.resolveTimeoutMs ?? 1000,
    );
    const signal = this.#signal();
    const results = await Promise.all(
      services.map(async (service): Promise<[ServiceDescriptor, ProbeResult | 'swapping']> => {
        if (isBeingSwapped(service, this.#options.isSwapping)) return [service, 'swapping'];
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
      const next = this.#planned(service, result);
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

  /** A swap in progress reads `swapping`; no answer from a placement emptied on purpose reads `unloaded`. */
  #planned(service: ServiceDescriptor, result: ProbeResult | 'swapping'): SweepResult {
    if (result === 'swapping')
      return { status: 'swapping', latencyMs: null, detail: 'model swap in progress' };
    if (result.status === 'down' && isUnloadedOnPurpose(service, this.#options.isUnloaded))
      return { status: 'unloaded', latencyMs: null, detail: UNLOADED_DETAIL };
    return result;
  }

  #confirmed(service: ServiceDescriptor, failed: boolean, at: Date): boolean {
    const alreadyDown = this.#states.get(service.id)?.status === 'down';
    const rule = this.#options.downAfter?.() ?? DEFAULT_DOWN_AFTER;
    return this.#streaks.record(service.id, failed, at, alreadyDown, rule);
  }

  /** A failure not yet confirmed: the tile keeps its status (and the sample too, so uptime does). */
  #hold(service: ServiceDescriptor, at: Date): ServiceStatus {
    const previous = this.#states.get(service.id);
    this.#states.set(service.id, previous ? { ...previous, checkedAt: at } : notProbedYet(at));
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

  #apply(service: ServiceDescriptor, result: SweepResult, at: Date): void {
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
    if (result.status === 'down' || result.status === 'unloaded') state.servedModel = undefined;
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
    for (const status of ['up', 'degraded', 'down', 'swapping', 'unloaded'] as const) {
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
}
