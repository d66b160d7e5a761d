import type {
  LeaseView,
  PlacedCatalogModel,
  PlacementView,
  QueuedSwapView,
  SwapView,
} from '@spark-control/schema';
import { useEffect, useRef, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { announce } from '../announce.js';
import { PHASE_WORDS } from '../format.js';
import { useLiveEvent } from '../live.js';
import { mayRunOn, PLACEMENT_STATUS_WORDS } from '../placements.js';
import { leaseBlockText } from './Leases.js';
import { SwapFailure } from './SwapFailure.js';
import { SwapProgress } from './SwapProgress.js';

const LOG_LINES = 400;

/** A swap's state in words, as the live region says it. */
function swapWords(swap: SwapView): string {
  const phase = PHASE_WORDS[swap.phase] ?? swap.phase;
  if (swap.kind === 'unload')
    return swap.status === 'running'
      ? `Unload of ${swap.modelId}: ${phase}`
      : `Unload of ${swap.modelId} ${swap.status}`;
  if (swap.status === 'running') return `Swap to ${swap.modelId}: ${phase}`;
  if (swap.status === 'ready') return `Swap to ${swap.modelId}: ready`;
  return `Swap to ${swap.modelId} ${swap.status}`;
}

/**
 * One placement: where it runs, its state, and its own swap control: pick a model that may run
 * there, confirm, and watch its swap load (or fail, with its cause).
 */
export function PlacementSwap(props: {
  placement: PlacementView;
  models: PlacedCatalogModel[];
  leases: LeaseView[];
  queued: QueuedSwapView | null;
  reloadKey: number;
  modelLabel: (id: string) => string;
  onQueued: (queued: QueuedSwapView) => void;
}) {
  const { placement } = props;
  const [swap, setSwap] = useState<SwapView | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [picked, setPicked] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [confirmingUnload, setConfirmingUnload] = useState(false);
  const [error, setError] = useState('');
  const [focusCancel, setFocusCancel] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const confirmUnloadButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The swap whose log lines this placement shows: known from the start answer or its first phase.
  const swapId = useRef('');
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (confirmingUnload) confirmUnloadButton.current?.focus();
  }, [confirmingUnload]);

  useEffect(() => {
    void (async () => {
      const response = await api.api.swap.current.$get({ query: { placementId: placement.id } });
      if (!response.ok) return;
      const body = await response.json();
      swapId.current = body.swap?.id ?? '';
      setSwap(body.swap);
      setLog(body.swap?.logTail ?? []);
    })();
  }, [props.reloadKey, placement.id]);

  const spoken = useRef<{ id: string; words: string }>({ id: '', words: '' });
  useLiveEvent(['swap.phase', 'swap.log'], (event) => {
    if (event.type === 'swap.log') {
      if (event.swapId === swapId.current) setLog((lines) => [...lines, event.line].slice(-LOG_LINES));
      return;
    }
    if (event.swap.placementId !== placement.id) return;
    if (swapId.current !== event.swap.id) setLog(event.swap.logTail);
    swapId.current = event.swap.id;
    setSwap(event.swap);
    const said = spoken.current;
    const words = swapWords(event.swap);
    if (said.id !== event.swap.id || said.words !== words) announce(words);
    spoken.current = { id: event.swap.id, words };
  });

  const models = props.models.filter((model) => mayRunOn(model, placement.id));
  const running = swap?.status === 'running';
  const pickedModel = models.find((model) => model.id === picked);
  const readyModel = swap?.status === 'ready' && swap.kind === 'swap' ? swap.modelId : undefined;
  const servedModel = placement.servedModel ?? readyModel ?? null;
  const isServing = (model: PlacedCatalogModel) => model.id === servedModel;
  const pickedServing = pickedModel !== undefined && isServing(pickedModel);
  // A lease holds the model this placement serves: a swap here to another model would evict it.
  const blockingLeases = pickedModel
    ? props.leases.filter((lease) => lease.modelId === servedModel && lease.modelId !== pickedModel.id)
    : [];
  const queuedHere = props.queued?.placementId === placement.id ? props.queued : null;
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
    const response = await api.api.swap.$post({
      json: { modelId: picked, placementId: placement.id, whenLeased },
    });
    if (!response.ok) return setError(await errorMessage(response, 'the swap did not start'));
    const body = await response.json();
    if (body.queued) return props.onQueued(body.queued);
    if (body.swapId) swapId.current = body.swapId;
    setLog([]);
    setFocusCancel(true);
  };
  const unload = async () => {
    setConfirmingUnload(false);
    setError('');
    const response = await api.api.swap.unload.$post({ json: { placementId: placement.id } });
    if (!response.ok) return setError(await errorMessage(response, 'the unload did not start'));
    swapId.current = (await response.json()).swapId;
    setLog([]);
    setFocusCancel(true);
  };
  const cancel = async () => {
    if (!swap) return;
    const response = await api.api.swap[':id'].cancel.$post({ param: { id: swap.id } });
    if (!response.ok) setError(await errorMessage(response, 'the swap could not be cancelled'));
  };

  const titleId = `placement-${placement.id}`;
  const name = `model-${placement.id}`;
  return (
    <section
      class="placement"
      aria-labelledby={titleId}
      data-placement-id={placement.id}
      data-status={placement.status}
    >
      <h3 id={titleId}>
        {placement.id}{' '}
        <span class={`badge placement-${placement.status}`}>{PLACEMENT_STATUS_WORDS[placement.status]}</span>
      </h3>
      <p class="muted small">
        On {placement.sparks.map((spark) => spark.label).join(' + ')} · {placement.container}, port{' '}
        {placement.port}
        {placement.memoryBudgetGiB !== null && ` · ${placement.memoryBudgetGiB} GiB reserved`}
      </p>
      <p class="small" data-placement-model>
        {placement.swappingTo ? (
          <>
            Loading <span class="mono">{placement.swappingTo}</span>
          </>
        ) : (
          <>
            Serving now: <span class="mono">{placement.servedModel ?? 'nothing'}</span>
          </>
        )}
      </p>
      <fieldset class="models" disabled={running}>
        <legend>Choose a model for {placement.id}</legend>
        {models.length === 0 && <p class="muted">No catalog model may run here; see Models.</p>}
        {models.map((model) => (
          <label class={`model-option ${picked === model.id ? 'picked' : ''}`} data-model-id={model.id}>
            <input
              type="radio"
              name={name}
              value={model.id}
              checked={picked === model.id}
              onChange={() => {
                setPicked(model.id);
                setConfirming(false);
                setConfirmingUnload(false);
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
      {/* Keyed: unkeyed siblings are matched by tag, so when "Unload" goes (the placement list refreshes
          mid-swap) the reconciler would reuse its node for "Cancel swap" and drop the focused one. */}
      <div class="row">
        {!confirming && (
          <button
            key="swap"
            disabled={!pickedModel || pickedServing || running || blockingLeases.length > 0}
            onClick={() => {
              setConfirmingUnload(false);
              setConfirming(true);
            }}
          >
            {!pickedModel
              ? 'Pick a model to swap'
              : pickedServing
                ? `${pickedModel.label} is serving`
                : `Swap to ${pickedModel.label}`}
          </button>
        )}
        {!confirming && pickedModel && blockingLeases.length > 0 && !queuedHere && (
          <button key="queue" class="secondary" onClick={() => void start('queue')}>
            Swap when the lease ends
          </button>
        )}
        {!confirmingUnload && servedModel !== null && (
          <button
            key="unload"
            class="secondary"
            data-unload
            disabled={running}
            onClick={() => {
              setConfirming(false);
              setConfirmingUnload(true);
            }}
          >
            Unload {props.modelLabel(servedModel)}
          </button>
        )}
        {running && swap && (
          <button key="cancel" class="secondary" ref={cancelButton} onClick={() => void cancel()}>
            {swap.kind === 'unload' ? 'Cancel unload' : 'Cancel swap'}
          </button>
        )}
      </div>
      {pickedModel && blockingLeases.length > 0 && (
        <p class="muted small" role="note" data-lease-block>
          Swapping is held back: {leaseBlockText(blockingLeases, props.modelLabel)}.
        </p>
      )}
      {confirming && pickedModel && (
        <div class="confirm" role="alertdialog" aria-labelledby={`confirm-${placement.id}`}>
          <p id={`confirm-${placement.id}`}>
            Stop the model on {placement.id} and load <strong>{pickedModel.label}</strong>
            {pickedModel.tensorParallel > 1 ? ` on ${pickedModel.tensorParallel} Sparks` : ''}? Chat requests
            to it fail until it is ready.
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
      {confirmingUnload && servedModel !== null && (
        <div class="confirm" role="alertdialog" aria-labelledby={`confirm-unload-${placement.id}`}>
          <p id={`confirm-unload-${placement.id}`}>
            Stop <strong>{props.modelLabel(servedModel)}</strong> on {placement.id} and load nothing in its
            place? Requests to it fail, or wait for a swap on request, until it is loaded again.
          </p>
          <div class="row">
            <button ref={confirmUnloadButton} onClick={() => void unload()}>
              Yes, unload now
            </button>
            <button class="secondary" onClick={() => setConfirmingUnload(false)}>
              Keep it loaded
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
    </section>
  );
}
