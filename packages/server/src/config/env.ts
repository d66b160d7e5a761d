import { isAbsolute, join, resolve } from 'node:path';

/** Everything the server reads from its environment, read once in main.ts. */
export interface Env {
  dataDir: string;
  settingsFile: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  adminPassword: string | undefined;
  apiToken: string | undefined;
  nvidiaApiKey: string | undefined;
  logLevel: string;
  uiDir: string | undefined;
  promptsDir: string | undefined;
  metricsToken: string | undefined;
  /** Proxies whose X-Forwarded-* headers are believed: addresses, CIDR ranges, `gateway`. */
  trustedProxies: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const dataDir = resolve(env.SPARK_CONTROL_DATA || './.data');
  const settingsFile = env.SPARK_CONTROL_SETTINGS || join(dataDir, 'settings.json');
  const port = Number(env.PORT || 9999);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT: must be a port from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
  }
  return {
    dataDir,
    settingsFile: isAbsolute(settingsFile) ? settingsFile : resolve(settingsFile),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST || '0.0.0.0',
    port,
    adminPassword: env.SPARK_CONTROL_PASSWORD || undefined,
    apiToken: env.SPARK_CONTROL_API_TOKEN || undefined,
    nvidiaApiKey: env.NVIDIA_API_KEY || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    uiDir: env.SPARK_CONTROL_UI_DIR || undefined,
    promptsDir: env.SPARK_CONTROL_PROMPTS || undefined,
    metricsToken: env.SPARK_CONTROL_METRICS_TOKEN || undefined,
    trustedProxies: env.SPARK_CONTROL_TRUSTED_PROXIES || '',
  };
}
