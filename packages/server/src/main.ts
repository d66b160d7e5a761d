import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { settingsSecrets } from '@spark-control/schema';
import { EventBus } from './adapters/event-bus.js';
import { createLogger } from './adapters/logger.js';
import { openDatabase } from './adapters/db/client.js';
import { createApp } from './app.js';
import { HuggingFaceHub } from './adapters/huggingface.js';
import { TrustedProxies } from './http/client.js';
import { composeServices } from './compose.js';
import { readEnv } from './config/env.js';
import { SettingsStore } from './config/settings-store.js';
import { createSshAdapter } from './adapters/ssh/index.js';
import { AuditLog } from './services/audit.js';
import { AuthRepo } from './services/auth-repo.js';
import { AuthService } from './services/auth.js';
import { AdminPassword } from './services/password.js';
import { sshTargetsInUse } from './services/sparks/targets.js';

const here = dirname(fileURLToPath(import.meta.url));

function findVersion(): string {
  for (const candidate of [join(here, '../package.json'), join(here, '../../package.json')]) {
    if (existsSync(candidate))
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

function findUiDir(configured: string | undefined): string | undefined {
  return [configured, join(here, '../../ui/dist'), join(here, 'ui')].find(
    (dir): dir is string => dir !== undefined && existsSync(join(dir, 'index.html')),
  );
}

async function main(): Promise<void> {
  const env = readEnv();
  const bus = new EventBus();
  let secrets: readonly string[] = [env.adminPassword, env.apiToken].filter((s): s is string => Boolean(s));
  const log = createLogger({ level: env.logLevel, secrets: () => secrets });
  const settings = new SettingsStore({
    file: env.settingsFile,
    overrides: { nvidiaApiKey: env.nvidiaApiKey },
    log,
    bus,
  });
  await settings.load();
  const staticSecrets = secrets;
  const refreshSecrets = () => {
    secrets = [...staticSecrets, ...settingsSecrets(settings.current)];
  };
  refreshSecrets();
  settings.subscribe(refreshSecrets);
  settings.watch();

  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  const password = new AdminPassword(join(env.dataDir, 'admin-password'), env.adminPassword);
  const generated = await password.ensure();
  if (generated) {
    // Printed once, straight to the terminal, never through the logger.
    process.stderr.write(`\n  Spark Control admin password (shown once): ${generated}\n\n`);
  }
  const auth = new AuthService({
    repo: new AuthRepo(database.db),
    password,
    metricsToken: env.metricsToken,
  });
  if (env.apiToken) await auth.seedToken(env.apiToken);

  const ssh = await createSshAdapter({ dataDir: env.dataDir, log });
  settings.subscribe((current) => ssh.pool.retain(sshTargetsInUse(current)));
  const services = await composeServices({
    dataDir: env.dataDir,
    db: database.db,
    ssh,
    settings,
    promptsDir: env.promptsDir,
    bus,
    log,
    hub: new HuggingFaceHub(() => settings.current.vllm.hfToken, env.hfEndpoint),
    tokenNames: () => auth.tokenNames(),
  });

  const version = findVersion();
  const app = createApp({
    version,
    log,
    bus,
    settings,
    auth,
    audit: new AuditLog(database.db),
    ...services,
    uiDir: findUiDir(env.uiDir),
    trustedProxies: TrustedProxies.parse(env.trustedProxies),
  });
  const server = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, (info) => {
    log.info(
      { host: env.host, port: info.port, version, database: database.kind, dataDir: env.dataDir },
      'listening',
    );
  });
  services.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    settings.stop();
    ssh.pool.closeAll();
    server.close(() => {
      services
        .stop()
        .then(() => database.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  // SIGHUP: the terminal of `make start` or `make demo` was closed.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Spark Control failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
