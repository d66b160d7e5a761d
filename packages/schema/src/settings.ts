import * as v from 'valibot';
import { TimeZoneSchema } from './schedules.js';
import {
  AbsolutePathSchema,
  NumberRangeSchema,
  ContainerNameSchema,
  GitBranchSchema,
  HostSchema,
  HttpUrlSchema,
  maskUrl,
  SECRET_MASK,
  OptionalHttpUrlSchema,
  OptionalIpv4Schema,
  PortSchema,
  RemotePathSchema,
  SecretSchema,
  SlugSchema,
  UnixUserSchema,
  UrlPathSchema,
  urlSecrets,
} from './fields.js';
import { GatewaySettingsSchema, modelPolicyProblems } from './gateway-settings.js';
import { PlacementSettingSchema, placementProblems } from './placement-settings.js';

/** What a Spark can host; each role brings its built-in services. */
export const SPARK_ROLES = ['vllm', 'stt', 'tts', 'embeddings', 'qdrant'] as const;
export type SparkRole = (typeof SPARK_ROLES)[number];

/** Roles a Spark gets when its entry names none: the reference two-Spark layout. */
export const DEFAULT_ROLES_BY_POSITION: readonly (readonly SparkRole[])[] = [
  ['vllm'],
  ['stt', 'tts', 'embeddings', 'qdrant'],
];

export const SparkSchema = v.strictObject({
  id: SlugSchema,
  label: v.optional(v.pipe(v.string('must be text'), v.maxLength(80, 'must be at most 80 characters')), ''),
  host: HostSchema,
  sshPort: v.optional(PortSchema, 22),
  sshUser: v.optional(UnixUserSchema, 'spark'),
  roles: v.optional(v.array(v.picklist(SPARK_ROLES, `must be one of ${SPARK_ROLES.join(', ')}`))),
  /** The Spark's ConnectX (cluster) address that spark-vllm-docker compares with LOCAL_IP; blank: discovered. */
  clusterIp: v.optional(OptionalIpv4Schema, ''),
});

export const CUSTOM_SERVICE_KINDS = ['vllm', 'http', 'bot'] as const;

export const CustomServiceSchema = v.pipe(
  v.strictObject({
    id: SlugSchema,
    label: v.optional(v.pipe(v.string(), v.maxLength(80, 'must be at most 80 characters')), ''),
    kind: v.picklist(CUSTOM_SERVICE_KINDS, `must be one of ${CUSTOM_SERVICE_KINDS.join(', ')}`),
    sparkId: v.optional(SlugSchema),
    host: v.optional(HostSchema),
    port: PortSchema,
    path: v.optional(UrlPathSchema, '/health'),
  }),
  v.check(
    (service) => (service.sparkId === undefined) !== (service.host === undefined),
    'needs exactly one of sparkId or host',
  ),
);

