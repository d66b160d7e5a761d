import type { ServiceHistory, ServiceStatus } from '@spark-control/schema';

const AVAILABLE: ServiceStatus[] = ['up', 'degraded'];
/** Planned or intentionally empty time: not counted for or against uptime. */
const NOT_COUNTED: ServiceStatus[] = ['swapping', 'disabled', 'unloaded'];
const HOUR_MS = 3_600_000;

/** Latency points, oldest first: per-minute averages, then the recent raw samples. */
export function latencyPoints(history: ServiceHistory, max = 60): number[] {
  const points = [
    ...history.minutes.map((minute) => minute.latencyAvgMs),
    ...history.samples.map((sample) => sample.latencyMs),
  ].filter((value): value is number => value !== null);
  return points.slice(-max);
}

/** Share available per hour over the last 24 hours (null: no data that hour; swaps and unloaded time excluded). */
export function hourlyUptime(history: ServiceHistory, now = Date.now()): (number | null)[] {
  const hours = Array.from({ length: 24 }, () => ({ total: 0, available: 0 }));
  // A sample a moment "ahead" (clock skew between server and browser) counts in the current hour.
  const bucket = (at: string) => 23 - Math.floor(Math.max(0, now - Date.parse(at)) / HOUR_MS);
  for (const minute of history.minutes) {
    const slot = hours[bucket(minute.minute)];
    if (!slot) continue;
    slot.total += minute.samples - minute.excluded;
    slot.available += minute.available;
  }
  for (const sample of history.samples) {
    const slot = hours[bucket(sample.at)];
    if (!slot || NOT_COUNTED.includes(sample.status)) continue;
    slot.total += 1;
    if (AVAILABLE.includes(sample.status)) slot.available += 1;
  }
  return hours.map((slot) => (slot.total === 0 ? null : slot.available / slot.total));
}
