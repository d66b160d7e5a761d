import type { ServiceHistory, ServiceView } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { errorMessage } from '../api.js';
import { servicesApi } from '../clients.js';
import { ago, modelBesideDetail, percent, STATUS_WORDS } from '../format.js';
import { hourlyUptime, latencyPoints } from '../history.js';
import { Sparkline, UptimeBar } from './Sparkline.js';

const HISTORY_REFRESH_MS = 30_000;

/** One service: status colour and word, latency with a sparkline, 24-hour uptime, deep health. */
export function ServiceTile(props: { service: ServiceView }) {
  const { service } = props;
  const [history, setHistory] = useState<ServiceHistory | null>(null);
  const [checking, setChecking] = useState(false);
  const [deepError, setDeepError] = useState('');

  useEffect(() => {
    const load = async () => {
      const response = await servicesApi[':id'].history.$get({ param: { id: service.id } });
      if (response.ok) setHistory(await response.json());
    };
    void load();
    const timer = setInterval(() => void load(), HISTORY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [service.id, service.status]);

  const deepCheck = async () => {
    setChecking(true);
    setDeepError('');
    const response = await servicesApi[':id'].deep.$post({ param: { id: service.id } });
    if (!response.ok) setDeepError(await errorMessage(response, 'the check failed'));
    setChecking(false);
  };

  const titleId = `svc-${service.id}`;
  const model = modelBesideDetail(service);
  return (
    <article
      class={`tile status-${service.status}`}
      data-service-id={service.id}
      data-tile-placement={service.placementId}
      data-status={service.status}
      aria-labelledby={titleId}
    >
      <header>
        <h3 id={titleId}>{service.label}</h3>
        <span class="badge status">{STATUS_WORDS[service.status]}</span>
      </header>
      <p class="detail">
        {service.detail}
        {model && (
          <>
            {' · '}
            <span class="mono">{model}</span>
          </>
        )}
      </p>
      <div class="latency">
        <span>{service.latencyMs === null ? '—' : `${service.latencyMs} ms`}</span>
        <Sparkline points={history ? latencyPoints(history) : []} />
      </div>
      <UptimeBar
        hours={history ? hourlyUptime(history) : []}
        label={`Uptime over 24 hours: ${percent(service.uptime24h)}`}
      />
      <p class="muted small">
        24 h {percent(service.uptime24h)} · since {ago(service.since)}
      </p>
      <p class="deep small">
        {service.deep ? (
          <span class={service.deep.ok ? 'ok' : 'bad'}>
            {service.deep.ok ? '✓' : '✗'} {service.deep.detail} ({service.deep.latencyMs} ms,{' '}
            {ago(service.deep.at)})
          </span>
        ) : (
          <span class="muted">No deep check yet.</span>
        )}{' '}
        <button class="link" disabled={checking} onClick={() => void deepCheck()}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </p>
      {deepError && (
        <p class="error small" role="alert">
          {deepError}
        </p>
      )}
    </article>
  );
}
