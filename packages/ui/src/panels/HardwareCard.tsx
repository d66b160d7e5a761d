import type { SparkHardware } from '@spark-control/schema';
import { useState } from 'hono/jsx/dom';
import { errorMessage } from '../api.js';
import { sparksApi } from '../clients.js';
import { bytes, duration } from '../format.js';
import { HardwareHistory } from './HardwareHistory.js';

/** A Spark's hardware: memory bar, GPU, WireGuard, SSH, and the one-time key copy. */
export function HardwareCard(props: { spark: SparkHardware; onChanged: () => void }) {
  const { spark } = props;
  const [copying, setCopying] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const memory = spark.memory;
  const usedShare = memory ? memory.usedBytes / memory.totalBytes : 0;

  const copyKey = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const response = await sparksApi[':id']['copy-key'].$post({
      param: { id: spark.sparkId },
      json: { password },
    });
    setPassword('');
    setBusy(false);
    if (response.ok) {
      const body = await response.json();
      setMessage({ ok: true, text: `Key ${body.added ? 'added' : 'already present'}; key login works.` });
      setCopying(false);
      props.onChanged();
    } else setMessage({ ok: false, text: await errorMessage(response, 'copying the key failed') });
  };

  const idPrefix = `hw-${spark.sparkId}`;
  return (
    <div class="hardware" data-spark-hardware={spark.sparkId}>
      <div class="badges">
        <span class={`badge ${spark.ssh.reachable ? 'good' : 'bad'}`}>
          SSH{' '}
          {spark.ssh.reachable
            ? `ok${spark.ssh.latencyMs === null ? '' : ` · ${spark.ssh.latencyMs} ms`}`
            : 'unreachable'}
        </span>
        <span class={`badge ${spark.wireguard ? 'good' : 'muted-badge'}`}>
          {spark.wireguard ? `WireGuard ${spark.wireguard.address}` : 'No WireGuard'}
        </span>
        {spark.uptimeSec !== null && (
          <span class="badge muted-badge">up {duration(spark.uptimeSec * 1000)}</span>
        )}
      </div>
      {spark.ssh.error && <p class="error small">{spark.ssh.error}</p>}
      {spark.ssh.reachable && (
        <p class="small" data-cluster-ip={spark.clusterIp ?? ''}>
          Cluster address{' '}
          {spark.clusterIp ? <span class="mono">{spark.clusterIp}</span> : <span class="error">none</span>}
          {' · '}
          {spark.launcher ? (
            <span data-launcher={spark.launcher.generation}>
              launcher {spark.launcher.generation} at <span class="mono">{spark.launcher.path}</span>
            </span>
          ) : (
            <span class="muted">no launch script found</span>
          )}
        </p>
      )}
      {spark.clusterIpProblem && <p class="error small">{spark.clusterIpProblem}</p>}
      {memory && (
        <div class="meter-row">
          <span id={`${idPrefix}-mem`}>Memory</span>
          <meter
            aria-labelledby={`${idPrefix}-mem`}
            min={0}
            max={1}
            low={0.7}
            high={0.9}
            optimum={0.2}
            value={usedShare}
          />
          <span class="small">
            {bytes(memory.usedBytes)} / {bytes(memory.totalBytes)}
          </span>
        </div>
      )}
      {spark.gpu && (
        <p class="small">
          {spark.gpu.name}
          {spark.gpu.utilizationPct !== null && ` · ${spark.gpu.utilizationPct}% busy`}
          {spark.gpu.temperatureC !== null && ` · ${spark.gpu.temperatureC} °C`}
        </p>
      )}
      {spark.disk && (
        <p class="small muted">
          {bytes(spark.disk.freeBytes)} free of {bytes(spark.disk.totalBytes)} on {spark.disk.path}
        </p>
      )}
      {spark.ssh.reachable && <HardwareHistory sparkId={spark.sparkId} />}
      {copying ? (
        <form class="inline-form" onSubmit={(event: Event) => void copyKey(event)}>
          <label for={`${idPrefix}-pw`}>Spark login password (used once, never stored)</label>
          <input
            id={`${idPrefix}-pw`}
            type="password"
            autocomplete="off"
            required
            value={password}
            onInput={(event: Event) => setPassword((event.target as HTMLInputElement).value)}
          />
          <div class="row">
            <button type="submit" disabled={busy}>
              {busy ? 'Copying…' : 'Copy key'}
            </button>
            <button type="button" class="secondary" onClick={() => setCopying(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button class="secondary small-button" onClick={() => setCopying(true)}>
          Copy SSH key to {spark.label}…
        </button>
      )}
      {message && (
        <p class={message.ok ? 'ok small' : 'error small'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
