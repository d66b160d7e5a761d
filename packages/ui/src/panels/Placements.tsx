import type { PlacementStatus, PlacementView } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { api } from '../api.js';
import { useLiveEvent } from '../live.js';

const STATUS_WORDS: Record<PlacementStatus, string> = {
  serving: 'Serving',
  swapping: 'Swapping',
  idle: 'Idle',
  unreachable: 'Unreachable',
};

/** Each vLLM instance: where it runs, what it serves, and the share of its Spark's memory it reserves. */
export function Placements(props: { reloadKey: number }) {
  const [placements, setPlacements] = useState<PlacementView[]>([]);
  const load = async () => {
    const response = await api.api.placements.$get();
    if (response.ok) setPlacements((await response.json()).placements);
  };
  useEffect(() => {
    void load();
  }, [props.reloadKey]);
  useLiveEvent(['swap.phase'], (event) => {
    if (event.type === 'swap.phase' && event.swap.status !== 'running') void load();
  });
  if (placements.length === 0) return null;
  return (
    <ul class="placements" aria-label="Placements">
      {placements.map((placement) => {
        const share =
          placement.memoryBudgetGiB !== null && placement.sparkMemoryGiB
            ? placement.memoryBudgetGiB / placement.sparkMemoryGiB
            : null;
        const labelId = `placement-${placement.id}`;
        return (
          <li data-placement-id={placement.id} data-status={placement.status}>
            <span id={labelId}>
              <strong>{placement.id}</strong> on {placement.sparkIds.join(' + ')}{' '}
              <span class="muted small">
                ({placement.container}, port {placement.port})
              </span>
            </span>{' '}
            <span class="badge">{STATUS_WORDS[placement.status]}</span>{' '}
            {placement.servedModel && <span class="mono">{placement.servedModel}</span>}
            {share !== null && (
              <div class="meter-row">
                <span class="small">Memory reserved</span>
                <meter aria-labelledby={labelId} min={0} max={1} value={share} />
                <span class="small">
                  {placement.memoryBudgetGiB} / {placement.sparkMemoryGiB} GiB
                </span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
