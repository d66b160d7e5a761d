import { SWAP_PHASES, type SwapView } from '@spark-control/schema';
import { useEffect, useRef, useState } from 'hono/jsx/dom';
import { duration, PHASE_WORDS } from '../format.js';

/** Where each phase starts on the progress bar (as the server's swap/progress.ts sets it). */
const PHASE_START = [0, 0.05, 0.12, 0.2, 0.25, 1];

/** The running (or last) swap: phase steps, a progress bar, elapsed time and the streaming log. */
export function SwapProgress(props: { swap: SwapView; log: string[] }) {
  const { swap } = props;
  const [now, setNow] = useState(Date.now());
  const logRef = useRef<HTMLPreElement>(null);
  const running = swap.status === 'running';

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  useEffect(() => {
    const pane = logRef.current;
    if (pane) pane.scrollTop = pane.scrollHeight;
  }, [props.log.length]);

  const end = swap.finishedAt ? Date.parse(swap.finishedAt) : now;
  const elapsed = duration(end - Date.parse(swap.startedAt));
  const reached = SWAP_PHASES.indexOf(swap.phase as (typeof SWAP_PHASES)[number]);
  const pct = Math.round(swap.progress * 100);
  // A finished swap no longer names its phase; its progress tells which phase it stopped in.
  const doneSteps = Math.max(0, PHASE_START.filter((start) => start <= swap.progress).length - 1);
  return (
    <div
      class="swap-progress"
      data-swap-id={swap.id}
      data-swap-status={swap.status}
      data-swap-phase={swap.phase}
    >
      <p>
        {swap.kind === 'unload' && <span class="muted">unload </span>}
        <strong>{swap.modelId}</strong>
        {swap.kind === 'swap' && swap.previousModelId && (
          <span class="muted"> (was {swap.previousModelId})</span>
        )}{' '}
        · <span class={`swap-status ${swap.status}`}>{PHASE_WORDS[swap.phase] ?? swap.phase}</span> ·{' '}
        <span class="muted">{running ? `${elapsed} so far` : `took ${elapsed}`}</span>
      </p>
      <div
        class={`progress ${swap.status}`}
        role="progressbar"
        aria-label="Swap progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${PHASE_WORDS[swap.phase] ?? swap.phase}, ${pct}%`}
      >
        <span style={`width:${pct}%`} />
      </div>
      <ol class="phases" aria-label="Swap phases">
        {SWAP_PHASES.map((phase, index) => (
          <li
            class={
              swap.phase === phase && running
                ? 'current'
                : index < reached || swap.status === 'ready' || (reached === -1 && index < doneSteps)
                  ? 'done'
                  : reached === -1 && index === doneSteps
                    ? 'stopped'
                    : ''
            }
            aria-current={swap.phase === phase ? 'step' : undefined}
          >
            {PHASE_WORDS[phase]}
          </li>
        ))}
      </ol>
      {swap.preflight.length > 0 && (
        <details open={swap.phase === 'preflight' || swap.preflight.some((line) => !line.ok)}>
          <summary>
            Checks before stopping anything ({swap.preflight.filter((line) => line.ok).length} of{' '}
            {swap.preflight.length} passed)
          </summary>
          <ul class="preflight" aria-label="Preflight checks">
            {swap.preflight.map((line) => (
              <li class={line.ok ? 'ok' : 'error'} data-check={line.check} data-ok={String(line.ok)}>
                <span aria-hidden="true">{line.ok ? '✓' : '✗'}</span> <strong>{line.check}</strong>
                <span class="sr-only">{line.ok ? ' passed' : ' failed'}</span>: {line.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details open={running || swap.status === 'failed'}>
        <summary>Log ({props.log.length} lines)</summary>
        <pre class="log" ref={logRef} tabindex={0} aria-label="Swap log" aria-live="off">
          {props.log.join('\n') || 'No output yet.'}
        </pre>
      </details>
    </div>
  );
}
