import { PATTERNS, CUSTOM_SERVICE_KINDS } from '@spark-control/schema';
import type { I18nKey } from '../i18n/dictionaries/default.js';
import { i18n } from '../i18n/index.js';
import { formErrorMessage } from '../lib/form-errors.js';
import {
  KNOWN_SERVICES,
  ROLE_LABELS,
  formToSettings,
  settingsToForm,
  validateSettings,
  type ConfigureSparksInput,
} from '../lib/configure-form.js';
import { readJsonObject, writeFileAtomic } from '../lib/files.js';
import { settingsFile } from '../lib/volume.js';
import { sdk } from '../sdk.js';
import { appGid, appUid } from '../utils.js';

const { InputSpec, Value, List } = sdk;

const pattern = (regex: RegExp, description: string) => ({ regex: regex.source, description });
const translated = <K extends string>(labels: Record<K, I18nKey>) =>
  Object.fromEntries(Object.entries<I18nKey>(labels).map(([id, label]) => [id, i18n(label)])) as Record<
    K,
    string
  >;
const port = (name: string, fallback: number, description: string | null = null) =>
  Value.number({
    name,
    description,
    default: fallback,
    required: true,
    min: 1,
    max: 65535,
    integer: true,
    step: 1,
  });

const sparkSpec = InputSpec.of({
  id: Value.text({
    name: i18n('Spark id'),
    description: i18n('A short name used in the dashboard and the API, such as spark1.'),
    required: true,
    default: null,
    placeholder: 'spark1',
    patterns: [pattern(PATTERNS.slug, i18n('Lowercase letters, digits and dashes'))],
  }),
  label: Value.text({
    name: i18n('Label'),
    description: i18n('Shown on the dashboard. Leave blank to use the id.'),
    required: false,
    default: null,
    maxLength: 80,
  }),
  host: Value.text({
    name: i18n('Address'),
    description: i18n('IP address or hostname of the Spark on your network, such as 192.168.1.50.'),
    required: true,
    default: null,
    placeholder: '192.168.1.50',
  }),
  sshPort: port(i18n('SSH port'), 22),
  clusterIp: Value.text({
    name: i18n('Cluster address'),
    description: i18n(
      'The address of the Spark’s ConnectX port, which the launch script compares with its node list, such as 192.168.177.11. Leave blank to have it found over SSH.',
    ),
    required: false,
    default: null,
    placeholder: '192.168.177.11',
    patterns: [pattern(PATTERNS.ipv4, i18n('must be blank or an IPv4 address such as 192.168.177.11'))],
  }),
  sshUser: Value.text({
    name: i18n('SSH user'),
    required: true,
    default: 'spark',
    patterns: [pattern(PATTERNS.unixUser, i18n('A Linux user name'))],
  }),
  roles: Value.multiselect({
    name: i18n('Roles'),
    description: i18n(
      'What this Spark runs. Leave empty for the default: the first Spark runs vLLM, the second runs speech, embeddings and Qdrant.',
    ),
    default: [],
    values: translated(ROLE_LABELS),
  }),
});

const customServiceSpec = InputSpec.of({
  id: Value.text({
    name: i18n('Service id'),
    required: true,
    default: null,
    placeholder: 'my-service',
    patterns: [pattern(PATTERNS.slug, i18n('Lowercase letters, digits and dashes'))],
  }),
  label: Value.text({ name: i18n('Label'), required: false, default: null, maxLength: 80 }),
  kind: Value.select({
    name: i18n('Kind'),
    default: 'http',
    values: Object.fromEntries(CUSTOM_SERVICE_KINDS.map((kind) => [kind, kind])) as Record<
      (typeof CUSTOM_SERVICE_KINDS)[number],
      string
    >,
  }),
  sparkId: Value.text({
    name: i18n('On Spark (id)'),
    description: i18n('The id of the Spark it runs on. Fill in this or Address, not both.'),
    required: false,
    default: null,
  }),
  host: Value.text({
    name: i18n('Address'),
    description: i18n('Its address when it runs elsewhere. Fill in this or On Spark, not both.'),
    required: false,
    default: null,
  }),
  port: port(i18n('Port'), 8080),
  path: Value.text({
    name: i18n('Health path'),
    description: i18n('The URL path checked for health. Leave blank for /health.'),
    required: false,
    default: null,
    placeholder: '/health',
  }),
});

