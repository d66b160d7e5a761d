import type {
  LeaseView,
  PlacedCatalogModel,
  PlacementView,
  QueuedSwapView,
  SwapView,
} from '@spark-control/schema';
import { useEffect, useRef, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { useLiveEvent } from '../live.js';
import { Leases } from './Leases.js';
import { PlacementMemory } from './PlacementMemory.js';
import { PlacementSwap } from './PlacementSwap.js';
import { SwapHistory } from './SwapHistory.js';

const PLACEMENTS_REFRESH_MS = 15_000;
const SETTLE_ATTEMPTS = 5;
const SETTLE_PAUSE_MS = 1000;

/**
 * The vLLM placements: per Spark the memory each one reserves, then each placement with its own
 * swap control and progress; the leases that hold models, and the swap history.
 */
export function SwapPanel(props: { reloadKey: number; catalogVersion: number }) {
  const [models, setModels] = useState<PlacedCatalogModel[]>([]);
  const [placements, setPlacements] = useState<PlacementView[] | undefined>(undefined);
  const [history, setHistory] = useState<SwapView[]>([]);
  const [error, setError] = useState('');
  const [leases, setLeases] = useState<LeaseView[]>([]);
  const [queued, setQueued] = useState<QueuedSwapView | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // Loads overlap (an event per swap phase): an answer older than the one shown is dropped.
  const asked = useRef(0);
  const shown = useRef(0);
  const loadPlacements = async (): Promise<PlacementView[] | undefined> => {
    const request = ++asked.current;
    const response = await api.api.placements.$get();
    if (!response.ok) return undefined;
    const body = await response.json();
    if (request < shown.current) return undefined;
    shown.current = request;
    setPlacements(body.placements);
    return body.placements;
  };
  /**
   * After a swap's last event: the event can come while the swap service still holds the placement
   * (it saves the outcome first), so ask again, a second apart, until the placement is no longer swapping.
   */
  const settle = async (placementId: string) => {
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt += 1) {
      const list = await loadPlacements();
      if (list?.find((placement) => placement.id === placementId)?.status !== 'swapping') return;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
    }
  };
  const loadHistory = async () => {
    const response = await api.api.swap.history.$get();
    if (response.ok) setHistory((await response.json()).swaps);
  };
  const loadQueued = async () => {
    const response = await api.api.swap.current.$get({ query: {} });
    if (response.ok) setQueued((await response.json()).queued);
  };
  const loadLeases = async () => {
    const response = await api.api.leases.$get();
    if (response.ok) setLeases((await response.json()).leases);
  };
  useEffect(() => {
    void loadPlacements();
    void loadQueued();
    void loadHistory();
    void loadLeases();
  }, [props.reloadKey]);
  useLiveEvent(['lease.created', 'lease.released', 'lease.expired'], () => void loadLeases());
  useLiveEvent(['swap.queued'], (event) => setQueued(event.queued));
  // Every phase changes what the placement holds (swapping to a model, then serving it); a vLLM
  // coming up or going down outside a swap shows as a service status change.
  useLiveEvent(['swap.phase', 'service.status'], (event) => {
    if (event.type !== 'swap.phase' || event.swap.status === 'running') return void loadPlacements();
    void settle(event.swap.placementId);
    void loadHistory();
  });
  useEffect(() => {
    const timer = setInterval(() => void loadPlacements(), PLACEMENTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void (async () => {
      const response = await api.api.catalog.$get();
      if (response.ok) setModels((await response.json()).models);
    })();
  }, [props.reloadKey, props.catalogVersion]);

  const modelLabel = (id: string) => models.find((model) => model.id === id)?.label ?? id;
  const activeLeases = leases.filter((lease) => Date.parse(lease.until) > now);
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

  return (
    <section class="card" aria-labelledby="swap-title" id="swap">
      <h2 id="swap-title">Models on vLLM</h2>
      {placements && <PlacementMemory placements={placements} />}
      <Leases
        leases={activeLeases}
        queued={queued}
        modelLabel={modelLabel}
        now={now}
        onRelease={(lease) => void release(lease)}
        onCancelQueued={(waiting) => void cancelQueued(waiting)}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {placements?.length === 0 && (
        <p class="muted">
          No vLLM placement: give a Spark the vllm role, or add placements, in Configure Sparks.
        </p>
      )}
      {placements?.map((placement) => (
        <PlacementSwap
          key={placement.id}
          placement={placement}
          models={models}
          leases={activeLeases}
          queued={queued}
          reloadKey={props.reloadKey}
          modelLabel={modelLabel}
          onQueued={setQueued}
        />
      ))}
      <details class="history">
        <summary>Swap history ({history.length})</summary>
        <SwapHistory swaps={history} />
      </details>
    </section>
  );
}
