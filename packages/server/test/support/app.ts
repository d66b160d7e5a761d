import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { settingsSecrets, type TokenScope } from '@spark-control/schema';
import { EventBus } from '../../src/adapters/event-bus.js';
import type { ModelHub } from '../../src/adapters/huggingface.js';
import type { Db } from '../../src/adapters/db/client.js';
import { createLogger, type Logger } from '../../src/adapters/logger.js';
import { createApp, type AppDeps } from '../../src/app.js';
import { SettingsStore } from '../../src/config/settings-store.js';
import { AuditLog } from '../../src/services/audit.js';
import { AuthRepo } from '../../src/services/auth-repo.js';
import { AuthService } from '../../src/services/auth.js';
import { AdminPassword, writeAdminPasswordFile } from '../../src/services/password.js';
import { TrustedProxies } from '../../src/http/client.js';
import { composeServices } from '../../src/compose.js';
import type { SwapTiming } from '../../src/services/swap/swap-service.js';
import type { SchedulePort } from '../../src/services/schedules/schedule-service.js';
import { createSshAdapter, type SshAdapter } from '../../src/adapters/ssh/index.js';
import { freshDatabase } from './db.js';

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_TOKEN = 'sc_test-token-with-every-scope';

/** Every line the logger wrote, parsed. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** Dependencies of the app a test supplies itself; everything else is composed as main.ts composes it. */
export type TestServices = Partial<
  Omit<AppDeps, 'version' | 'log' | 'bus' | 'settings' | 'auth' | 'audit' | 'trustedProxies' | 'uiDir'>
>;

export interface TestAppOptions {
  kind?: 'pglite' | 'postgres';
  settings?: unknown;
  ssh?: SshAdapter;
  timing?: Partial<SwapTiming>;
  hub?: ModelHub;
  /** Addresses and ranges whose X-Forwarded-* headers the app believes. */
  trustedProxies?: readonly string[];
  /** The clock of leases, health hysteresis, schedules, swap timings, hardware history and usage. */
  now?: () => Date;
  /** What holds a placement against schedules (default: the leases). */
  schedulePort?: SchedulePort;
  /** Keep TEST_PASSWORD as a scrypt hash in the data dir (the StartOS setup), not in the environment. */
  passwordFile?: boolean;
  /** Services the test built itself, mounted in place of the composed ones (the test closes them). */
  services?: TestServices;
  /** The test's own database (it closes it); a fresh one when absent. */
  db?: Db;
  /** The test's own logger; a captured one (`logs`) when absent. */
  log?: Logger;
  /** The scrape-only `/metrics` token the auth service accepts. */
  metricsToken?: string;
}

/**
 * The one test harness: the real app (app.ts's middleware chain and routes) on a temp data dir,
 * the composed services with the test's own `services` in their place, a fresh database, the
 * password TEST_PASSWORD, the all-scope token TEST_TOKEN, a settings file the test may rewrite,
 * and the captured log.
 *
 * @example
 * const t = await buildTestApp({ services: { health: { monitor } } });
 * await t.app.request('/api/services', { headers: t.bearer });
 */
export async function buildTestApp(options: TestAppOptions = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-test-'));
  const settingsFile = join(dataDir, 'settings.json');
  if (options.settings !== undefined) await writeFile(settingsFile, JSON.stringify(options.settings));
  const logs = new LogCapture();
  const bus = new EventBus();
  const holder: { settings?: SettingsStore } = {};
  const log =
    options.log ??
    createLogger({
      level: 'debug',
      destination: logs,
      secrets: () => [
        TEST_PASSWORD,
        TEST_TOKEN,
        ...(holder.settings ? settingsSecrets(holder.settings.current) : []),
      ],
    });
  const settings = new SettingsStore({ file: settingsFile, log, bus });
  holder.settings = settings;
  await settings.load();
  const database = options.db
    ? { db: options.db, close: () => Promise.resolve() }
    : await freshDatabase(options.kind ?? 'pglite');
  const passwordFile = join(dataDir, 'admin-password');
  if (options.passwordFile) await writeAdminPasswordFile(passwordFile, TEST_PASSWORD);
  const password = new AdminPassword(passwordFile, options.passwordFile ? undefined : TEST_PASSWORD);
  const auth = new AuthService({
    repo: new AuthRepo(database.db),
    password,
    metricsToken: options.metricsToken,
  });
  await auth.seedToken(TEST_TOKEN);
  const audit = new AuditLog(database.db);
  const ssh = options.ssh ?? (await createSshAdapter({ dataDir, connectTimeoutMs: 2000 }));
  const composed = await composeServices({
    dataDir,
    db: database.db,
    ssh,
    settings,
    bus,
    log,
    timing: { pollMs: 200, memoryReleaseTimeoutMs: 10_000, ...options.timing },
    webhookRetryDelaysMs: [50, 100],
    hub: options.hub,
    tokenNames: () => auth.tokenNames(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.schedulePort ? { schedulePort: options.schedulePort } : {}),
  });
  const services = { ...composed, ...options.services };
  const app = createApp({
    version: '0.0.0-test',
    log,
    bus,
    settings,
    auth,
    audit,
    ...services,
    trustedProxies: new TrustedProxies(options.trustedProxies),
  });
  return {
    app,
    password,
    auth,
    audit,
    bus,
    logs,
    settings,
    settingsFile,
    dataDir,
    db: database.db,
    ssh,
    ...services,
    bearer: { Authorization: `Bearer ${TEST_TOKEN}` },
    /** POSTs `body` as JSON with the all-scopes token. */
    postJson(path: string, body: unknown): Response | Promise<Response> {
      return app.request(path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
    /** Bearer headers of a new token with only these scopes. */
    async tokenWith(scopes: TokenScope[]): Promise<Record<string, string>> {
      const created = await auth.createToken(`test ${scopes.join(' ')}`, scopes);
      return { Authorization: `Bearer ${created.token}` };
    },
    /** Signs in and returns the session cookie header. */
    async login(): Promise<string> {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost' },
        body: JSON.stringify({ password: TEST_PASSWORD }),
      });
      const cookie = response.headers.get('set-cookie');
      if (response.status !== 200 || !cookie) throw new Error(`login failed: ${response.status}`);
      return cookie.split(';')[0] ?? '';
    },
    async close(): Promise<void> {
      settings.stop();
      await composed.stop();
      if (!options.ssh) ssh.pool.closeAll();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