export const SettingsSchema = v.pipe(
  v.strictObject({
    sparks: v.optional(v.array(SparkSchema), []),
    vllm: v.optional(
      v.strictObject({
        port: v.optional(PortSchema, 8888),
        container: v.optional(ContainerNameSchema, 'vllm_node'),
        launchScript: v.optional(RemotePathSchema, '~/spark-vllm-docker/launch-cluster.sh'),
        readyTimeoutSec: v.optional(NumberRangeSchema(30, 86_400, { integer: true, unit: 'seconds' }), 1200),
        /** Launch the previous model again when a swap fails. */
        rollback: v.optional(v.boolean('must be true or false'), true),
        /** Where local models may live on the Sparks; empty means `/home/<sshUser>/models`. */
        modelRoots: v.optional(v.array(AbsolutePathSchema), []),
        /** A Hugging Face token for gated repositories, passed to vLLM as HF_TOKEN. */
        hfToken: v.optional(SecretSchema, ''),
      }),
      {},
    ),
    /** vLLM instances, each a model on some Sparks; empty: the default layout (one, from `vllm`). */
    placements: v.optional(v.array(PlacementSettingSchema), []),
    ports: v.optional(
      v.strictObject({
        parakeet: v.optional(PortSchema, 8000),
        kokoro: v.optional(PortSchema, 8880),
        embeddings: v.optional(PortSchema, 8080),
        qdrant: v.optional(PortSchema, 6333),
      }),
      {},
    ),
    disabledServices: v.optional(v.array(SlugSchema), []),
    customServices: v.optional(v.array(CustomServiceSchema), []),
    bot: v.optional(
      v.strictObject({
        user: v.optional(v.union([v.literal(''), UnixUserSchema], 'must be blank or a Linux user name'), ''),
        sparkId: v.optional(v.union([v.literal(''), SlugSchema], 'must be blank or a Spark id'), ''),
        container: v.optional(ContainerNameSchema, 'bot'),
        dir: v.optional(v.union([v.literal(''), RemotePathSchema], 'must be blank or a path'), ''),
        branch: v.optional(GitBranchSchema, 'main'),
      }),
      {},
    ),
    reasoning: v.optional(
      v.strictObject({
        nvidiaApiKey: v.optional(SecretSchema, ''),
        baseUrl: v.optional(HttpUrlSchema, 'https://integrate.api.nvidia.com/v1'),
        model: v.optional(
          v.pipe(v.string(), v.nonEmpty('must not be blank')),
          'nvidia/nemotron-3-super-120b-a12b',
        ),
        fallbackModel: v.optional(
          v.pipe(v.string(), v.nonEmpty('must not be blank')),
          'nvidia/llama-3.3-nemotron-super-49b-v1',
        ),
        allowLocalFallback: v.optional(v.boolean('must be true or false'), false),
        localBaseUrl: v.optional(OptionalHttpUrlSchema, ''),
      }),
      {},
    ),
    webhook: v.optional(
      v.strictObject({
        url: v.optional(OptionalHttpUrlSchema, ''),
        secret: v.optional(SecretSchema, ''),
      }),
      {},
    ),
    gateway: v.optional(GatewaySettingsSchema, {}),
    /** The redaction gateway. */
    privacy: v.optional(
      v.strictObject({
        /** Also ask the cluster's own vLLM (never a cloud tier) for person names in the text. */
        localNameCheck: v.optional(v.boolean('must be true or false'), false),
        /** After this long the deterministic result stands without the local model's answer. */
        localNameCheckBudgetMs: v.optional(
          NumberRangeSchema(100, 30_000, { integer: true, unit: 'milliseconds' }),
          1500,
        ),
      }),
      {},
    ),
    /** The owner's IANA time zone for schedules; blank: the server's (TZ), else UTC. */
    timeZone: v.optional(TimeZoneSchema, ''),
    monitor: v.optional(
      v.strictObject({
        intervalSec: v.optional(NumberRangeSchema(1, 3600, { unit: 'seconds' }), 5),
        /** A service is `down` only after this many failed probes in a row … */
        downAfterProbes: v.optional(NumberRangeSchema(1, 100, { integer: true }), 3),
        /** … or once its probes have failed for this long, whichever comes first. */
        downAfterSec: v.optional(NumberRangeSchema(0, 3600, { unit: 'seconds' }), 15),
      }),
      {},
    ),
  }),
  v.check(
    (settings) => new Set(settings.sparks.map((spark) => spark.id)).size === settings.sparks.length,
    'sparks: ids must be unique',
  ),
  v.check(
    (settings) =>
      new Set(settings.customServices.map((service) => service.id)).size === settings.customServices.length,
    'customServices: ids must be unique',
  ),
  v.check(
    (settings) =>
      settings.customServices.every(
        (service) =>
          service.sparkId === undefined || settings.sparks.some((spark) => spark.id === service.sparkId),
      ),
    'customServices: sparkId must name a configured Spark',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const sparkIds = dataset.value.sparks.map((spark) => spark.id);
    for (const message of placementProblems(dataset.value.placements, sparkIds)) addIssue({ message });
    for (const message of modelPolicyProblems(dataset.value.gateway.modelPolicies)) addIssue({ message });
  }),
  v.transform((settings) => ({
    ...settings,
    sparks: settings.sparks.map((spark, index) => ({
      ...spark,
      label: spark.label || spark.id,
      roles: spark.roles ?? [...(DEFAULT_ROLES_BY_POSITION[index] ?? [])],
    })),
  })),
);

/** Settings as the server uses them: every default filled in. */
export type Settings = v.InferOutput<typeof SettingsSchema>;
/** Settings as written to settings.json: every field with a default may be left out. */
export type SettingsInput = v.InferInput<typeof SettingsSchema>;
export type Spark = Settings['sparks'][number];
export type CustomService = Settings['customServices'][number];

export type SettingsResult = { success: true; settings: Settings } | { success: false; errors: string[] };

/** Validates raw settings; each error names the field it is about, e.g. `vllm.port: must be a number`. */
export function parseSettings(input: unknown): SettingsResult {
  const result = v.safeParse(SettingsSchema, input);
  if (result.success) return { success: true, settings: result.output };
  return { success: false, errors: formatIssues(result.issues) };
}

export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    if (issue.type === 'strict_object' && issue.input !== undefined) {
      const key = issue.path?.at(-1)?.key;
      return `${String(path ?? key)}: is not a known setting`;
    }
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** A copy with every secret replaced by a mask (or left blank when unset), URL query values too. */
export function redactSettings(settings: Settings): Settings {
  return {
    ...settings,
    vllm: { ...settings.vllm, hfToken: settings.vllm.hfToken ? SECRET_MASK : '' },
    reasoning: {
      ...settings.reasoning,
      nvidiaApiKey: settings.reasoning.nvidiaApiKey ? SECRET_MASK : '',
      baseUrl: maskUrl(settings.reasoning.baseUrl),
      localBaseUrl: maskUrl(settings.reasoning.localBaseUrl),
    },
    webhook: {
      url: maskUrl(settings.webhook.url),
      secret: settings.webhook.secret ? SECRET_MASK : '',
    },
  };
}

/** The secrets themselves, for the logger to scrub from anything it writes. */
export function settingsSecrets(settings: Settings): string[] {
  return [
    settings.reasoning.nvidiaApiKey,
    settings.webhook.secret,
    settings.vllm.hfToken,
    ...[settings.webhook.url, settings.reasoning.baseUrl, settings.reasoning.localBaseUrl].flatMap(
      urlSecrets,
    ),
  ].filter((secret) => secret.length > 0);
}
