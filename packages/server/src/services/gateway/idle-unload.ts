import type { LeaseView, ModelDef, Placement } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import type { SettingsSource } from '../settings-source.js';
import type { PlacementActivity } from './placement-activity.js';

/** How often the idle placements are looked for. */
const CHECK_INTERVAL_MS = 15_000;

export interface IdleUnloadDeps {
  settings: SettingsSource;
  placements: { all(): Placement[] };
  activity: Pick<PlacementActivity, 'inFlight' | 'idleSince' | 'now'>;
  swaps: {
    isSwapping(placementId?: string): boolean;
    unload(placementId: string, actor: string): Promise<unknown>;
  };
  leases?: { active(): LeaseView[] } | undefined;
  catalog: { byServedName(name: string): Pick<ModelDef, 'id'> | undefined };
  /** The served names of each placement now. */
  served: () => Promise<ReadonlyMap<string, readonly string[]>>;
  log: Logger;
  intervalMs?: number;
}

/**
 * Unloads a placement whose model has had no request for its idle time (`gateway.idleUnloadSec`, or its
 * model's policy), through the swap service so history, webhooks and the journal record it. A pinned
 * model, one with requests in flight and one a lease holds stay; a placement being swapped is left alone.
 */
export class IdleUnload {
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<string[]> | undefined;

  constructor(private readonly deps: IdleUnloadDeps) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.check().catch((error: unknown) => this.deps.log.warn({ err: error }, 'idle unload check failed'));
    }, this.deps.intervalMs ?? CHECK_INTERVAL_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#checking;
  }

  /** Unloads every placement idle for its model's time now; the ids of those it started to unload. */
  check(): Promise<string[]> {
    this.#checking ??= this.#check().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #check(): Promise<string[]> {
    const { settings, placements, swaps, log } = this.deps;
    const { idleUnloadSec, modelPolicies } = settings.current.gateway;
    if (idleUnloadSec === 0 && !modelPolicies.some((policy) => (policy.idleUnloadSec ?? 0) > 0)) return [];
    let served: ReadonlyMap<string, readonly string[]>;
    try {
      served = await this.deps.served();
    } catch (error) {
      log.warn({ err: error }, 'idle unload could not ask what the placements serve');
      return [];
    }
    const unloaded: string[] = [];
    for (const placement of placements.all()) {
      const [name] = served.get(placement.id) ?? [];
      if (name === undefined || swaps.isSwapping(placement.id) || !this.#idleTooLong(placement.id, name))
        continue;
      try {
        await swaps.unload(placement.id, 'idle-unload');
        log.info({ placementId: placement.id, model: name }, 'unloading an idle model');
        unloaded.push(placement.id);
      } catch (error) {
        log.warn({ err: error, placementId: placement.id }, 'could not unload an idle model');
      }
    }
    return unloaded;
  }

  /** Whether the model `name` on `placementId` has been idle for its time and nothing holds it. */
  #idleTooLong(placementId: string, name: string): boolean {
    const { settings, activity, leases, catalog } = this.deps;
    const model = catalog.byServedName(name);
    if (!model) return false;
    const { idleUnloadSec, modelPolicies } = settings.current.gateway;
    const policy = modelPolicies.find((each) => each.modelId === model.id);
    const ttlSec = policy?.idleUnloadSec ?? idleUnloadSec;
    if (policy?.pin || ttlSec === 0 || activity.inFlight(placementId) > 0) return false;
    if ((leases?.active() ?? []).some((lease) => lease.modelId === model.id)) return false;
    return activity.now() - activity.idleSince(placementId) >= ttlSec * 1000;
  }
}
