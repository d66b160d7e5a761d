import type { ServiceStatus, ServiceView, SparkHardware, SwapView } from '@spark-control/schema';
import { useEffect, useRef, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { announce } from '../announce.js';
import { servicesApi, sparksApi } from '../clients.js';
import { STATUS_WORDS } from '../format.js';
import { useLiveEvent } from '../live.js';
import { afterLastSwap, afterSwapEvent } from '../placements.js';
import { HardwareCard } from './HardwareCard.js';
import { ServiceTile } from './ServiceTile.js';

const SERVICES_REFRESH_MS = 15_000;
const SPARKS_REFRESH_MS = 60_000;

type SparkHead = { id: string; label: string; host: string; hardware: SparkHardware | null };

function announceStatus(service: ServiceView, status: ServiceStatus): void {
  announce(`${service.label}${service.sparkId ? ` on ${service.sparkId}` : ''}: ${STATUS_WORDS[status]}`);
}

/** The tile grid grouped by Spark, each group led by its hardware card. */
export function Overview(props: { reloadKey: number }) {
  const [sparks, setSparks] = useState<SparkHead[] | undefined>(undefined);
  const [services, setServices] = useState<ServiceView[]>([]);
  const [error, setError] = useState('');
  // The last swap event of each placement, against statuses read before it (see `afterLastSwap`).
  const lastSwaps = useRef(new Map<string, SwapView>());
  const notBefore = (service: ServiceView) =>
    afterLastSwap(service, service.placementId ? lastSwaps.current.get(service.placementId) : undefined);

  const loadServices = async () => {
    const response = await servicesApi.$get({ query: {} });
    if (response.ok) {
      const body = await response.json();
      setServices(body.services.filter((service) => service.status !== 'disabled').map(notBefore));
      setError('');
    } else setError(await errorMessage(response, 'service status is unavailable'));
  };
  const loadSparks = async (fresh = false) => {
    const response = await sparksApi.$get({ query: fresh ? { fresh: '1' } : {} });
    if (response.ok) {
      const cards = (await response.json()).sparks;
      setSparks(
        cards.map((card) => ({ id: card.sparkId, label: card.label, host: card.host, hardware: card })),
      );
      return;
    }
    // Hardware cards need SSH; the configured Sparks still group the tiles without them.
    const settings = await api.api.settings.$get();
    if (settings.ok) {
      const configured = (await settings.json()).settings.sparks;
      setSparks(
        configured.map((spark) => ({ id: spark.id, label: spark.label, host: spark.host, hardware: null })),
      );
    } else setSparks([]);
  };

  useEffect(() => {
    void loadServices();
    void loadSparks();
    const servicesTimer = setInterval(() => void loadServices(), SERVICES_REFRESH_MS);
    const sparksTimer = setInterval(() => void loadSparks(), SPARKS_REFRESH_MS);
    return () => {
      clearInterval(servicesTimer);
      clearInterval(sparksTimer);
    };
  }, [props.reloadKey]);

  // Every tile's status change is said aloud, whether a probe or a swap event made it.
  const spoken = useRef(new Map<string, ServiceStatus>());
  useEffect(() => {
    for (const service of services) {
      const was = spoken.current.get(service.id);
      if (was && was !== service.status) announceStatus(service, service.status);
    }
    spoken.current = new Map(services.map((service) => [service.id, service.status]));
  }, [services]);

  useLiveEvent(['service.status', 'service.deep', 'settings.changed', 'swap.phase'], (event) => {
    if (event.type === 'settings.changed') {
      void loadServices();
      void loadSparks(true);
      return;
    }
    if (event.type === 'swap.phase') {
      if (event.swap.placementId) lastSwaps.current.set(event.swap.placementId, event.swap);
      setServices((list) => list.map((service) => afterSwapEvent(service, event.swap)));
      return;
    }
    setServices((list) =>
      list.map((service) => {
        if (service.id !== event.id) return service;
        if (event.type === 'service.deep') return { ...service, deep: event.deep };
        return notBefore({
          ...service,
          status: event.status,
          detail: event.detail,
          latencyMs: event.latencyMs,
          since: event.at,
          checkedAt: event.at,
        });
      }),
    );
  });

  if (sparks === undefined) return <p class="muted">Loading…</p>;
  if (sparks.length === 0)
    return (
      <section class="card empty">
        <h2>No Sparks configured yet</h2>
        <p>
          Open Spark Control in StartOS and run the <strong>Configure Sparks</strong> action to add your DGX
          Sparks.
        </p>
      </section>
    );

  const known = new Set(sparks.map((spark) => spark.id));
  const others = services.filter((service) => service.sparkId === null || !known.has(service.sparkId));
  return (
    <div class="groups">
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {sparks.map((spark) => (
        <section
          key={spark.id}
          class="spark card"
          aria-labelledby={`spark-${spark.id}`}
          data-spark-id={spark.id}
        >
          <h2 id={`spark-${spark.id}`}>
            {spark.label} <span class="muted small">{spark.host}</span>
          </h2>
          {spark.hardware && <HardwareCard spark={spark.hardware} onChanged={() => void loadSparks(true)} />}
          <div class="tiles">
            {services
              .filter((service) => service.sparkId === spark.id)
              .map((service) => (
                <ServiceTile key={service.id} service={service} />
              ))}
          </div>
        </section>
      ))}
      {others.length > 0 && (
        <section class="spark card" aria-labelledby="spark-other">
          <h2 id="spark-other">Other services</h2>
          <div class="tiles">
            {others.map((service) => (
              <ServiceTile key={service.id} service={service} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
