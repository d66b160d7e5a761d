import type { PlacementView } from '@spark-control/schema';
import { PLACEMENT_STATUS_WORDS, sparkMemoryBars, type MemorySegment } from '../placements.js';

/** "vllm: loading gpt-oss-120b, 95.2 GiB" */
function segmentWords(segment: MemorySegment): string {
  const model = segment.modelId
    ? segment.status === 'swapping'
      ? `loading ${segment.modelId}`
      : segment.modelId
    : 'no model';
  const size = segment.budgetGiB === null ? '' : `, ${segment.budgetGiB} GiB`;
  return `${segment.placementId}: ${model}${size}`;
}

const spoken = (segment: MemorySegment) =>
  `${segmentWords(segment)} (${PLACEMENT_STATUS_WORDS[segment.status]})`;

/**
 * Per Spark, a bar of its unified memory split by the placements on it: each placement's reserved
 * share, coloured by its state, and what is left free.
 */
export function PlacementMemory(props: { placements: PlacementView[] }) {
  const bars = sparkMemoryBars(props.placements);
  if (bars.length === 0) return null;
  return (
    <div class="placement-memory">
      {bars.map((bar) => {
        const labelId = `memory-${bar.id}`;
        const free =
          bar.freeFraction !== null && bar.memoryGiB !== null
            ? Math.round(bar.freeFraction * bar.memoryGiB * 10) / 10
            : null;
        return (
          <figure class="memory-bar" data-memory-spark={bar.id} aria-labelledby={labelId}>
            <figcaption id={labelId} class="small">
              <strong>{bar.label}</strong>{' '}
              <span class="muted">
                {bar.memoryGiB === null ? 'memory unread' : `${bar.memoryGiB} GiB unified memory`}
                {free !== null && ` · ${free} GiB free`}
              </span>
            </figcaption>
            <div class="memory-track" role="img" aria-label={bar.segments.map(spoken).join('; ')}>
              {bar.segments
                .filter((segment) => segment.fraction > 0)
                .map((segment) => (
                  <span
                    class={`memory-segment placement-${segment.status}`}
                    style={`width: ${(segment.fraction * 100).toFixed(2)}%`}
                    data-segment-placement={segment.placementId}
                    data-status={segment.status}
                    data-segment-model={segment.modelId ?? ''}
                    data-budget-gib={segment.budgetGiB ?? ''}
                    title={spoken(segment)}
                  >
                    {segment.placementId}
                  </span>
                ))}
            </div>
            <ul class="memory-legend small">
              {bar.segments.map((segment) => (
                <li data-legend-placement={segment.placementId} data-status={segment.status}>
                  <span class={`swatch placement-${segment.status}`} aria-hidden="true" />
                  {segmentWords(segment)}
                  <span class="muted"> · {PLACEMENT_STATUS_WORDS[segment.status]}</span>
                </li>
              ))}
            </ul>
          </figure>
        );
      })}
    </div>
  );
}
