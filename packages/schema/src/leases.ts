import * as v from 'valibot';
import { NumberRangeSchema, SlugSchema } from './fields.js';

/** The longest a lease may hold a model: a week, so a forgotten lease ends on its own. */
export const MAX_LEASE_SEC = 7 * 24 * 3600;

/**
 * `POST /api/leases`: hold `modelId` on its placement until `until` (an ISO time) or for
 * `durationSec`, exactly one of the two. Whether `until` is in the future and within
 * MAX_LEASE_SEC is checked against the server's clock when the lease is made.
 */
export const CreateLeaseBodySchema = v.pipe(
  v.strictObject({
    modelId: SlugSchema,
    until: v.optional(
      v.pipe(
        v.string('must be text'),
        v.isoTimestamp('must be an ISO 8601 time with a time zone, e.g. 2026-01-31T18:00:00Z'),
      ),
    ),
    durationSec: v.optional(NumberRangeSchema(1, MAX_LEASE_SEC, { integer: true, unit: 'seconds' })),
    /** Who or what holds the lease, shown to anyone whose swap it refuses. */
    note: v.optional(
      v.pipe(v.string('must be text'), v.trim(), v.maxLength(200, 'must be at most 200 characters')),
      '',
    ),
  }),
  v.forward(
    v.check(
      (body) => (body.until === undefined) !== (body.durationSec === undefined),
      'give exactly one of until and durationSec',
    ),
    ['until'],
  ),
);

export type CreateLeaseBody = v.InferOutput<typeof CreateLeaseBodySchema>;

/** An active lease as the API lists it. */
export interface LeaseView {
  id: string;
  modelId: string;
  until: string;
  note: string;
  /** The caller that made it: `admin` (the dashboard) or `token:<name>`. */
  createdBy: string;
  createdAt: string;
}

/** A swap waiting for the leases that refused it to end (`POST /api/swap` with `whenLeased: "queue"`). */
export interface QueuedSwapView {
  id: string;
  modelId: string;
  /** The placement named in the request; null: the one the swap service picks. */
  placementId: string | null;
  actor: string;
  queuedAt: string;
  /** The leases it waits for, as they were when it was queued. */
  waitingFor: LeaseView[];
}
