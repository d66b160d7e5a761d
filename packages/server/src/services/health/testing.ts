import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, SettingsInput, TokenScope } from '@spark-control/schema';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from '../../adapters/logger.js';
import type { Db } from '../../adapters/db/client.js';
import { openDatabase } from '../../adapters/db/client.js';
import { EventBus } from '../../adapters/event-bus.js';
import { createLogger } from '../../adapters/logger.js';
import { SettingsStore } from '../../config/settings-store.js';
import type { AppEnv } from '../../http/context.js';
import { handleError } from '../../http/errors.js';
import { accessLog, auditMutations, authenticate } from '../../http/middleware.js';
import { AuditLog } from '../audit.js';
import { AuthRepo } from '../auth-repo.js';
import { AuthService } from '../auth.js';
import { AdminPassword } from '../password.js';
import { LogCapture } from '../../../test/support/app.js';
import { MetricsRegistry, standardMetrics } from './metrics.js';
import { HealthMonitor, type HealthMonitorOptions } from './monitor.js';
import { ServiceRegistry } from './registry.js';
import { HealthStore } from './store.js';

/** A settings file the test can rewrite (applied live), a fresh database, a bus that records events. */
export async function healthFixture(
  settings: SettingsInput,
  options: { databaseOnDisk?: boolean; watchMs?: number } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'spark-health-'));
  const file = join(dir, 'settings.json');
  await writeFile(file, JSON.stringify(settings));
  const logs = new LogCapture();
  const log = createLogger({ level: 'debug', destination: logs });
  const bus = new EventBus();
  const events: AppEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const store = new SettingsStore({ file, log, bus });
  await store.load();
  store.watch(options.watchMs ?? 50);
  const database = await openDatabase(options.databaseOnDisk ? { dataDir: dir } : {});
  const registry = new ServiceRegistry(store);
  const health = new HealthStore(database.db);
  const metrics = new MetricsRegistry();
  const standard = standardMetrics(metrics);
  const monitors: HealthMonitor[] = [];
  return {
    dir,
    log,
    logs,
    bus,
    events,
    settings: store,
    registry,
    store: health,
    db: database.db,
    metrics,
    standard,
    /** Rewrites settings.json and waits until the store applied it. */
    async updateSettings(next: SettingsInput): Promise<void> {
      const before = store.current;
      await writeFile(file, JSON.stringify(next));
      const deadline = Date.now() + 5000;
      while (store.current === before) {
        if (Date.now() > deadline) throw new Error('settings change was not applied');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    monitor(options: Partial<HealthMonitorOptions> = {}): HealthMonitor {
      const monitor = new HealthMonitor({
        registry,
        store: health,
        bus,
        log,
        intervalMs: () => 500,
        isSwapping: () => false,
        metrics: standard,
        deepIntervalMs: 0,
        ...options,
      });
      monitors.push(monitor);
      return monitor;
    },
    async close(): Promise<void> {
      for (const monitor of monitors) await monitor.stop();
      store.stop();
      registry.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type HealthFixture = Awaited<ReturnType<typeof healthFixture>>;

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const ROUTE_TEST_TOKEN = 'sc_route-test-token-all-scopes';

/**
 * Route factories mounted the way app.ts mounts them: request ids, the access log, the audit
 * of mutations, authentication and the one onError. Returns bearer headers for every scope
 * and a helper that makes a token with only some scopes.
 */
export async function routeTestApp(options: {
  db: Db;
  log: Logger;
  dataDir: string;
  /** The scrape-only `/metrics` token the auth service accepts. */
  metricsToken?: string;
  mount: (app: Hono<AppEnv>, auth: AuthService) => void;
}) {
  const auth = new AuthService({
    repo: new AuthRepo(options.db),
    password: new AdminPassword(join(options.dataDir, 'admin-password'), 'route-test-password'),
    metricsToken: options.metricsToken,
  });
  await auth.seedToken(ROUTE_TEST_TOKEN);
  const audit = new AuditLog(options.db);
  const app = new Hono<AppEnv>();
  app.onError((error, c) => handleError(error, c, options.log));
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(accessLog(options.log));
  app.use('/api/*', auditMutations(audit, options.log));
  app.use('/api/*', authenticate(auth, []));
  options.mount(app, auth);
  return {
    app,
    auth,
    audit,
    bearer: { Authorization: `Bearer ${ROUTE_TEST_TOKEN}` },
    async tokenWith(scopes: TokenScope[]): Promise<Record<string, string>> {
      const created = await auth.createToken(`test ${scopes.join(' ')}`, scopes);
      return { Authorization: `Bearer ${created.token}` };
    },
  };
}
