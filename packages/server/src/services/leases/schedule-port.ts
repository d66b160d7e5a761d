import type { LeaseView } from '@spark-control/schema';
import type { SchedulePort } from '../schedules/schedule-service.js';
import { describeLease, type LeaseService } from './lease-service.js';

/** Where leases hold: what a swap on a placement would evict, and the placement a leased model is on. */
export interface LeasePlaces {
  /** The active leases a swap to `modelId` on `placementId` would break. */
  evicted(modelId: string, placementId: string): Promise<readonly LeaseView[]>;
  /** The placement a leased model holds: the one serving it, else one where it may run. */
  placementOf(modelId: string): Promise<string>;
}

/**
 * Leases as schedules see them: a window start is skipped while a lease holds another model on its
 * placement (the swap would evict it), and every active lease is drawn on its placement's timeline.
 */
export function leaseSchedulePort(leases: Pick<LeaseService, 'active'>, places: LeasePlaces): SchedulePort {
  return {
    isBlocked: async ({ modelId, placement }) => {
      const blocking = await places.evicted(modelId, placement);
      return blocking.length > 0 ? { reason: blocking.map(describeLease).join('; ') } : null;
    },
    holds: async (from, to) => {
      const held = leases
        .active()
        .filter(
          (lease) => Date.parse(lease.createdAt) < to.getTime() && Date.parse(lease.until) > from.getTime(),
        );
      // Several leases often hold one model: ask where it is once.
      const placements = new Map<string, Promise<string>>();
      const placementOf = (modelId: string) => {
        const known = placements.get(modelId) ?? places.placementOf(modelId);
        placements.set(modelId, known);
        return known;
      };
      return Promise.all(
        held.map(async (lease) => ({
          from: new Date(Math.max(Date.parse(lease.createdAt), from.getTime())),
          until: new Date(lease.until),
          modelId: lease.modelId,
          placement: await placementOf(lease.modelId),
          holder: lease.note || lease.createdBy,
        })),
      );
    },
  };
}
