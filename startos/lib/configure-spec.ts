import { CUSTOM_SERVICE_KINDS } from '@spark-control/schema';
import type { I18nKey } from '../i18n/dictionaries/default.js';
import { i18n } from '../i18n/index.js';
import { sdk } from '../sdk.js';
import { advancedSpec, privacySpec } from './configure-spec-advanced.js';
import { KNOWN_SERVICES, ROLE_LABELS } from './configure-form.js';
import { placementsSpec } from './configure-spec-placements.js';
import { FORM_PATTERNS, pattern, portField, secretField } from './form-fields.js';

const { InputSpec, Value, List } = sdk;

const translated = <K extends string>(labels: Record<K, I18nKey>) =>
  Object.fromEntries(Object.entries<I18nKey>(labels).map(([id, label]) => [id, i18n(label)])) as Record<
    K,
    string
  >;

const sparkSpec = InputSpec.of({
  id: Value.text({
    name: i18n('Spark id'),
    description: i18n('A short name used in the dashboard and the API, such as spark1.'),
    required: true,
    default: null,
    placeholder: 'spark1',
    patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
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
    patterns: [pattern(FORM_PATTERNS.host, 'An IP address or a hostname, without a port')],
  }),
  sshPort: portField('SSH port', 22),
  sshUser: Value.text({
    name: i18n('SSH user'),
    required: true,
    default: 'spark',
    patterns: [pattern(FORM_PATTERNS.unixUser, 'A Linux user name')],
  }),
  roles: Value.multiselect({
    name: i18n('Roles'),
    description: i18n(
      'What this Spark runs. Leave empty for the default: the first Spark runs vLLM, the second runs speech, embeddings and Qdrant.',
    ),
    default: [],
    values: translated(ROLE_LABELS),
  }),
  clusterIp: Value.text({
    name: i18n('Cluster address'),
    description: i18n(
      'The Spark’s ConnectX (QSFP) address that vLLM uses between the Sparks, such as 192.168.177.11. Leave blank to have it found over SSH.',
    ),
    required: false,
    default: null,
    placeholder: '192.168.177.11',
    patterns: [pattern(FORM_PATTERNS.ipv4, 'An IPv4 address')],
  }),
});

const customServiceSpec = InputSpec.of({
  id: Value.text({
    name: i18n('Service id'),
    required: true,
    default: null,
    placeholder: 'my-service',
    patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
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
    patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
  }),
  host: Value.text({
    name: i18n('Address'),
    description: i18n('Its address when it runs elsewhere. Fill in this or On Spark, not both.'),
    required: false,
    default: null,
    patterns: [pattern(FORM_PATTERNS.host, 'An IP address or a hostname, without a port')],
  }),
  port: portField('Port', 8080),
  path: Value.text({
    name: i18n('Health path'),
    description: i18n('The URL path checked for health. Leave blank for /health.'),
    required: false,
    default: null,
    placeholder: '/health',
    patterns: [pattern(FORM_PATTERNS.urlPath, 'A URL path starting with /')],
  }),
});

const vllmSpec = InputSpec.of({
  port: portField('vLLM port', 8888),
  container: Value.text({
    name: i18n('Container name'),
    required: true,
    default: 'vllm_node',
    patterns: [pattern(FORM_PATTERNS.containerName, 'A Docker container name')],
  }),
  launchScript: Value.text({
    name: i18n('Launch script'),
    description: i18n('Path of launch-cluster.sh on the Spark; ~/ means the SSH user’s home.'),
    required: true,
    default: '~/spark-vllm-docker/launch-cluster.sh',
    patterns: [pattern(FORM_PATTERNS.remotePath, 'An absolute path or one starting with ~/')],
  }),
  hfToken: secretField(
    'Hugging Face token',
    'For gated models on Hugging Face (passed to vLLM as HF_TOKEN). Leave it unset for open models.',
  ),
});

const botSpec = InputSpec.of({
  user: Value.text({
    name: i18n('SSH user'),
    required: false,
    default: null,
    patterns: [pattern(FORM_PATTERNS.unixUser, 'A Linux user name')],
  }),
  sparkId: Value.text({
    name: i18n('On Spark (id)'),
    required: false,
    default: null,
    patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
  }),
  container: Value.text({
    name: i18n('Container name'),
    required: true,
    default: 'bot',
    patterns: [pattern(FORM_PATTERNS.containerName, 'A Docker container name')],
  }),
  dir: Value.text({
    name: i18n('Checkout directory'),
    required: false,
    default: null,
    patterns: [pattern(FORM_PATTERNS.remotePath, 'An absolute path or one starting with ~/')],
  }),
  branch: Value.text({
    name: i18n('Git branch'),
    required: true,
    default: 'main',
    patterns: [pattern(FORM_PATTERNS.gitBranch, 'A git branch name such as main')],
  }),
});

const reasoningSpec = InputSpec.of({
  nvidiaApiKey: secretField(
    'NVIDIA API key',
    'From build.nvidia.com. Leave it unset to use only local models.',
  ),
  model: Value.text({ name: i18n('Model'), required: true, default: 'nvidia/nemotron-3-super-120b-a12b' }),
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
    patterns: [pattern(FORM_PATTERNS.httpUrl, 'A URL starting with http:// or https://')],
  }),
});

const webhookSpec = InputSpec.of({
  url: Value.text({
    name: i18n('Webhook URL'),
    required: false,
    default: null,
    patterns: [pattern(FORM_PATTERNS.httpUrl, 'A URL starting with http:// or https://')],
  }),
  secret: secretField(
    'Webhook secret',
    'Signs each webhook call so the receiver can check it came from here.',
  ),
});

/** The Configure Sparks form: every field of the shared SettingsSchema, advanced ones in their own section. */
export const inputSpec = InputSpec.of({
  sparks: Value.list(
    List.obj(
      {
        name: i18n('Sparks'),
        description: i18n('Your DGX Spark machines. Add at least one.'),
        minLength: 1,
      },
      { spec: sparkSpec, displayAs: '{{id}} ({{host}})', uniqueBy: 'id' },
    ),
  ),
  vllm: Value.object(
    { name: i18n('vLLM'), description: i18n('How the chat model is started on the first Spark.') },
    vllmSpec,
  ),
  placements: placementsSpec,
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
    botSpec,
  ),
  reasoning: Value.object(
    { name: i18n('Reasoning'), description: i18n('NVIDIA hosted models, with an optional local fallback.') },
    reasoningSpec,
  ),
  webhook: Value.object(
    { name: i18n('Webhook'), description: i18n('Where to post events such as finished model swaps.') },
    webhookSpec,
  ),
  privacy: privacySpec,
  advanced: advancedSpec,
});

/** What the form holds; optional text fields come back as null when blank. */
export type ConfigureSparksInput = typeof inputSpec._TYPE;
