import type { SchedulePort } from '../schedules/schedule-service.js';
import { describeLease, type LeaseService } from './lease-service.js';

/**
 * Leases as schedules see them: a window start is skipped while a lease holds another model on the
 * placement (today the one vLLM, `vllm`), and every active lease is drawn on the timeline.
 */
export function leaseSchedulePort(leases: Pick<LeaseService, 'active' | 'blocking'>): SchedulePort {
  return {
    isBlocked: ({ modelId }) => {
      const blocking = leases.blocking(modelId);
      return Promise.resolve(blocking.length > 0 ? { reason: blocking.map(describeLease).join('; ') } : null);
    },
    holds: (from, to) =>
      Promise.resolve(
        leases
          .active()
          .filter(
            (lease) => Date.parse(lease.createdAt) < to.getTime() && Date.parse(lease.until) > from.getTime(),
          )
          .map((lease) => ({
            from: new Date(Math.max(Date.parse(lease.createdAt), from.getTime())),
            until: new Date(lease.until),
            modelId: lease.modelId,
            placement: 'vllm' as const,
            holder: lease.note || lease.createdBy,
          })),
      ),
  };
}