export const inputSpec = InputSpec.of({
  sparks: Value.list(
    List.obj(
      {
        name: i18n('Sparks'),
        description: i18n('Your DGX Spark machines. Add at least one.'),
      },
      { spec: sparkSpec, displayAs: '{{id}} ({{host}})', uniqueBy: 'id' },
    ),
  ),
  vllm: Value.object(
    { name: i18n('vLLM'), description: i18n('How the chat model is started on the first Spark.') },
    InputSpec.of({
      port: port(i18n('vLLM port'), 8888),
      container: Value.text({
        name: i18n('Container name'),
        required: true,
        default: 'vllm_node',
        patterns: [pattern(PATTERNS.containerName, i18n('A Docker container name'))],
      }),
      launchScript: Value.text({
        name: i18n('Launch script'),
        description: i18n('Path of launch-cluster.sh on the Spark; ~/ means the SSH user’s home.'),
        required: true,
        default: '~/spark-vllm-docker/launch-cluster.sh',
      }),
      hfToken: Value.text({
        name: i18n('Hugging Face token'),
        description: i18n(
          'For gated models such as Llama: a read token from huggingface.co/settings/tokens. vLLM gets it as HF_TOKEN.',
        ),
        required: false,
        default: null,
        masked: true,
      }),
    }),
  ),
  hiddenServices: Value.multiselect({
    name: i18n('Hidden services'),
    description: i18n('Services you do not run; their tiles are hidden and they are not monitored.'),
    default: [],
    values: translated(KNOWN_SERVICES),
  }),
  customServices: Value.list(
    List.obj(
      { name: i18n('Custom services'), description: i18n('Other services to show as tiles and monitor.') },
      { spec: customServiceSpec, displayAs: '{{id}}', uniqueBy: 'id' },
    ),
  ),
  bot: Value.object(
    { name: i18n('Bot'), description: i18n('An optional bot container managed from its own tile.') },
    InputSpec.of({
      user: Value.text({ name: i18n('SSH user'), required: false, default: null }),
      sparkId: Value.text({ name: i18n('On Spark (id)'), required: false, default: null }),
      container: Value.text({
        name: i18n('Container name'),
        required: true,
        default: 'bot',
        patterns: [pattern(PATTERNS.containerName, i18n('A Docker container name'))],
      }),
      dir: Value.text({ name: i18n('Checkout directory'), required: false, default: null }),
      branch: Value.text({ name: i18n('Git branch'), required: true, default: 'main' }),
    }),
  ),
  reasoning: Value.object(
    { name: i18n('Reasoning'), description: i18n('NVIDIA hosted models, with an optional local fallback.') },
    InputSpec.of({
      nvidiaApiKey: Value.text({
        name: i18n('NVIDIA API key'),
        description: i18n('From build.nvidia.com. Leave blank to use only local models.'),
        required: false,
        default: null,
        masked: true,
      }),
      model: Value.text({
        name: i18n('Model'),
        required: true,
        default: 'nvidia/nemotron-3-super-120b-a12b',
      }),
      fallbackModel: Value.text({
        name: i18n('Fallback model'),
        required: true,
        default: 'nvidia/llama-3.3-nemotron-super-49b-v1',
      }),
      allowLocalFallback: Value.toggle({
        name: i18n('Fall back to a local model'),
        description: i18n('When NVIDIA is unreachable, answer with a model on your Sparks instead.'),
        default: false,
      }),
      localBaseUrl: Value.text({
        name: i18n('Local model URL'),
        description: i18n(
          'OpenAI-compatible base URL of the local fallback, such as http://192.168.1.50:8888/v1.',
        ),
        required: false,
        default: null,
      }),
    }),
  ),
  webhook: Value.object(
    { name: i18n('Webhook'), description: i18n('Where to post events such as finished model swaps.') },
    InputSpec.of({
      url: Value.text({ name: i18n('Webhook URL'), required: false, default: null }),
      secret: Value.text({ name: i18n('Webhook secret'), required: false, default: null, masked: true }),
    }),
  ),
});

/** Validates the form with the shared schema and writes settings.json; nothing is written on error. */
export async function saveConfigureSparks(input: ConfigureSparksInput, file = settingsFile()): Promise<void> {
  const current = (await readJsonObject(file)) ?? {};
  const result = validateSettings(formToSettings(input, current));
  if (!result.success) throw new Error(formErrorMessage(result.errors));
  await writeFileAtomic(file, `${JSON.stringify(result.raw, null, 2)}\n`, {
    mode: 0o600,
    owner: { uid: appUid, gid: appGid },
  });
}

export const configureSparks = sdk.Action.withInput(
  'configure-sparks',
  {
    name: i18n('Configure Sparks'),
    description: i18n(
      'Tell Spark Control where your Sparks are and how they are set up. Changes apply without a restart.',
    ),
    warning: null,
    allowedStatuses: 'any',
    group: null,
    visibility: 'enabled',
  },
  inputSpec,
  async () => settingsToForm(await readJsonObject(settingsFile())),
  async ({ input }) => {
    await saveConfigureSparks(input);
    return null;
  },
);
