import { parseSettings, type ServiceKind, type Settings, type SparkRole } from '@spark-control/schema';
import { isRecord } from './files.js';

/**
 * The built-in services by registry id (packages/server/src/services/health/registry.ts gives
 * the first Spark with a role the plain kind as id), with their form labels (i18n keys); the
 * form offers them for hiding.
 */
export const KNOWN_SERVICES = {
  vllm: 'vLLM (chat model)',
  parakeet: 'Speech-to-text (Parakeet)',
  kokoro: 'Text-to-speech (Kokoro)',
  embeddings: 'Embeddings and rerank (bge-m3)',
  qdrant: 'Vector search (Qdrant)',
} as const satisfies Partial<Record<ServiceKind, string>>;
export type KnownServiceId = keyof typeof KNOWN_SERVICES;

/** Form labels (i18n keys) of the Spark roles. */
export const ROLE_LABELS = {
  vllm: 'vLLM (chat model)',
  stt: 'Speech-to-text',
  tts: 'Text-to-speech',
  embeddings: 'Embeddings',
  qdrant: 'Vector search (Qdrant)',
} as const satisfies Record<SparkRole, string>;
const knownServiceIds = Object.keys(KNOWN_SERVICES) as KnownServiceId[];

/** What the Configure Sparks form holds; optional text fields come back as null when blank. */
export interface ConfigureSparksInput {
  sparks: {
    id: string;
    label: string | null;
    host: string;
    sshPort: number;
    /** Blank: found over SSH. */
    clusterIp: string | null;
    sshUser: string;
    roles: SparkRole[];
  }[];
  vllm: { port: number; container: string; launchScript: string; hfToken: string | null };
  hiddenServices: KnownServiceId[];
  customServices: {
    id: string;
    label: string | null;
    kind: 'vllm' | 'http' | 'bot';
    sparkId: string | null;
    host: string | null;
    port: number;
    path: string | null;
  }[];
  bot: { user: string | null; sparkId: string | null; container: string; dir: string | null; branch: string };
  reasoning: {
    nvidiaApiKey: string | null;
    model: string;
    fallbackModel: string;
    allowLocalFallback: boolean;
    localBaseUrl: string | null;
  };
  webhook: { url: string | null; secret: string | null };
}

export interface FieldError {
  /** Dotted settings path such as `sparks.0.host`, or '' for the whole form. */
  path: string;
  /** The schema's English message, e.g. `must be a port from 1 to 65535`. */
  message: string;
}

export type ValidationResult =
  | { success: true; raw: Record<string, unknown>; settings: Settings }
  | { success: false; errors: FieldError[] };

export const NO_SPARK_ERROR = 'add at least one Spark';

const text = (value: string | null | undefined): string => (value ?? '').trim();

/**
 * The settings file the form describes, merged over the current file so settings the form
 * does not show (ports, monitor, timeouts, base URL, unknown future keys) are kept.
 */
export function formToSettings(
  input: ConfigureSparksInput,
  current: Record<string, unknown> = {},
): Record<string, unknown> {
  const section = (key: string): Record<string, unknown> => {
    const value = current[key];
    return isRecord(value) ? value : {};
  };
  const keptHidden = Array.isArray(current.disabledServices)
    ? current.disabledServices.filter(
        (id): id is string => typeof id === 'string' && !(knownServiceIds as string[]).includes(id),
      )
    : [];
  return {
    ...current,
    sparks: input.sparks.map((spark) => ({
      id: text(spark.id),
      ...(text(spark.label) ? { label: text(spark.label) } : {}),
      host: text(spark.host),
      sshPort: spark.sshPort,
      sshUser: text(spark.sshUser),
      ...(spark.roles.length > 0 ? { roles: [...spark.roles] } : {}),
      ...(text(spark.clusterIp) ? { clusterIp: text(spark.clusterIp) } : {}),
    })),
    vllm: {
      ...section('vllm'),
      port: input.vllm.port,
      container: text(input.vllm.container),
      launchScript: text(input.vllm.launchScript),
      hfToken: text(input.vllm.hfToken),
    },
    disabledServices: [...input.hiddenServices, ...keptHidden],
    customServices: input.customServices.map((service) => ({
      id: text(service.id),
      ...(text(service.label) ? { label: text(service.label) } : {}),
      kind: service.kind,
      ...(text(service.sparkId) ? { sparkId: text(service.sparkId) } : {}),
      ...(text(service.host) ? { host: text(service.host) } : {}),
      port: service.port,
      ...(text(service.path) ? { path: text(service.path) } : {}),
    })),
    bot: {
      ...section('bot'),
      user: text(input.bot.user),
      sparkId: text(input.bot.sparkId),
      container: text(input.bot.container),
      dir: text(input.bot.dir),
      branch: text(input.bot.branch),
    },
    reasoning: {
      ...section('reasoning'),
      nvidiaApiKey: text(input.reasoning.nvidiaApiKey),
      model: text(input.reasoning.model),
      fallbackModel: text(input.reasoning.fallbackModel),
      allowLocalFallback: input.reasoning.allowLocalFallback,
      localBaseUrl: text(input.reasoning.localBaseUrl),
    },
    webhook: {
      ...section('webhook'),
      url: text(input.webhook.url),
      secret: text(input.webhook.secret),
    },
  };
}

