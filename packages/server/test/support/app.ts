import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { settingsSecrets } from '@spark-control/schema';
import { EventBus } from '../../src/adapters/event-bus.js';
import type { ModelHub } from '../../src/adapters/huggingface.js';
import { createLogger } from '../../src/adapters/logger.js';
import { createApp } from '../../src/app.js';
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

/**
 * The real app on a temp data dir and a fresh database: the password TEST_PASSWORD, the
 * all-scope token TEST_TOKEN, a settings file the test may rewrite, and the captured log.
 */
export async function createTestApp(
  options: {
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
  } = {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-test-'));
  const settingsFile = join(dataDir, 'settings.json');
  if (options.settings !== undefined) await writeFile(settingsFile, JSON.stringify(options.settings));
  const logs = new LogCapture();
  const bus = new EventBus();
  const holder: { settings?: SettingsStore } = {};
  const log = createLogger({
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
  const database = await freshDatabase(options.kind ?? 'pglite');
  const passwordFile = join(dataDir, 'admin-password');
  if (options.passwordFile) await writeAdminPasswordFile(passwordFile, TEST_PASSWORD);
  const password = new AdminPassword(passwordFile, options.passwordFile ? undefined : TEST_PASSWORD);
  const auth = new AuthService({ repo: new AuthRepo(database.db), password });
  await auth.seedToken(TEST_TOKEN);
  const audit = new AuditLog(database.db);
  const ssh = options.ssh ?? (await createSshAdapter({ dataDir, connectTimeoutMs: 2000 }));
  const services = await composeServices({
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
      await services.stop();
      if (!options.ssh) ssh.pool.closeAll();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
