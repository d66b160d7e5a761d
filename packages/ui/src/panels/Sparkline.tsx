/**
 * A hand-drawn line (latency, hardware history); aria-hidden because the text next to it states the
 * value in words. `max` fixes the top of the scale (100 for a percentage); else the largest point.
 */
export function Sparkline(props: { points: number[]; max?: number }) {
  const { points } = props;
  if (points.length < 2) return <svg class="sparkline" aria-hidden="true" viewBox="0 0 100 24" />;
  const top = props.max ?? Math.max(...points, 1);
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
