import { randomUUID } from 'node:crypto';
import { MAX_LEASE_SEC, type CreateLeaseBody, type LeaseView, type ModelDef } from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import { DomainError } from '../domain-error.js';
import type { LeaseRepo } from './lease-repo.js';

/**
 * A request refused because a lease holds a model it would evict (409 `LEASED`), naming the first
 * lease in the way. The swap queue catches it to wait for `leases` to end.
 */
export class LeasedError extends DomainError {
  constructor(
    message: string,
    readonly leases: readonly LeaseView[],
  ) {
    const first = leases[0];
    super('LEASED', message, {
      details: first
        ? {
            leaseId: first.id,
            leasedModelId: first.modelId,
            heldBy: first.note || first.createdBy,
            until: first.until,
          }
        : {},
    });
    this.name = 'LeasedError';
  }
}

/** `qwen3-30b is leased by "nightly eval" (token:ci) until 2026-01-31T18:00:00.000Z` */
export function describeLease(lease: LeaseView): string {
  const holder = lease.note ? `"${lease.note}" (${lease.createdBy})` : lease.createdBy;
  return `${lease.modelId} is leased by ${holder} until ${lease.until}`;
}

export interface LeaseServiceDeps {
  repo: LeaseRepo;
  /** The catalog model with this id. */
  catalog: { get(id: string): Pick<ModelDef, 'id' | 'tensorParallel'> | undefined };
  /** Whether models can be served at the same time (placements of their own); absent: one at a time. */
  placements?: { canServeTogether(models: readonly Pick<ModelDef, 'id' | 'tensorParallel'>[]): boolean };
  bus: EventBus;
  log: Logger;
  now?: () => Date;
}

/** The longest wait of the expiry timer; a later end is checked again when it fires. */
const MAX_TIMER_MS = 60_000;

/**
 * Leases hold a model on its placement: while one is active, a swap that would evict it is refused,
 * and a lease on a model that could not be served beside the leased ones is refused too. They are stored, reloaded at start, and end
 * when released or when their time runs out; whether a lease blocks is always judged by the
 * clock, the timer only records the expiry and tells the listeners (the queued swap).
 */
export class LeaseService {
  readonly #deps: LeaseServiceDeps;
  readonly #now: () => Date;
  readonly #leases = new Map<string, LeaseView>();
  readonly #listeners = new Set<() => void>();
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(deps: LeaseServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Reads the stored leases; those whose time ran out while the server was down expire now. */
  async load(): Promise<void> {
    this.#leases.clear();
    for (const lease of await this.#deps.repo.unended()) this.#leases.set(lease.id, lease);
    await this.expireDue();
  }

  /** Starts the expiry timer. */
  start(): void {
    this.#running = true;
    this.#schedule();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  /** Active leases, soonest end first. */
  active(): LeaseView[] {
    const now = this.#now().getTime();
    return [...this.#leases.values()]
      .filter((lease) => Date.parse(lease.until) > now)
      .sort((a, b) => Date.parse(a.until) - Date.parse(b.until));
  }

  /** The active leases a swap to `modelId` would evict: today, every lease on another model. */
  blocking(modelId: string): LeaseView[] {
    return this.active().filter((lease) => lease.modelId !== modelId);
  }

  async create(body: CreateLeaseBody, actor: string): Promise<LeaseView> {
    const model = this.#deps.catalog.get(body.modelId);
    if (!model) throw new DomainError('NOT_FOUND', `modelId: no model "${body.modelId}" in the catalog`);
    const now = this.#now();
    const until =
      body.durationSec === undefined ? Date.parse(body.until ?? '') : now.getTime() + body.durationSec * 1000;
    if (until <= now.getTime()) throw new DomainError('VALIDATION_FAILED', 'until: must be in the future');
    if (until - now.getTime() > MAX_LEASE_SEC * 1000) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `until: must be at most ${MAX_LEASE_SEC / 86_400} days from now`,
      );
    }
    const others = this.blocking(body.modelId);
    if (others.length > 0 && !this.#servableWith(model, others)) {
      throw new LeasedError(
        `modelId: ${others.map(describeLease).join('; ')}; the placements cannot serve ${body.modelId} beside ${others.length > 1 ? 'them' : 'it'}`,
        others,
      );
    }
    const lease: LeaseView = {
      id: randomUUID(),
      modelId: body.modelId,
      until: new Date(until).toISOString(),
      note: body.note,
      createdBy: actor,
      createdAt: now.toISOString(),
    };
    await this.#deps.repo.insert(lease);
    this.#leases.set(lease.id, lease);
    this.#deps.log.info(
      { leaseId: lease.id, modelId: lease.modelId, until: lease.until, actor },
      'lease made',
    );
    this.#deps.bus.publish({ type: 'lease.created', at: now.toISOString(), lease });
    this.#schedule();
    return lease;
  }

  /** Whether `model` and the models of `leases` can all be served at once, each on its own placement. */
  #servableWith(model: Pick<ModelDef, 'id' | 'tensorParallel'>, leases: readonly LeaseView[]): boolean {
    const { catalog, placements } = this.#deps;
    if (!placements) return false;
    const leased = [...new Set(leases.map((lease) => lease.modelId))].map((id) => catalog.get(id));
    const known = leased.filter((each) => each !== undefined);
    return known.length === leased.length && placements.canServeTogether([model, ...known]);
  }

  /** Ends an active lease early; undefined when there is none with this id. */
  async release(id: string, actor: string): Promise<LeaseView | undefined> {
    const lease = this.active().find((each) => each.id === id);
    if (!lease) return undefined;
    const now = this.#now();
    await this.#deps.repo.end(id, now, 'released', actor);
    this.#leases.delete(id);
    this.#deps.log.info({ leaseId: id, modelId: lease.modelId, actor }, 'lease released');
    this.#deps.bus.publish({ type: 'lease.released', at: now.toISOString(), lease, by: actor });
    this.#ended();
    return lease;
  }

  /** Records every lease whose time ran out (the timer calls this; tests call it after moving the clock). */
  async expireDue(): Promise<void> {
    const now = this.#now();
    const due = [...this.#leases.values()].filter((lease) => Date.parse(lease.until) <= now.getTime());
    for (const lease of due) {
      await this.#deps.repo.end(lease.id, now, 'expired', null);
      this.#leases.delete(lease.id);
      this.#deps.log.info({ leaseId: lease.id, modelId: lease.modelId }, 'lease expired');
      this.#deps.bus.publish({ type: 'lease.expired', at: now.toISOString(), lease });
    }
    if (due.length > 0) this.#ended();
  }

  /** Called after any lease ends; returns the function that unsubscribes. */
  onEnded(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #ended(): void {
    for (const listener of this.#listeners) listener();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#running || this.#leases.size === 0) return;
    const next = Math.min(...[...this.#leases.values()].map((lease) => Date.parse(lease.until)));
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.#now().getTime()));
    this.#timer = setTimeout(() => {
      this.expireDue()
        .catch((error: unknown) => this.#deps.log.error({ err: error }, 'lease expiry failed'))
        .finally(() => this.#schedule());
    }, delay);
    this.#timer.unref();
  }
}
