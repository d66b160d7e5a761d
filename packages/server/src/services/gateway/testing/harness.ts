import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Settings } from '@spark-control/schema';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import OpenAI from 'openai';
import type { AppEnv } from '../../../http/context.js';
import { handleError } from '../../../http/errors.js';
import { authenticate } from '../../../http/middleware.js';
import { AudioUploads } from '../../../http/audio-uploads.js';
import { audioRoutes } from '../../../routes/audio.js';
import { gatewayRoutes } from '../../../routes/gateway.js';
import { searchRoutes } from '../../../routes/search.js';
import { MetricsRegistry } from '../../health/metrics.js';
import { SearchService } from '../../search/search-service.js';
import { SpeechService } from '../../speech/speech-service.js';
import { GatewayService } from '../gateway-service.js';
import { GatewayStats } from '../stats.js';
import type { TestApp } from '../../../../test/support/app.js';
import { LogCapture, TEST_TOKEN } from '../../../../test/support/app.js';
import { createLogger } from '../../../adapters/logger.js';
import { UpstreamClient } from '../../../adapters/upstream/client.js';

export type GatewayOverrides = Partial<Settings['gateway']>;

/**
 * The gateway's routes mounted as app.ts is asked to mount them, on the test app's services,
 * listening on loopback so the `openai` SDK can talk to it over real HTTP.
 */
export async function startGateway(t: TestApp) {
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
    swaps: t.swaps,
    catalog: t.store,
    stats,
    log,
  });
  holder.gateway = gateway;
  const speech = new SpeechService({ gateway, settings: source });
  const uploads = new AudioUploads({ dir: join(t.dataDir, 'harness-uploads'), maxConcurrent: 2 });
  await uploads.prepare();
  const search = new SearchService({ gateway });
  const app = new Hono<AppEnv>();
  app.onError((error, c) => handleError(error, c, log));
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use('/api/*', authenticate(t.auth, []));
  app
    .route('/v1', gatewayRoutes({ gateway, auth: t.auth, log, stats, usage: t.usage }))
    .route('/api/audio', audioRoutes({ speech, uploads, stats }))
    .route('/api/search', searchRoutes({ search, stats }));
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
