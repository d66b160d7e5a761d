import { parseSettings, type ServiceKind, type Settings, type SparkRole } from '@spark-control/schema';
import { isRecord } from './files.js';
import type { ConfigureSparksInput } from './configure-spec.js';

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

export type { ConfigureSparksInput } from './configure-spec.js';

/** A secret field: keep what is saved, replace it, or remove it. */
export type SecretInput = ConfigureSparksInput['vllm']['hfToken'];
const KEEP_SECRET: SecretInput = { selection: 'keep', value: {} };

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

/** The secret a secret field leaves in the file: the saved one, a new one, or none. */
function resolveSecret(field: SecretInput, saved: unknown): string {
  if (field.selection === 'replace') return text(field.value.value);
  if (field.selection === 'clear') return '';
  return typeof saved === 'string' ? saved : '';
}

/**
 * The settings file the form describes. It is merged over the current file, which keeps keys the
 * form does not know (written by a newer version, or hidden services it does not list) and the
 * secrets the owner chose to keep.
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
  const { advanced } = input;
  return {
    ...current,
    sparks: input.sparks.map((spark) => ({
      id: text(spark.id),
      ...(text(spark.label) ? { label: text(spark.label) } : {}),
      host: text(spark.host),
      sshPort: spark.sshPort,
      sshUser: text(spark.sshUser),
      ...(spark.roles.length > 0 ? { roles: [...spark.roles] } : {}),
      clusterIp: text(spark.clusterIp),
    })),
    vllm: {
      ...section('vllm'),
      port: input.vllm.port,
      container: text(input.vllm.container),
      launchScript: text(input.vllm.launchScript),
      hfToken: resolveSecret(input.vllm.hfToken, section('vllm').hfToken),
      readyTimeoutSec: advanced.swap.readyTimeoutSec,
      rollback: advanced.swap.rollback,
      modelRoots: advanced.swap.modelRoots.map(text).filter((root) => root !== ''),
    },
    placements: input.placements.map((placement) => ({
      id: text(placement.id),
      sparkIds: placement.sparkIds.map(text),
      port: placement.port,
      container: text(placement.container),
      memoryShare: placement.memoryShare,
      models: placement.models.map(text).filter((model) => model !== ''),
    })),
    ports: { ...section('ports'), ...advanced.ports },
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
      nvidiaApiKey: resolveSecret(input.reasoning.nvidiaApiKey, section('reasoning').nvidiaApiKey),
      baseUrl: text(advanced.reasoningBaseUrl),
      model: text(input.reasoning.model),
      fallbackModel: text(input.reasoning.fallbackModel),
      allowLocalFallback: input.reasoning.allowLocalFallback,
      localBaseUrl: text(input.reasoning.localBaseUrl),
    },
    webhook: {
      ...section('webhook'),
      url: text(input.webhook.url),
      secret: resolveSecret(input.webhook.secret, section('webhook').secret),
    },
    gateway: {
      ...section('gateway'),
      ...advanced.gateway,
      modelPolicies: advanced.gateway.modelPolicies.map((policy) => ({
        modelId: text(policy.modelId),
        pin: policy.pin,
        ...(policy.idleUnloadSec === null ? {} : { idleUnloadSec: policy.idleUnloadSec }),
      })),
    },
    privacy: { ...section('privacy'), ...input.privacy },
    monitor: {
      ...section('monitor'),
      intervalSec: advanced.monitorIntervalSec,
      downAfterProbes: advanced.monitorDownAfterProbes,
      downAfterSec: advanced.monitorDownAfterSec,
    },
    timeZone: text(advanced.timeZone),
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

/** The form pre-filled from the current settings (defaults where the file is silent or invalid); secrets never. */
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
        sshUser: spark.sshUser,
        roles: explicitRoles ? [...spark.roles] : [],
        clusterIp: spark.clusterIp || null,
      };
    }),
    vllm: {
      port: settings.vllm.port,
      container: settings.vllm.container,
      launchScript: settings.vllm.launchScript,
      hfToken: KEEP_SECRET,
    },
    placements: settings.placements.map((placement) => ({
      id: placement.id,
      sparkIds: [...placement.sparkIds],
      port: placement.port,
      container: placement.container,
      memoryShare: placement.memoryShare,
      models: [...placement.models],
    })),
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
      nvidiaApiKey: KEEP_SECRET,
      model: settings.reasoning.model,
      fallbackModel: settings.reasoning.fallbackModel,
      allowLocalFallback: settings.reasoning.allowLocalFallback,
      localBaseUrl: settings.reasoning.localBaseUrl || null,
    },
    webhook: { url: settings.webhook.url || null, secret: KEEP_SECRET },
    privacy: { ...settings.privacy },
    advanced: {
      ports: { ...settings.ports },
      swap: {
        readyTimeoutSec: settings.vllm.readyTimeoutSec,
        rollback: settings.vllm.rollback,
        modelRoots: [...settings.vllm.modelRoots],
      },
      gateway: {
        ...settings.gateway,
        modelPolicies: settings.gateway.modelPolicies.map((policy) => ({
          modelId: policy.modelId,
          pin: policy.pin,
          idleUnloadSec: policy.idleUnloadSec ?? null,
        })),
      },
      monitorIntervalSec: settings.monitor.intervalSec,
      monitorDownAfterProbes: settings.monitor.downAfterProbes,
      monitorDownAfterSec: settings.monitor.downAfterSec,
      timeZone: settings.timeZone || null,
      reasoningBaseUrl: settings.reasoning.baseUrl,
    },
  };
}

/** The schema's defaults: what the form shows on a fresh install. */
export function defaults(): Settings {
  const parsed = parseSettings({});
  if (!parsed.success) throw new Error(`settings defaults are invalid: ${parsed.errors.join('; ')}`);
  return parsed.settings;
}
