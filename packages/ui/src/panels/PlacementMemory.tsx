import type { PlacementView } from '@spark-control/schema';
import { PLACEMENT_STATUS_WORDS, sparkMemoryBars, type MemorySegment } from '../placements.js';

/**
 * "vllm: loading gpt-oss-120b, 95.2 GiB"; "vllm: nothing reserved here" on a Spark its model does
 * not use (a tensor-parallel-1 model on a two-Spark placement's second Spark).
 */
function segmentWords(segment: MemorySegment, memoryRead: boolean): string {
  if (segment.modelId === null) return `${segment.placementId}: no model`;
  if (memoryRead && segment.budgetGiB === null)
    return `${segment.placementId}: nothing reserved here (${segment.modelId})`;
  const model = segment.status === 'swapping' ? `loading ${segment.modelId}` : segment.modelId;
  const size = segment.budgetGiB === null ? '' : `, ${segment.budgetGiB} GiB`;
  return `${segment.placementId}: ${model}${size}`;
}

const spoken = (segment: MemorySegment, memoryRead: boolean) =>
  `${segmentWords(segment, memoryRead)} (${PLACEMENT_STATUS_WORDS[segment.status]})`;

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
        const read = bar.memoryGiB !== null;
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
            <div
              class="memory-track"
              role="img"
              aria-label={bar.segments.map((segment) => spoken(segment, read)).join('; ')}
            >
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
                    title={spoken(segment, read)}
                  >
                    {segment.placementId}
                  </span>
                ))}
            </div>
            <ul class="memory-legend small">
              {bar.segments.map((segment) => (
                <li data-legend-placement={segment.placementId} data-status={segment.status}>
                  <span class={`swatch placement-${segment.status}`} aria-hidden="true" />
                  {segmentWords(segment, read)}
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
