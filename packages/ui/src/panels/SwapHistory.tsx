import type { SwapView } from '@spark-control/schema';
import { CAUSE_WORDS, duration, PHASE_WORDS } from '../format.js';

/** Past swaps, newest first. */
export function SwapHistory(props: { swaps: SwapView[] }) {
  if (props.swaps.length === 0) return <p class="muted">No swaps yet.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">Swap history</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Model</th>
            <th scope="col">Result</th>
            <th scope="col">Took</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {props.swaps.map((swap) => (
            <tr>
              <td>{new Date(swap.startedAt).toLocaleString()}</td>
              <td class="mono">
                {swap.kind === 'unload' && <span class="muted">unload </span>}
                {swap.modelId}
              </td>
              <td title={swap.cause ? CAUSE_WORDS[swap.cause] : undefined}>
                <span class={`swap-status ${swap.status}`}>{PHASE_WORDS[swap.phase] ?? swap.phase}</span>
                {swap.cause && <span class="muted"> ({swap.cause.replace(/_/g, ' ')})</span>}
              </td>
              <td>
                {swap.finishedAt ? duration(Date.parse(swap.finishedAt) - Date.parse(swap.startedAt)) : '…'}
              </td>
              <td>{swap.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
