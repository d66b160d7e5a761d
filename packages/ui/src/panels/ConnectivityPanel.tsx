import type { ServiceHistory, ServiceView } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { errorMessage } from '../api.js';
import { servicesApi } from '../clients.js';
import { STATUS_WORDS, time } from '../format.js';
import { useLiveEvent } from '../live.js';

type Row = { service: ServiceView; history: ServiceHistory | null };

/** The connectivity log: each service's status changes over the last 24 hours, newest first. */
export function ConnectivityPanel(props: { reloadKey: number }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState('');

  const load = async () => {
    const response = await servicesApi.$get({ query: {} });
    if (!response.ok) return setError(await errorMessage(response, 'the connectivity log is unavailable'));
    const { services } = await response.json();
    const loaded = await Promise.all(
      services.map(async (service) => {
        const history = await servicesApi[':id'].history.$get({ param: { id: service.id } });
        return { service, history: history.ok ? await history.json() : null };
      }),
    );
    setRows(loaded);
    setError('');
  };
  useEffect(() => {
    void load();
  }, [props.reloadKey]);
  useLiveEvent(['service.status'], () => void load());

  return (
    <section class="card" aria-labelledby="connectivity-title">
      <h2 id="connectivity-title">Connectivity log</h2>
      {error && <p class="muted">{error}</p>}
      {rows.map(({ service, history }) => (
        <details class="timeline" data-timeline={service.id}>
          <summary>
            {service.label}{' '}
            <span class={`badge status-${service.status}`}>{STATUS_WORDS[service.status]}</span>{' '}
            <span class="muted small">
              {history
                ? `${history.transitions.length} change${history.transitions.length === 1 ? '' : 's'} in 24 h`
                : ''}
            </span>
          </summary>
          {history && history.transitions.length === 0 && <p class="muted small">No changes in 24 hours.</p>}
          <ol>
            {[...(history?.transitions ?? [])].reverse().map((transition) => (
              <li class={`status-${transition.to}`}>
                <time datetime={transition.at}>{time(transition.at)}</time> {STATUS_WORDS[transition.from]} →{' '}
                <strong>{STATUS_WORDS[transition.to]}</strong>{' '}
                <span class="muted small">{transition.detail}</span>
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
