import type { ServiceHistory, ServiceStatus } from '@spark-control/schema';

const AVAILABLE: ServiceStatus[] = ['up', 'degraded'];
const HOUR_MS = 3_600_000;

/** Latency points, oldest first: per-minute averages, then the recent raw samples. */
export function latencyPoints(history: ServiceHistory, max = 60): number[] {
  const points = [
    ...history.minutes.map((minute) => minute.latencyAvgMs),
    ...history.samples.map((sample) => sample.latencyMs),
  ].filter((value): value is number => value !== null);
  return points.slice(-max);
}

/** A hand-drawn latency line; aria-hidden because the tile states the latency in words. */
export function Sparkline(props: { points: number[] }) {
  const { points } = props;
  if (points.length < 2) return <svg class="sparkline" aria-hidden="true" viewBox="0 0 100 24" />;
  const top = Math.max(...points, 1);
  const step = 100 / (points.length - 1);
  const path = points
    .map(
      (value, index) =>
        `${index === 0 ? 'M' : 'L'}${(index * step).toFixed(1)},${(22 - (value / top) * 20).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg class="sparkline" aria-hidden="true" viewBox="0 0 100 24" preserveAspectRatio="none">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        vector-effect="non-scaling-stroke"
      />
    </svg>
  );
}

/** Share available per hour over the last 24 hours (null: no data that hour; planned swaps excluded). */
export function hourlyUptime(history: ServiceHistory, now = Date.now()): (number | null)[] {
  const hours = Array.from({ length: 24 }, () => ({ total: 0, available: 0 }));
  const bucket = (at: string) => 23 - Math.floor((now - Date.parse(at)) / HOUR_MS);
  for (const minute of history.minutes) {
    const slot = hours[bucket(minute.minute)];
    if (!slot) continue;
    slot.total += minute.samples - minute.excluded;
    slot.available += minute.available;
  }
  for (const sample of history.samples) {
    const slot = hours[bucket(sample.at)];
    if (!slot || sample.status === 'swapping' || sample.status === 'disabled') continue;
    slot.total += 1;
    if (AVAILABLE.includes(sample.status)) slot.available += 1;
  }
  return hours.map((slot) => (slot.total === 0 ? null : slot.available / slot.total));
}

export function UptimeBar(props: { hours: (number | null)[]; label: string }) {
  return (
    <div class="uptime" role="img" aria-label={props.label}>
      {props.hours.map((share) => (
        <span
          class={share === null ? 'none' : share >= 0.99 ? 'good' : share >= 0.9 ? 'fair' : 'bad'}
          title={share === null ? 'no data' : `${Math.round(share * 100)}% available`}
        />
      ))}
    </div>
  );
}
