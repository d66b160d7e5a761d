import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Settings } from '@spark-control/schema';
import OpenAI from 'openai';
import { createApp } from '../../../app.js';
import { AudioUploads } from '../../../http/audio-uploads.js';
import { MetricsRegistry } from '../../health/metrics.js';
import { SearchService } from '../../search/search-service.js';
import { SpeechService } from '../../speech/speech-service.js';
import { GatewayService } from '../gateway-service.js';
import { GatewayStats } from '../stats.js';
import type { SwapState } from '../swap-queue.js';
import type { TestApp } from '../../../../test/support/app.js';
import { LogCapture, TEST_TOKEN } from '../../../../test/support/app.js';
import { createLogger } from '../../../adapters/logger.js';
import { UpstreamClient } from '../../../adapters/upstream/client.js';

export type GatewayOverrides = Partial<Settings['gateway']>;

/**
 * The real app with a gateway whose settings a test can override, listening on loopback so the
 * `openai` SDK can talk to it over real HTTP. `swaps` replaces the app's swap service for the gateway.
 */
export async function startGateway(t: TestApp, options: { swaps?: SwapState } = {}) {
  const overrides: { gateway: GatewayOverrides; settings?: (s: Settings) => Settings } = { gateway: {} };
  const settings = (): Settings => {
    const base = overrides.settings ? overrides.settings(t.settings.current) : t.settings.current;
    return { ...base, gateway: { ...base.gateway, ...overrides.gateway } };
  };
  const registry = new MetricsRegistry();
  const holder: { gateway?: GatewayService } = {};
  const stats = new GatewayStats(registry, () => holder.gateway?.queue.depth ?? 0);
  const log = createLogger({ level: 'warn', destination: new LogCapture(), secrets: () => [TEST_TOKEN] });
  const source = {
    get current() {
      return settings();
    },
  };
  const upstream = new UpstreamClient();
  const gateway = new GatewayService({
    settings: source,
    upstream,
    swaps: options.swaps ?? t.swaps,
    catalog: t.store,
    stats,
    activity: t.activity,
    leases: t.leases,
    log,
  });
  holder.gateway = gateway;
  const speech = new SpeechService({ gateway, settings: source });
  const uploads = new AudioUploads({ dir: join(t.dataDir, 'harness-uploads'), maxConcurrent: 2 });
  await uploads.prepare();
  const search = new SearchService({ gateway });
  // The real app (app.ts's middleware chain and every route) on the test app's services, with this
  // harness's gateway, speech and search in place of the composed ones.
  const app = createApp({
    ...t,
    version: '0.0.0-test',
    log,
    metricsRegistry: registry,
    gateway,
    gatewayStats: stats,
    speech,
    audioUploads: uploads,
    search,
  });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    base,
    gateway,
    speech,
    uploads,
    search,
    registry,
    overrides,
    settings,
    client: new OpenAI({ baseURL: `${base}/v1`, apiKey: TEST_TOKEN, maxRetries: 0, timeout: 30_000 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        void upstream.close();
      }),
  };
}
