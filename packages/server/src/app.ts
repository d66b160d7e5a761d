import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { requestId } from 'hono/request-id';
import type { EventBus } from './adapters/event-bus.js';
import type { Logger } from './adapters/logger.js';
import type { SettingsStore } from './config/settings-store.js';
import type { AppEnv } from './http/context.js';
import type { AudioUploads } from './http/audio-uploads.js';
import { clientInfo, TrustedProxies } from './http/client.js';
import { errorBody, handleError } from './http/errors.js';
import { deprecatedAlias, DEPRECATED_ALIASES } from './http/deprecated.js';
import { accessLog, auditMutations, authenticate } from './http/middleware.js';
import { audioRoutes } from './routes/audio.js';
import { authRoutes } from './routes/auth.js';
import { gatewayRoutes } from './routes/gateway.js';
import { searchRoutes } from './routes/search.js';
import { botRoutes } from './routes/bot.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { serviceRoutes } from './routes/services.js';
import { sparkRoutes, sshKeyRoutes } from './routes/sparks.js';
import { catalogRoutes } from './routes/catalog.js';
import { privacyRoutes } from './routes/privacy.js';
import { reasoningRoutes } from './routes/reasoning.js';
import { eventRoutes } from './routes/events.js';
import { settingsRoutes } from './routes/settings.js';
import { swapRoutes } from './routes/swap.js';
import { leaseRoutes } from './routes/leases.js';
import { placementRoutes } from './routes/placements.js';
import { scheduleRoutes } from './routes/schedules.js';
import { tokenRoutes } from './routes/tokens.js';
import { usageRoutes } from './routes/usage.js';
import type { AuditLog } from './services/audit.js';
import type { AuthService } from './services/auth.js';
import { DomainError } from './services/domain-error.js';
import type { BotService } from './services/bot/bot.js';
import type { GatewayService } from './services/gateway/gateway-service.js';
import type { GatewayStats } from './services/gateway/stats.js';
import type { SearchService } from './services/search/search-service.js';
import type { SpeechService } from './services/speech/speech-service.js';
import type { HealthMonitor } from './services/health/monitor.js';
import type { MetricsRegistry } from './services/health/metrics.js';
import type { SparkInspector } from './services/sparks/hardware.js';
import type { HardwareHistory } from './services/sparks/history-sampler.js';
import type { ScheduleService } from './services/schedules/schedule-service.js';
import type { SparkKeys } from './services/sparks/keys.js';
import type { CatalogService } from './services/catalog/catalog-service.js';
import type { PrivacyService } from './services/privacy/service.js';
import type { ReasoningService } from './services/reasoning/service.js';
import type { SwapService } from './services/swap/swap-service.js';
import type { LeaseService } from './services/leases/lease-service.js';
import type { PlacementStates } from './services/placements/placement-states.js';
import type { QueuedSwaps } from './services/leases/queued-swap.js';
import type { UsageMeter } from './services/usage/usage-meter.js';

export interface AppDeps {
  version: string;
  log: Logger;
  bus: EventBus;
  settings: SettingsStore;
  auth: AuthService;
  audit: AuditLog;
  swaps: SwapService;
  leases: LeaseService;
  placementStates: PlacementStates;
  queuedSwaps: QueuedSwaps;
  catalog: CatalogService;
  privacy: PrivacyService;
  reasoning: ReasoningService;
  health: { monitor: HealthMonitor };
  inspector: SparkInspector;
  hardwareHistory: HardwareHistory;
  schedules: ScheduleService;
  keys: SparkKeys;
  bot: BotService;
  metricsRegistry: MetricsRegistry;
  gateway: GatewayService;
  gatewayStats: GatewayStats;
  usage: UsageMeter;
  speech: SpeechService;
  audioUploads: AudioUploads;
  search: SearchService;
  /** The built dashboard (index.html and assets); a hint page is served when absent. */
  uiDir?: string | undefined;
  /** Proxies whose X-Forwarded-* headers are believed (none by default). */
  trustedProxies?: TrustedProxies | undefined;
}

const API_BODY_LIMIT = 1024 * 1024;
const OPEN_PATHS = ['/api/auth/login'];
/** POST routes that change nothing (they compute an answer), so they write no audit row. */
const READ_ONLY_POSTS = [
  /^\/api\/(?:scrub|rehydrate|search)$/,
  /^\/(?:scrub|rehydrate)$/,
  /^\/api\/audio\//,
  /^\/api\/reasoning\//,
];
/** Paths outside /api/* that get the /api/* treatment: the earlier package's redaction paths. */
const ROOT_API_PATHS = ['/scrub', '/rehydrate'];

/** What the middleware chain needs: the log, the audit of mutations, authentication and the proxies believed. */
export type MiddlewareDeps = Pick<AppDeps, 'log' | 'audit' | 'auth' | 'trustedProxies'>;

