import type { LeaseView, QueuedSwapView } from '@spark-control/schema';
import { duration, time } from '../format.js';

/** `"nightly eval" (token:ci)`, or the creator alone when the lease has no note. */
export function holderOf(lease: LeaseView): string {
  return lease.note ? `“${lease.note}” (${lease.createdBy})` : lease.createdBy;
}

/** Why the swap button is held back: every lease a swap to `modelId` would break. */
export function leaseBlockText(leases: LeaseView[], modelLabel: (id: string) => string): string {
  return leases
    .map((lease) => `${modelLabel(lease.modelId)} is leased by ${holderOf(lease)} until ${time(lease.until)}`)
    .join('; ');
}

/** The active leases (who, which model, when they end) and the swap that waits for them. */
export function Leases(props: {
  leases: LeaseView[];
  queued: QueuedSwapView | null;
  modelLabel: (id: string) => string;
  now: number;
  onRelease: (lease: LeaseView) => void;
  onCancelQueued: (queued: QueuedSwapView) => void;
}) {
  const queued = props.queued;
  if (props.leases.length === 0 && !queued) return null;
  return (
    <div class="leases" aria-label="Leases">
      {props.leases.length > 0 && (
        <ul class="lease-list">
          {props.leases.map((lease) => (
            <li data-lease-id={lease.id}>
              <span class="badge">leased</span> <strong>{props.modelLabel(lease.modelId)}</strong> by{' '}
              {holderOf(lease)}, ends in {duration(Math.max(0, Date.parse(lease.until) - props.now))} (
              {time(lease.until)}){' '}
              <button class="secondary small-button" onClick={() => props.onRelease(lease)}>
                Release
              </button>
            </li>
          ))}
        </ul>
      )}
      {queued && (
        <p class="muted small" data-queued-swap={queued.id}>
          Waiting for the lease to end: a swap to <strong>{props.modelLabel(queued.modelId)}</strong> (queued
          by {queued.actor}){' '}
          <button class="secondary small-button" onClick={() => props.onCancelQueued(queued)}>
            Cancel
          </button>
        </p>
      )}
    </div>
  );
}
