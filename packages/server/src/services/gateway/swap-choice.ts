import type { LeaseView, ModelDef } from '@spark-control/schema';
import { DomainError } from '../domain-error.js';
import { describeLease } from '../leases/lease-service.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import type { SettingsSource } from '../settings-source.js';
import type { RoutesSnapshot } from './model-routes.js';
import type { PlacementActivity } from './placement-activity.js';

/** Where a requested model goes: a placement serving it (or being swapped to it), or the one to swap it onto. */
export interface SwapChoice {
  placementId: string;
  /** False when the placement serves the model already or a swap to it runs there: wait, start nothing. */
  swapNeeded: boolean;
}

export interface SwapChoiceDeps {
  settings: SettingsSource;
  placements: Pick<PlacementDirectory, 'fits'>;
  activity: Pick<PlacementActivity, 'inFlight' | 'loadedAt' | 'idleSince' | 'now'>;
  swaps: { isSwapping(placementId?: string): boolean; swappingTo?(placementId: string): string | null };
  leases?: { active(): LeaseView[] } | undefined;
  catalog: { byServedName(name: string): Pick<ModelDef, 'id'> | undefined };
  /** The served names of each placement now; a placement that does not answer serves nothing. */
  served: () => Promise<ReadonlyMap<string, readonly string[]>>;
}

/** A placement the request may not take, and why (the held model, then each reason). */
interface Refusal {
  placementId: string;
  held: string;
  reasons: string[];
  /** Seconds until only its residency would have expired; undefined when something else holds it. */
  freeInSec: number | undefined;
  leased: boolean;
}

/** When every placement is busy for something other than residency, try again after this long. */
const BUSY_RETRY_SEC = 30;

/**
 * The swap-on-request rule (ADR 0017). Among the placements where the model may run: one already
 * serving it (or being swapped to it) needs no swap; else an empty one; else the one idle longest. A request never evicts a
 * model that is pinned, has requests in flight, is held by a lease, or was loaded less than
 * `gateway.minResidencySec` ago, so alternating requests cannot make the placements swap constantly.
 * With no placement allowed the request gets a 503 that names what holds each one.
 */
export class SwapChoices {
  constructor(private readonly deps: SwapChoiceDeps) {}

  async choose(model: Pick<ModelDef, 'id' | 'tensorParallel'>, servedName: string): Promise<SwapChoice> {
    const { placements, swaps } = this.deps;
    const candidates = placements
      .fits(model)
      .filter((fit) => fit.problem === null)
      .map((fit) => fit.placement.id);
    if (candidates.length === 0) {
      throw new DomainError('NOT_FOUND', `The model \`${servedName}\` may not run on any placement.`, {
        openAiCode: 'model_not_found',
        param: 'model',
      });
    }
    const served = await this.deps.served();
    const serving = candidates.find(
      (id) => served.get(id)?.includes(servedName) || swaps.swappingTo?.(id) === model.id,
    );
    if (serving !== undefined) return { placementId: serving, swapNeeded: false };
    const idle = candidates.filter((id) => !swaps.isSwapping(id));
    const empty = idle.find((id) => (served.get(id) ?? []).length === 0);
    if (empty !== undefined) return { placementId: empty, swapNeeded: true };

    const refusals: Refusal[] = candidates
      .filter((id) => swaps.isSwapping(id))
      .map((id) => ({
        placementId: id,
        held: 'a model being swapped in',
        reasons: [],
        freeInSec: undefined,
        leased: false,
      }));
    const allowed: string[] = [];
    for (const id of idle) {
      const refusal = this.#refusal(id, served.get(id) ?? []);
      if (refusal) refusals.push(refusal);
      else allowed.push(id);
    }
    const idlest = allowed.reduce<string | undefined>(
      (best, id) =>
        best === undefined || this.deps.activity.idleSince(id) < this.deps.activity.idleSince(best)
          ? id
          : best,
      undefined,
    );
    if (idlest !== undefined) return { placementId: idlest, swapNeeded: true };
    throw busy(servedName, refusals);
  }

  /** Why a request may not evict what `placementId` serves; undefined when it may. */
  #refusal(placementId: string, names: readonly string[]): Refusal | undefined {
    const { settings, activity, leases, catalog } = this.deps;
    const { minResidencySec, modelPolicies } = settings.current.gateway;
    const heldIds = names.map((name) => catalog.byServedName(name)?.id);
    const reasons: string[] = [];
    if (modelPolicies.some((policy) => policy.pin && heldIds.includes(policy.modelId)))
      reasons.push('pinned');
    const inFlight = activity.inFlight(placementId);
    if (inFlight > 0) reasons.push(`${inFlight} ${inFlight === 1 ? 'request' : 'requests'} in flight`);
    const held = (leases?.active() ?? []).filter((lease) => heldIds.includes(lease.modelId));
    if (held.length > 0) reasons.push(held.map(describeLease).join('; '));
    let freeInSec: number | undefined;
    const loadedAt = activity.loadedAt(placementId);
    if (loadedAt !== undefined) {
      const residentSec = Math.floor((activity.now() - loadedAt) / 1000);
      if (residentSec < minResidencySec) {
        reasons.push(`loaded ${residentSec} s ago, minimum residency ${minResidencySec} s`);
        if (reasons.length === 1) freeInSec = minResidencySec - residentSec;
      }
    }
    if (reasons.length === 0) return undefined;
    return { placementId, held: names.join(', '), reasons, freeInSec, leased: held.length > 0 };
  }
}

/**
 * Every placement that may serve the model holds another that a request may not evict: 409
 * `model_leased` when leases hold them all (that lasts until the leases end), else 503 with when to
 * try again.
 */
function busy(servedName: string, refusals: readonly Refusal[]): DomainError {
  const parts = refusals.map(
    (refusal) =>
      `${refusal.placementId} holds ${refusal.held}${refusal.reasons.length > 0 ? ` (${refusal.reasons.join(', ')})` : ''}`,
  );
  const message = `The model \`${servedName}\` is not loaded and every placement that may serve it is busy: ${parts.join('; ')}.`;
  if (refusals.every((refusal) => refusal.leased)) {
    return new DomainError('LEASED', message, { openAiCode: 'model_leased', param: 'model' });
  }
  const waits = refusals.map((refusal) => refusal.freeInSec ?? BUSY_RETRY_SEC);
  return new DomainError('UNAVAILABLE', message, {
    retryAfterSec: Math.max(1, Math.min(...waits)),
    openAiCode: 'placements_busy',
    param: 'model',
  });
}

/** The served names of each placement that answered in `snapshot`. */
export function servedByPlacement(snapshot: RoutesSnapshot): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const entry of snapshot.models)
    served.set(entry.placement, [...(served.get(entry.placement) ?? []), entry.id]);
  return served;
}
