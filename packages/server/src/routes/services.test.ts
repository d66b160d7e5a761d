import type { ServiceView } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddings, tempStateDir, type RunningService } from '@spark-control/sim';
import type { HealthMonitor } from '../services/health/monitor.js';
import { healthFixture, type HealthFixture } from '../services/health/testing.js';
import { buildTestApp, type TestApp } from '../../test/support/app.js';

const HOST = '127.0.45.2';
const METRICS_TOKEN = 'scrape-only-metrics-token-0123456789';

describe('service and metrics routes', () => {
  const state = tempStateDir();
  let tei: RunningService;
  let t: HealthFixture;
  let monitor: HealthMonitor;
  let api: TestApp;

  beforeAll(async () => {
    tei = await startEmbeddings({
      host: HOST,
      port: 0,
      stateDir: state.dir,
      loadDelayMs: 0,
      log: { info: () => undefined, error: () => undefined },
    });
    await tei.ready;
    t = await healthFixture({
      sparks: [
        { id: 'spark1', host: '127.0.45.1', roles: [] },
        { id: 'spark2', host: HOST, roles: ['embeddings', 'qdrant', 'tts'] },
      ],
      // Qdrant's port is closed: it shows down. Kokoro is disabled and never contacted.
      ports: { embeddings: tei.port, qdrant: 1024 },
      disabledServices: ['kokoro'],
    });
    // No hysteresis: the second sweep shows Qdrant down (hysteresis.test.ts covers the delay).
    monitor = t.monitor({ probeTimeoutMs: 1000, downAfter: () => ({ probes: 1, seconds: 0 }) });
    await monitor.sweep();
    await monitor.sweep();
    api = await buildTestApp({
      db: t.db,
      log: t.log,
      metricsToken: METRICS_TOKEN,
      services: { health: { monitor }, metricsRegistry: t.metrics },
    });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await t?.close();
    await tei?.close();
    state.cleanup();
  });

  it('lists every enabled service with status, latency and uptime', async () => {
    const response = await api.app.request('/api/services', { headers: api.bearer });
    expect(response.status).toBe(200);
    const { services } = (await response.json()) as { services: ServiceView[] };
    expect(services.map((service) => service.id)).toEqual(['embeddings', 'qdrant']);
    expect(services[0]).toMatchObject({
      id: 'embeddings',
      sparkId: 'spark2',
      kind: 'embeddings',
      status: 'up',
      uptime24h: 1,
      uptime30d: 1,
      deep: null,
    });
    expect(services[0]?.latencyMs).toEqual(expect.any(Number));
    expect(services[1]).toMatchObject({
      id: 'qdrant',
      status: 'down',
      detail: 'refusing connections',
      uptime24h: 0,
    });
    const all = (await (
      await api.app.request('/api/services?include=disabled', { headers: api.bearer })
    ).json()) as {
      services: ServiceView[];
    };
    expect(all.services.find((service) => service.id === 'kokoro')).toMatchObject({ status: 'disabled' });
    expect((await api.app.request('/api/services')).status).toBe(401);
  });

  it('serves the history of a service and 404 for an unknown one', async () => {
    const response = await api.app.request('/api/services/qdrant/history?hours=1', { headers: api.bearer });
    expect(response.status).toBe(200);
    const history = (await response.json()) as {
      transitions: { from: string; to: string }[];
      samples: unknown[];
    };
    expect(history.transitions).toEqual([expect.objectContaining({ from: 'unknown', to: 'down' })]);
    expect(history.samples).toHaveLength(2);
    expect((await api.app.request('/api/services/nope/history', { headers: api.bearer })).status).toBe(404);
    expect(
      (await api.app.request('/api/services/qdrant/history?hours=abc', { headers: api.bearer })).status,
    ).toBe(400);
  });

  it('runs a deep check on demand with the control scope', async () => {
    const denied = await api.app.request('/api/services/embeddings/deep', {
      method: 'POST',
      headers: await api.tokenWith(['gateway']),
    });
    expect(denied.status).toBe(403);
    const response = await api.app.request('/api/services/embeddings/deep', {
      method: 'POST',
      headers: api.bearer,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; deep: { ok: boolean; detail: string } };
    expect(body).toMatchObject({ id: 'embeddings', deep: { ok: true } });
    expect(body.deep.detail).toContain('embedded one word');
    const disabled = await api.app.request('/api/services/kokoro/deep', {
      method: 'POST',
      headers: api.bearer,
    });
    expect(disabled.status).toBe(409);
    const view = (await (
      await api.app.request('/api/services/embeddings', { headers: api.bearer })
    ).json()) as ServiceView;
    expect(view.deep?.ok).toBe(true);
  });

  it('exposes Prometheus metrics to admins and the metrics token only', async () => {
    expect((await api.app.request('/metrics')).status).toBe(401);
    expect((await api.app.request('/metrics', { headers: await api.tokenWith(['control']) })).status).toBe(
      403,
    );
    expect(
      (await api.app.request('/metrics', { headers: { Authorization: 'Bearer wrong-token' } })).status,
    ).toBe(401);
    t.standard.swaps.inc({ outcome: 'succeeded' });
    t.standard.swapDuration.observe({ outcome: 'succeeded' }, 95);
    t.standard.gatewayRequests.inc({ route: '/v1/chat/completions', status: '200' }, 3);
    for (const headers of [api.bearer, { Authorization: `Bearer ${METRICS_TOKEN}` }]) {
      const response = await api.app.request('/metrics', { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      const text = await response.text();
      expect(text).toContain('# TYPE spark_control_service_up gauge');
      expect(text).toContain(
        'spark_control_service_up{kind="embeddings",service="embeddings",spark="spark2"} 1',
      );
      expect(text).toContain('spark_control_service_up{kind="qdrant",service="qdrant",spark="spark2"} 0');
      expect(text).not.toContain('service="kokoro"');
      expect(text).toMatch(
        /spark_control_service_latency_seconds\{kind="embeddings",service="embeddings",spark="spark2"\} \d/,
      );
      expect(text).toContain('spark_control_swaps_total{outcome="succeeded"} 1');
      expect(text).toContain('spark_control_swap_duration_seconds_bucket{outcome="succeeded",le="120"} 1');
      expect(text).toContain('spark_control_swap_duration_seconds_bucket{outcome="succeeded",le="60"} 0');
      expect(text).toContain(
        'spark_control_gateway_requests_total{route="/v1/chat/completions",status="200"} 3',
      );
    }
  });
});