/** Re-validates with the shared SettingsSchema and requires at least one Spark. */
export function validateSettings(raw: Record<string, unknown>): ValidationResult {
  const parsed = parseSettings(raw);
  const errors: FieldError[] = parsed.success ? [] : parsed.errors.map(splitError);
  const sparks = raw.sparks;
  if (!Array.isArray(sparks) || sparks.length === 0)
    errors.unshift({ path: 'sparks', message: NO_SPARK_ERROR });
  if (errors.length > 0 || !parsed.success) return { success: false, errors };
  return { success: true, raw, settings: parsed.settings };
}

function splitError(error: string): FieldError {
  const colon = error.indexOf(': ');
  if (colon <= 0 || /\s/.test(error.slice(0, colon))) return { path: '', message: error };
  return { path: error.slice(0, colon), message: error.slice(colon + 2) };
}

/** The form pre-filled from the current settings (defaults where the file is silent or invalid). */
export function settingsToForm(current: Record<string, unknown> | undefined): ConfigureSparksInput {
  const parsed = parseSettings(current ?? {});
  const settings = parsed.success ? parsed.settings : defaults();
  const rawSparks = Array.isArray(current?.sparks) ? current.sparks : [];
  return {
    sparks: settings.sparks.map((spark, index) => {
      const raw: unknown = rawSparks[index];
      // Roles the file leaves out stay out, so the positional default keeps applying.
      const explicitRoles = isRecord(raw) && Array.isArray(raw.roles);
      const explicitLabel = isRecord(raw) && typeof raw.label === 'string' && raw.label !== '';
      return {
        id: spark.id,
        label: explicitLabel ? spark.label : null,
        host: spark.host,
        sshPort: spark.sshPort,
        clusterIp: spark.clusterIp || null,
        sshUser: spark.sshUser,
        roles: explicitRoles ? [...spark.roles] : [],
      };
    }),
    vllm: {
      port: settings.vllm.port,
      container: settings.vllm.container,
      launchScript: settings.vllm.launchScript,
      hfToken: settings.vllm.hfToken || null,
    },
    hiddenServices: settings.disabledServices.filter((id): id is KnownServiceId =>
      (knownServiceIds as string[]).includes(id),
    ),
    customServices: settings.customServices.map((service) => ({
      id: service.id,
      label: service.label || null,
      kind: service.kind,
      sparkId: service.sparkId ?? null,
      host: service.host ?? null,
      port: service.port,
      path: service.path,
    })),
    bot: {
      user: settings.bot.user || null,
      sparkId: settings.bot.sparkId || null,
      container: settings.bot.container,
      dir: settings.bot.dir || null,
      branch: settings.bot.branch,
    },
    reasoning: {
      nvidiaApiKey: settings.reasoning.nvidiaApiKey || null,
      model: settings.reasoning.model,
      fallbackModel: settings.reasoning.fallbackModel,
      allowLocalFallback: settings.reasoning.allowLocalFallback,
      localBaseUrl: settings.reasoning.localBaseUrl || null,
    },
    webhook: { url: settings.webhook.url || null, secret: settings.webhook.secret || null },
  };
}

/** The schema's defaults: what the form shows on a fresh install. */
export function defaults(): Settings {
  const parsed = parseSettings({});
  if (!parsed.success) throw new Error(`settings defaults are invalid: ${parsed.errors.join('; ')}`);
  return parsed.settings;
}
