import type { UsageRow } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';

const WINDOWS = [
  { hours: 24, label: '24 h' },
  { hours: 720, label: '30 d' },
] as const;

const count = (value: number) => value.toLocaleString();

/** Gateway use per API key and model over the last 24 hours or 30 days, with bars by tokens. */
export function UsagePanel(props: { reloadKey: number }) {
  const [hours, setHours] = useState<number>(24);
  const [rows, setRows] = useState<UsageRow[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    void (async () => {
      const response = await api.api.usage.$get({ query: { hours: String(hours) } });
      if (!response.ok) return setError(await errorMessage(response, 'usage is unavailable'));
      setError('');
      setRows((await response.json()).usage);
    })();
  }, [hours, props.reloadKey]);

  const most = Math.max(1, ...rows.map((row) => row.promptTokens + row.completionTokens));
  return (
    <section class="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Gateway usage</h2>
      <div class="segmented" role="group" aria-label="Window">
        {WINDOWS.map((window) => (
          <button
            class={hours === window.hours ? '' : 'secondary'}
            aria-pressed={hours === window.hours}
            onClick={() => setHours(window.hours)}
          >
            {window.label}
          </button>
        ))}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 && !error && <p class="muted">No gateway requests in this window.</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Key</th>
                <th>Model</th>
                <th>Requests</th>
                <th>Prompt</th>
                <th>Completion</th>
                <th>Tokens</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const tokens = row.promptTokens + row.completionTokens;
                return (
                  <tr>
                    <td>{row.tokenName}</td>
                    <td class="mono">{row.model || '—'}</td>
                    <td>
                      {count(row.requests)}
                      {row.errors > 0 && <span class="muted small"> ({count(row.errors)} failed)</span>}
                    </td>
                    <td>{count(row.promptTokens)}</td>
                    <td>{count(row.completionTokens)}</td>
                    <td class="usage-cell">
                      <span
                        class="usage-bar"
                        style={`width: ${Math.round((tokens / most) * 100)}%`}
                        aria-hidden="true"
                      />
                      <span>{count(tokens)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
