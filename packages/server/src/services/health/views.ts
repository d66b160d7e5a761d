import type { ServiceDescriptor, ServiceHistory, ServiceView } from '@spark-control/schema';
import type { ServiceRegistry } from './registry.js';
import type { ServiceStates } from './service-state.js';
import type { HealthStore } from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const UPTIME_TTL_MS = 30 * 1000;

interface Uptime {
  day: Map<string, number>;
  month: Map<string, number>;
}

/** The tiles: each service's current state with its 24-hour and 30-day uptime (read at most every 30 s). */
export class ServiceViews {
  readonly #registry: ServiceRegistry;
  readonly #store: HealthStore;
  readonly #states: ServiceStates;
  readonly #now: () => Date;
  #uptime: (Uptime & { at: number }) | undefined;

  constructor(options: {
    registry: ServiceRegistry;
    store: HealthStore;
    states: ServiceStates;
    now: () => Date;
  }) {
    this.#registry = options.registry;
    this.#store = options.store;
    this.#states = options.states;
    this.#now = options.now;
  }

  /** Every tile; disabled services only when asked (they are never contacted). */
  async list(options: { includeDisabled?: boolean } = {}): Promise<ServiceView[]> {
    const uptime = await this.#currentUptime();
    return this.#registry
      .all()
      .filter((service) => service.enabled || options.includeDisabled)
      .map((service) => this.#view(service, uptime));
  }

  async view(id: string): Promise<ServiceView | undefined> {
    const service = this.#registry.get(id);
    if (!service) return undefined;
    return this.#view(service, await this.#currentUptime());
  }

  async history(id: string, sinceMs = DAY_MS): Promise<ServiceHistory> {
    return this.#store.history(id, new Date(this.#now().getTime() - sinceMs));
  }

  /** Forces the next `list()` to read uptime from the database. */
  invalidateUptime(): void {
    this.#uptime = undefined;
  }

  async #currentUptime(): Promise<Uptime> {
    const now = this.#now().getTime();
    if (this.#uptime && now - this.#uptime.at < UPTIME_TTL_MS) return this.#uptime;
    const [day, month] = await Promise.all([
      this.#store.uptime(new Date(now - DAY_MS)),
      this.#store.uptime(new Date(now - 30 * DAY_MS)),
    ]);
    this.#uptime = { at: now, day, month };
    return this.#uptime;
  }

  #view(service: ServiceDescriptor, uptime: Uptime): ServiceView {
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
    if (service.placementId !== undefined) view.placementId = service.placementId;
    return view;
  }
}
