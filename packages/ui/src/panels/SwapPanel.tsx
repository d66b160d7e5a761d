import type { CatalogModel, LeaseView, QueuedSwapView, SwapView } from '@spark-control/schema';
import { useEffect, useRef, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { announce } from '../announce.js';
import { PHASE_WORDS } from '../format.js';
import { useLiveEvent } from '../live.js';
import { Leases, leaseBlockText } from './Leases.js';
import { Placements } from './Placements.js';
import { SwapFailure } from './SwapFailure.js';
import { SwapHistory } from './SwapHistory.js';
import { SwapProgress } from './SwapProgress.js';

const LOG_LINES = 400;

/** A swap's state in words, as the live region says it. */
function swapWords(swap: SwapView): string {
  const phase = PHASE_WORDS[swap.phase] ?? swap.phase;
  if (swap.status === 'running') return `Swap to ${swap.modelId}: ${phase}`;
  if (swap.status === 'ready') return `Swap to ${swap.modelId}: ready`;
  return `Swap to ${swap.modelId} ${swap.status}`;
}

/** Pick a catalog model, confirm, and watch the swap load (or fail, with its cause). */
export function SwapPanel(props: { reloadKey: number; catalogVersion: number }) {
  const [models, setModels] = useState<CatalogModel[]>([]);
  const [served, setServed] = useState<string | null>(null);
  const [swap, setSwap] = useState<SwapView | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [history, setHistory] = useState<SwapView[]>([]);
  const [picked, setPicked] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [leases, setLeases] = useState<LeaseView[]>([]);
  const [queued, setQueued] = useState<QueuedSwapView | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const [focusCancel, setFocusCancel] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const loadHistory = async () => {
    const response = await api.api.swap.history.$get();
    if (response.ok) setHistory((await response.json()).swaps);
  };
  const loadCurrent = async (keepSwap = false) => {
    const response = await api.api.swap.current.$get({ query: {} });
    if (!response.ok) return;
    const body = await response.json();
    setServed(body.servedModel);
    setQueued(body.queued);
    if (keepSwap) return;
    setSwap(body.swap);
    setLog(body.swap?.logTail ?? []);
  };
  const loadLeases = async () => {
    const response = await api.api.leases.$get();
    if (response.ok) setLeases((await response.json()).leases);
  };
  useEffect(() => {
    void loadCurrent();
    void loadHistory();
    void loadLeases();
  }, [props.reloadKey]);
  useLiveEvent(['lease.created', 'lease.released', 'lease.expired'], () => void loadLeases());
  useLiveEvent(['swap.queued'], (event) => setQueued(event.queued));
  useEffect(() => {
    void (async () => {
      const response = await api.api.catalog.$get();
      if (response.ok) setModels((await response.json()).models);
    })();
  }, [props.reloadKey, props.catalogVersion]);

  const spoken = useRef<{ id: string; words: string }>({ id: '', words: '' });
  useLiveEvent(['swap.phase', 'swap.log'], (event) => {
    if (event.type === 'swap.log') {
      setLog((lines) => [...lines, event.line].slice(-LOG_LINES));
      return;
    }
    setSwap((previous) => {
      if (previous?.id !== event.swap.id) setLog(event.swap.logTail);
      return event.swap;
    });
    const said = spoken.current;
    const words = swapWords(event.swap);
    if (said.id !== event.swap.id || said.words !== words) announce(words);
    spoken.current = { id: event.swap.id, words };
    if (event.swap.status !== 'running') {
      void loadHistory();
      void loadCurrent(true);
    }
  });

  const running = swap?.status === 'running';
  const pickedModel = models.find((model) => model.id === picked);
  const currentModel = swap?.status === 'ready' ? swap.modelId : undefined;
  const modelLabel = (id: string) => models.find((model) => model.id === id)?.label ?? id;
  const activeLeases = leases.filter((lease) => Date.parse(lease.until) > now);
  const blockingLeases = pickedModel ? activeLeases.filter((lease) => lease.modelId !== pickedModel.id) : [];
  const isServing = (model: CatalogModel) => model.servedName === served || model.id === currentModel;
  const pickedServing = pickedModel !== undefined && isServing(pickedModel);
  // "Yes, swap now" goes away with the dialog; its successor control is "Cancel swap".
  useEffect(() => {
    if (focusCancel && running) {
      cancelButton.current?.focus();
      setFocusCancel(false);
    }
  }, [focusCancel, running]);

  const start = async (whenLeased: 'refuse' | 'queue' = 'refuse') => {
    setConfirming(false);
    setError('');
    const response = await api.api.swap.$post({ json: { modelId: picked, whenLeased } });
    if (!response.ok) setError(await errorMessage(response, 'the swap did not start'));
    else {
      const body = await response.json();
      if (body.queued) setQueued(body.queued);
      else {
        setLog([]);
        setFocusCancel(true);
      }
    }
  };
  const release = async (lease: LeaseView) => {
    const response = await api.api.leases[':id'].$delete({ param: { id: lease.id } });
    if (!response.ok) setError(await errorMessage(response, 'the lease could not be released'));
    void loadLeases();
  };
  const cancelQueued = async (waiting: QueuedSwapView) => {
    const response = await api.api.swap[':id'].cancel.$post({ param: { id: waiting.id } });
    if (!response.ok) setError(await errorMessage(response, 'the queued swap could not be cancelled'));
    else setQueued(null);
  };
  const cancel = async () => {
    if (!swap) return;
    const response = await api.api.swap[':id'].cancel.$post({ param: { id: swap.id } });
    if (!response.ok) setError(await errorMessage(response, 'the swap could not be cancelled'));
  };

  return (
    <section class="card" aria-labelledby="swap-title" id="swap">
      <h2 id="swap-title">Model on vLLM</h2>
      <p class="muted small">
        Serving now: <span class="mono">{served ?? currentModel ?? 'unknown'}</span>
      </p>
      <Placements reloadKey={props.reloadKey} />
      <Leases
        leases={activeLeases}
        queued={queued}
        modelLabel={modelLabel}
        now={now}
        onRelease={(lease) => void release(lease)}
        onCancelQueued={(waiting) => void cancelQueued(waiting)}
      />
      <fieldset class="models" disabled={running}>
        <legend>Choose a model</legend>
        {models.length === 0 && <p class="muted">The catalog is empty; add a model below.</p>}
        {models.map((model) => (
          <label class={`model-option ${picked === model.id ? 'picked' : ''}`} data-model-id={model.id}>
            <input
              type="radio"
              name="model"
              value={model.id}
              checked={picked === model.id}
              onChange={() => {
                setPicked(model.id);
                setConfirming(false);
              }}
            />
            <span class="model-name">{model.label}</span>
            <span class="badges">
              {model.source === 'local' && <span class="badge">local</span>}
              {model.tensorParallel > 1 && (
                <span class="badge">
                  TP={model.tensorParallel} · {model.tensorParallel} Sparks
                </span>
              )}
              {isServing(model) && <span class="badge good">serving</span>}
            </span>
            <span class="muted small mono">{model.hfRepo ?? model.localPath}</span>
          </label>
        ))}
      </fieldset>
      <div class="row">
        {!confirming && (
          <button
            disabled={!pickedModel || pickedServing || running || blockingLeases.length > 0}
            onClick={() => setConfirming(true)}
          >
            {!pickedModel
              ? 'Pick a model to swap'
              : pickedServing
                ? `${pickedModel.label} is serving`
                : `Swap to ${pickedModel.label}`}
          </button>
        )}
        {!confirming && pickedModel && blockingLeases.length > 0 && !queued && (
          <button class="secondary" onClick={() => void start('queue')}>
            Swap when the lease ends
          </button>
        )}
        {running && swap && (
          <button class="secondary" ref={cancelButton} onClick={() => void cancel()}>
            Cancel swap
          </button>
        )}
      </div>
      {pickedModel && blockingLeases.length > 0 && (
        <p class="muted small" role="note" data-lease-block>
          Swapping is held back: {leaseBlockText(blockingLeases, modelLabel)}.
        </p>
      )}
      {confirming && pickedModel && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            Stop the current model and load <strong>{pickedModel.label}</strong>
            {pickedModel.tensorParallel > 1 ? ` on ${pickedModel.tensorParallel} Sparks` : ''}? Chat requests
            fail until it is ready.
          </p>
          <div class="row">
            <button ref={confirmButton} onClick={() => void start()}>
              Yes, swap now
            </button>
            <button class="secondary" onClick={() => setConfirming(false)}>
              Keep the current model
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {swap?.status === 'failed' && <SwapFailure swap={swap} />}
      {swap && <SwapProgress swap={swap} log={log} />}
      <details class="history">
        <summary>Swap history ({history.length})</summary>
        <SwapHistory swaps={history} />
      </details>
    </section>
  );
}
