import * as v from 'valibot';
import { SlugSchema } from './fields.js';

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** `HH:MM`, 24-hour, in the owner's time zone. */
export const TimeOfDaySchema = v.pipe(
  v.string('must be text'),
  v.regex(TIME_OF_DAY, 'must be a time of day as HH:MM (00:00 to 23:59)'),
);

/** True when `Intl` knows the name (`Europe/Berlin`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, or blank for the server's own zone. */
export const TimeZoneSchema = v.pipe(
  v.string('must be text'),
  v.maxLength(64, 'is too long'),
  v.check(
    (name) => name === '' || isTimeZone(name),
    'must be an IANA time zone such as Europe/Berlin, or blank',
  ),
);

/**
 * A time-of-day swap profile: from `start` to `end` (exclusive) `modelId` should be served on
 * `placement`. `end` before `start` wraps past midnight ("22:00"–"06:00"); `end` equal to `start` is refused.
 */
export const ScheduleBodySchema = v.pipe(
  v.strictObject({
    modelId: SlugSchema,
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    /** A placement id; blank: the one that may serve `modelId` (placements.ts). */
    placement: v.optional(SlugSchema),
    enabled: v.optional(v.boolean('must be true or false'), true),
    note: v.optional(v.pipe(v.string('must be text'), v.maxLength(200, 'is too long')), ''),
  }),
  v.forward(
    v.check((body) => body.start !== body.end, 'must differ from start (a window cannot be empty)'),
    ['end'],
  ),
);
export type ScheduleBody = v.InferOutput<typeof ScheduleBodySchema>;

export const TimelineQuerySchema = v.strictObject({
  hours: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be a whole number of hours from 1 to 168'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(168, 'must be at most 168'),
    ),
    '24',
  ),
});

/** How a schedule's window start went. */
export type ScheduleOutcome = 'swapped' | 'already-serving' | 'skipped' | 'failed';

export interface ScheduleRun {
  scheduleId: string;
  /** The window start this run is for. */
  windowStart: string;
  ranAt: string;
  outcome: ScheduleOutcome;
  /** Why it was skipped or failed, in plain words; null when it swapped or nothing was needed. */
  reason: string | null;
  swapId: string | null;
}

export interface ScheduleView extends ScheduleBody {
  /** The placement it swaps, resolved when the schedule was saved. */
  placement: string;
  id: string;
  createdAt: string;
  lastRun: ScheduleRun | null;
}

/** The next hours: planned swaps, and holds (leases) when something provides them. */
export type TimelineEntry =
  | { kind: 'swap'; at: string; scheduleId: string; modelId: string; placement: string; until: string }
  | { kind: 'lease'; from: string; until: string; modelId: string; placement: string; holder: string };

export interface ScheduleTimeline {
  timeZone: string;
  from: string;
  to: string;
  entries: TimelineEntry[];
}

export const SparkHistoryQuerySchema = v.strictObject({
  hours: v.optional(v.picklist(['1', '24'], 'must be 1 or 24'), '1'),
});

/** One point of a Spark's hardware history: a 5 s sample, or a minute's average. */
export interface SparkHistoryPoint {
  at: string;
  memUsedBytes: number | null;
  memTotalBytes: number | null;
  gpuPct: number | null;
  temperatureC: number | null;
  diskFreeBytes: number | null;
  diskTotalBytes: number | null;
}

export interface SparkHistory {
  sparkId: string;
  hours: 1 | 24;
  points: SparkHistoryPoint[];
}

/**
 * How long each part of a swap took, in milliseconds; a part that did not happen is absent.
 * `weights`: from the launch to vLLM's "Loading weights took"; `warmup`: from there to being served
 * (compile, KV cache, CUDA graphs); `ready`: the whole swap; `firstToken`: a one-token test request.
 */
export const SWAP_TIMING_PARTS = [
  'stop',
  'memoryReleased',
  'launch',
  'weights',
  'warmup',
  'ready',
  'firstToken',
] as const;
export type SwapTimingPart = (typeof SWAP_TIMING_PARTS)[number];
export type SwapTimings = Partial<Record<SwapTimingPart, number>>;

/** The typical swap to a model: medians over its recent successful swaps. */
export interface ModelSwapDurations {
  modelId: string;
  swaps: number;
  median: SwapTimings;
}