/**
 * The chain every request passes before a route: the one onError and JSON 404, request ids,
 * client info, the access log and, on /api/* and the root API paths, the body limit, the audit
 * of mutations and authentication; then the deprecated aliases' headers.
 */
export function applyMiddleware(app: Hono<AppEnv>, deps: MiddlewareDeps): Hono<AppEnv> {
  app.onError((error, c) => handleError(error, c, deps.log));
  app.notFound(notFound);
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(clientInfo(deps.trustedProxies ?? new TrustedProxies()));
  app.use(accessLog(deps.log));
  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', `body must be at most ${API_BODY_LIMIT} bytes`);
    },
  });
  for (const path of ['/api/*', ...ROOT_API_PATHS]) {
    // Audio uploads are large; the audio routes enforce their own limit.
    app.use(path, except('/api/audio/*', apiBodyLimit));
    app.use(path, auditMutations(deps.audit, deps.log, READ_ONLY_POSTS));
    app.use(path, authenticate(deps.auth, OPEN_PATHS));
  }
  // `/x/*` also matches `/x` itself.
  for (const { alias, successor } of DEPRECATED_ALIASES)
    app.use(`${alias}/*`, deprecatedAlias(alias, successor));
  return app;
}

/** Builds the HTTP app from its dependencies; main.ts is the only caller that listens. */
export function createApp(deps: AppDeps) {
  const app = applyMiddleware(new Hono<AppEnv>(), deps);

  const routes = app
    .get('/health', (c) => c.json({ status: 'ok' as const, version: deps.version }))
    .route('/api/openapi.json', openApiRoutes({ version: deps.version }))
    .route('/api/auth', authRoutes(deps.auth))
    .route('/api/settings', settingsRoutes(deps.settings, deps.catalog))
    .route('/api/tokens', tokenRoutes(deps.auth))
    .route('/api/usage', usageRoutes(deps.usage))
    .route('/api/events', eventRoutes({ bus: deps.bus, auth: deps.auth }))
    .route('/api/swap', swapRoutes(deps.swaps, deps.queuedSwaps))
    .route('/api/leases', leaseRoutes(deps.leases))
    .route('/api/placements', placementRoutes(deps.placementStates))
    .route('/api/schedules', scheduleRoutes(deps.schedules))
    .route('/api/catalog', catalogRoutes(deps.catalog))
    .route('/api', privacyRoutes(deps.privacy))
    .route('/api/reasoning', reasoningRoutes(deps.reasoning))
    .route('/api/services', serviceRoutes(deps.health.monitor))
    .route(
      '/api/sparks',
      sparkRoutes({ inspector: deps.inspector, keys: deps.keys, history: deps.hardwareHistory }),
    )
    .route('/api/ssh', sshKeyRoutes(deps.keys))
    .route('/api/bot', botRoutes(deps.bot))
    .route(
      '/v1',
      gatewayRoutes({
        gateway: deps.gateway,
        auth: deps.auth,
        log: deps.log,
        stats: deps.gatewayStats,
        usage: deps.usage,
      }),
    )
    .route(
      '/api/audio',
      audioRoutes({ speech: deps.speech, uploads: deps.audioUploads, stats: deps.gatewayStats }),
    )
    .route('/api/search', searchRoutes({ search: deps.search, stats: deps.gatewayStats }))
    .route('/metrics', metricsRoutes({ registry: deps.metricsRegistry, auth: deps.auth }));

  // The earlier package's paths: the same route groups, so the same auth, scopes and answers.
  app
    .route('/', privacyRoutes(deps.privacy))
    .route('/api/endpoints', serviceRoutes(deps.health.monitor))
    .route('/api/matrix-bridge', botRoutes(deps.bot));

  mountUi(app, deps.uiDir);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** A browser navigation (it accepts HTML); other clients get JSON 404s on unknown paths. */
const wantsHtml = (c: Context<AppEnv>) => /\btext\/html\b/.test(c.req.header('accept') ?? '');

const notFound = (c: Context<AppEnv>) =>
  c.json(errorBody('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`, c.get('requestId')), 404);

/**
 * Serves the built dashboard: its files to anyone, index.html (so client-side routes load) only to
 * browser navigations; every other unknown path gets a JSON 404.
 */
function mountUi(app: Hono<AppEnv>, uiDir: string | undefined): void {
  app.all('/api/*', notFound);
  if (!uiDir || !existsSync(join(uiDir, 'index.html'))) {
    app.get('*', (c) =>
      wantsHtml(c)
        ? c.html(
            '<!doctype html><title>Spark Control</title><p>The dashboard is not built: run <code>make start</code>.</p>',
            503,
          )
        : notFound(c),
    );
    return;
  }
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  const page = serveStatic<AppEnv>({ root: uiDir, path: 'index.html' });
  app.get('*', serveStatic({ root: uiDir }));
  app.get('*', async (c, next) => {
    if (!wantsHtml(c)) return notFound(c);
    return (await page(c, next)) ?? notFound(c);
  });
}
