import type { SwapTriage, SwapView } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { reasoningApi } from '../clients.js';
import { CAUSE_WORDS } from '../format.js';

type Triage = { state: 'loading' } | { state: 'done'; triage: SwapTriage } | { state: 'unavailable' };

/** Why a swap failed, in plain words, with the reasoning client's explanation and the rollback outcome. */
export function SwapFailure(props: { swap: SwapView }) {
  const { swap } = props;
  const [triage, setTriage] = useState<Triage>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const explain = async () => {
      try {
        const response = await reasoningApi[':task'].$post({
          param: { task: 'swap_triage' },
          json: {
            input: { cause: swap.cause ?? 'unknown', logTail: swap.logTail.join('\n'), model: swap.modelId },
          },
        });
        if (cancelled) return;
        if (!response.ok) return setTriage({ state: 'unavailable' });
        const body = await response.json();
        if (cancelled) return;
        setTriage({ state: 'done', triage: body.result as SwapTriage });
      } catch {
        if (!cancelled) setTriage({ state: 'unavailable' });
      }
    };
    void explain();
    return () => {
      cancelled = true;
    };
  }, [swap.id]);

  const rollback = swap.rollback;
  return (
    <section
      class="failure"
      role="alert"
      aria-labelledby="failure-title"
      data-cause={swap.cause ?? 'unknown'}
    >
      <h3 id="failure-title">Swap to {swap.modelId} failed</h3>
      <p class="cause">{CAUSE_WORDS[swap.cause ?? 'unknown']}</p>
      {swap.hint && <p class="hint">{swap.hint}</p>}
      {swap.message && <p class="muted small mono">{swap.message}</p>}
      <div class="triage" aria-live="polite">
        <h4>Explanation</h4>
        {triage.state === 'loading' && <p class="muted">Asking the reasoning model…</p>}
        {triage.state === 'unavailable' && <p class="muted">Explanation unavailable right now.</p>}
        {triage.state === 'done' && (
          <dl>
            <dt>Evidence</dt>
            <dd>{triage.triage.evidence}</dd>
            <dt>What to do</dt>
            <dd>{triage.triage.fix}</dd>
          </dl>
        )}
      </div>
      <p class="rollback">
        <strong>Rollback: </strong>
        {rollback === null
          ? 'none (no previous model to go back to).'
          : rollback.status === 'ready'
            ? `${rollback.modelId} is serving again.`
            : rollback.status === 'running'
              ? `putting ${rollback.modelId} back…`
              : rollback.status === 'skipped'
                ? `skipped: ${rollback.message}`
                : `failed: ${rollback.message}`}
      </p>
    </section>
  );
}
