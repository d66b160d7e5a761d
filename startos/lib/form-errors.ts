import { i18n, translateIfKnown } from '../i18n/index.js';
import type { FieldError } from './configure-form.js';

type Key = Parameters<typeof i18n>[0];

/**
 * Form labels for settings paths, in the form's language. A list is the whole way to a field
 * the form keeps elsewhere than the file (`vllm.readyTimeoutSec` is under Advanced › Model swaps).
 */
const FIELD_LABELS: Record<string, Key | readonly Key[]> = {
  sparks: 'Sparks',
  id: 'Spark id',
  label: 'Label',
  host: 'Address',
  sshPort: 'SSH port',
  sshUser: 'SSH user',
  roles: 'Roles',
  'sparks.clusterIp': 'Cluster address',
  vllm: 'vLLM',
  'vllm.port': 'vLLM port',
  'vllm.container': 'Container name',
  'vllm.launchScript': 'Launch script',
  'vllm.hfToken': 'Hugging Face token',
  'vllm.readyTimeoutSec': ['Advanced', 'Model swaps', 'Ready timeout'],
  'vllm.rollback': ['Advanced', 'Model swaps', 'Roll back a failed swap'],
  'vllm.modelRoots': ['Advanced', 'Model swaps', 'Model folders'],
  placements: 'Placements',
  'placements.id': 'Placement id',
  'placements.sparkIds': 'On Sparks (ids)',
  'placements.port': 'Port',
  'placements.container': 'Container name',
  'placements.memoryShare': 'Memory share',
  'placements.models': 'Models',
  ports: ['Advanced', 'Service ports'],
  'ports.parakeet': 'Speech-to-text (Parakeet)',
  'ports.kokoro': 'Text-to-speech (Kokoro)',
  'ports.embeddings': 'Embeddings and rerank (bge-m3)',
  'ports.qdrant': 'Vector search (Qdrant)',
  disabledServices: 'Hidden services',
  customServices: 'Custom services',
  'customServices.id': 'Service id',
  'customServices.kind': 'Kind',
  'customServices.sparkId': 'On Spark (id)',
  'customServices.port': 'Port',
  'customServices.path': 'Health path',
  bot: 'Bot',
  'bot.user': 'SSH user',
  'bot.sparkId': 'On Spark (id)',
  'bot.container': 'Container name',
  'bot.dir': 'Checkout directory',
  'bot.branch': 'Git branch',
  reasoning: 'Reasoning',
  'reasoning.nvidiaApiKey': 'NVIDIA API key',
  'reasoning.baseUrl': ['Advanced', 'NVIDIA API URL'],
  'reasoning.model': 'Model',
  'reasoning.fallbackModel': 'Fallback model',
  'reasoning.allowLocalFallback': 'Fall back to a local model',
  'reasoning.localBaseUrl': 'Local model URL',
  webhook: 'Webhook',
  'webhook.url': 'Webhook URL',
  'webhook.secret': 'Webhook secret',
  gateway: ['Advanced', 'Gateway'],
  'gateway.queueSize': 'Queue during a swap',
  'gateway.maxWaitSec': 'Longest wait in the queue',
  'gateway.upstreamTimeoutSec': 'Upstream timeout',
  'gateway.swapOnRequest': 'Swap on request',
  'gateway.minResidencySec': 'Minimum residency',
  'gateway.idleUnloadSec': 'Unload when idle',
  'gateway.modelPolicies': 'Model policies',
  'gateway.modelId': 'Model id',
  'gateway.pin': 'Keep loaded (pin)',
  privacy: 'Privacy',
  'privacy.localNameCheck': 'Ask the local model for names',
  'privacy.localNameCheckBudgetMs': 'Time for the local model',
  monitor: 'Advanced',
  'monitor.intervalSec': 'Health check interval',
  'monitor.downAfterProbes': 'Down after failed checks',
  'monitor.downAfterSec': 'Down after',
  timeZone: ['Advanced', 'Time zone'],
};

/** `sparks.1.host` → `Sparks 2 › Address` (localized); unknown parts are shown as they are. */
export function fieldLabel(path: string): string {
  if (path === '') return '';
  let labels: string[] = [];
  let group = '';
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part)) {
      labels[labels.length - 1] = `${labels.at(-1) ?? ''} ${Number(part) + 1}`;
      continue;
    }
    const label = FIELD_LABELS[group ? `${group}.${part}` : part] ?? (group ? FIELD_LABELS[part] : undefined);
    if (Array.isArray(label)) labels = label.map((key: Key) => i18n(key));
    else labels.push(typeof label === 'string' ? i18n(label) : part);
    if (!group) group = part;
  }
  return labels.join(' › ');
}

/** One message listing every problem, by field, in the form's language. */
export function formErrorMessage(errors: readonly FieldError[]): string {
  const lines = errors.map((error) => {
    const label = fieldLabel(error.path);
    const message = translateIfKnown(error.message);
    return label ? `${label}: ${message}` : message;
  });
  return `${i18n('Nothing was saved. Please correct:')}\n${lines.map((line) => `- ${line}`).join('\n')}`;
}
