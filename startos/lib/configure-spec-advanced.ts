import { i18n } from '../i18n/index.js';
import { sdk } from '../sdk.js';
import { FORM_PATTERNS, numberField, pattern, schemaDefault, toggleField } from './form-fields.js';
import { numberBounds } from './settings-schema.js';

const { InputSpec, Value, List } = sdk;

export const privacySpec = Value.object(
  {
    name: i18n('Privacy'),
    description: i18n('How the redaction gateway finds personal data before text leaves your network.'),
  },
  InputSpec.of({
    localNameCheck: toggleField(
      'privacy.localNameCheck',
      'Ask the local model for names',
      'Also ask the chat model on your Sparks (never a cloud model) for person names the patterns miss.',
    ),
    localNameCheckBudgetMs: numberField('privacy.localNameCheckBudgetMs', {
      name: 'Time for the local model',
      description: 'After this long the redaction goes ahead without the local model’s answer.',
      integer: true,
      units: 'ms',
    }),
  }),
);

const portsSpec = InputSpec.of({
  parakeet: numberField('ports.parakeet', { name: 'Speech-to-text (Parakeet)', integer: true }),
  kokoro: numberField('ports.kokoro', { name: 'Text-to-speech (Kokoro)', integer: true }),
  embeddings: numberField('ports.embeddings', { name: 'Embeddings and rerank (bge-m3)', integer: true }),
  qdrant: numberField('ports.qdrant', { name: 'Vector search (Qdrant)', integer: true }),
});

const swapSpec = InputSpec.of({
  readyTimeoutSec: numberField('vllm.readyTimeoutSec', {
    name: 'Ready timeout',
    description: 'How long a newly started model may take to load before the swap counts as failed.',
    integer: true,
    units: 's',
  }),
  rollback: toggleField(
    'vllm.rollback',
    'Roll back a failed swap',
    'Start the previous model again when a swap fails.',
  ),
  modelRoots: Value.list(
    List.text(
      {
        name: i18n('Model folders'),
        description: `${i18n('Folders on the Sparks where local models may live. Leave empty for /home/<SSH user>/models.')} ${i18n('Default: ${value}', { value: i18n('none') })}`,
        default: [],
      },
      {
        placeholder: '/data/models',
        patterns: [pattern(FORM_PATTERNS.absolutePath, 'An absolute path')],
      },
    ),
  ),
});

const policyIdle = numberBounds('gateway.modelPolicies[].idleUnloadSec');

const modelPolicySpec = InputSpec.of({
  modelId: Value.text({
    name: i18n('Model id'),
    description: i18n('The catalog id of the model, such as qwen3-30b-a3b.'),
    required: true,
    default: null,
    placeholder: 'qwen3-30b-a3b',
    patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
  }),
  pin: Value.toggle({
    name: i18n('Keep loaded (pin)'),
    description: i18n(
      'A request for another model never replaces it, and it is never unloaded for being idle.',
    ),
    default: false,
  }),
  idleUnloadSec: Value.number({
    name: i18n('Unload when idle'),
    description: i18n('For this model in place of the gateway’s own. Leave blank to use that; 0: never.'),
    required: false,
    default: null,
    min: policyIdle.min,
    max: policyIdle.max,
    integer: true,
    step: 1,
    units: i18n('s'),
    placeholder: '600',
  }),
});

const modelPoliciesSpec = Value.list(
  List.obj(
    {
      name: i18n('Model policies'),
      description: i18n('Per catalog model: keep it loaded, or give it its own idle time.'),
    },
    { spec: modelPolicySpec, displayAs: '{{modelId}}', uniqueBy: 'modelId' },
  ),
);

const gatewaySpec = InputSpec.of({
  queueSize: numberField('gateway.queueSize', {
    name: 'Queue during a swap',
    description: 'Chat requests that may wait while a model swap runs; more get 503 with Retry-After.',
    integer: true,
  }),
  maxWaitSec: numberField('gateway.maxWaitSec', {
    name: 'Longest wait in the queue',
    integer: false,
    units: 's',
  }),
  upstreamTimeoutSec: numberField('gateway.upstreamTimeoutSec', {
    name: 'Upstream timeout',
    description: 'A Spark service that has not finished answering by then is cut off.',
    integer: false,
    units: 's',
  }),
  swapOnRequest: toggleField(
    'gateway.swapOnRequest',
    'Swap on request',
    'A request for a catalog model that is not loaded starts a swap to it.',
  ),
  minResidencySec: numberField('gateway.minResidencySec', {
    name: 'Minimum residency',
    description:
      'A model loaded less than this long ago is never replaced by a request for another model, so alternating requests cannot make the Sparks swap all the time.',
    integer: true,
    units: 's',
  }),
  idleUnloadSec: numberField('gateway.idleUnloadSec', {
    name: 'Unload when idle',
    description:
      'A model that has had no request for this long is stopped to free its memory; with swap on request, the next request loads it again. 0: never.',
    integer: true,
    units: 's',
  }),
  modelPolicies: modelPoliciesSpec,
});

export const advancedSpec = Value.object(
  {
    name: i18n('Advanced'),
    description: i18n('Ports, timeouts and limits. The defaults suit the usual two-Spark setup.'),
  },
  InputSpec.of({
    ports: Value.object(
      { name: i18n('Service ports'), description: i18n('The ports the Spark services listen on.') },
      portsSpec,
    ),
    swap: Value.object({ name: i18n('Model swaps'), description: null }, swapSpec),
    gateway: Value.object(
      { name: i18n('Gateway'), description: i18n('The OpenAI-compatible address other apps call.') },
      gatewaySpec,
    ),
    monitorIntervalSec: numberField('monitor.intervalSec', {
      name: 'Health check interval',
      description: 'How often every service is checked.',
      integer: false,
      units: 's',
    }),
    monitorDownAfterProbes: numberField('monitor.downAfterProbes', {
      name: 'Down after failed checks',
      description:
        'A service shows down only after this many failed checks in a row, so a short blip changes nothing.',
      integer: true,
    }),
    monitorDownAfterSec: numberField('monitor.downAfterSec', {
      name: 'Down after',
      description: 'Or once its checks have failed for this long, whichever comes first.',
      integer: false,
      units: 's',
    }),
    timeZone: Value.text({
      name: i18n('Time zone'),
      description: i18n(
        'The time zone schedules run in, as an IANA name such as Europe/Berlin. Blank: the server time zone, else UTC.',
      ),
      required: false,
      default: null,
    }),
    reasoningBaseUrl: Value.text({
      name: i18n('NVIDIA API URL'),
      description: `${i18n('The OpenAI-compatible address of the hosted reasoning models.')} ${i18n('Default: ${value}', { value: String(schemaDefault('reasoning.baseUrl')) })}`,
      required: true,
      default: schemaDefault('reasoning.baseUrl') as string,
      patterns: [pattern(FORM_PATTERNS.httpUrl, 'A URL starting with http:// or https://')],
    }),
  }),
);
