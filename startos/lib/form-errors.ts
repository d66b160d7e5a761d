import { i18n, translateIfKnown } from '../i18n/index.js';
import type { FieldError } from './configure-form.js';

type Key = Parameters<typeof i18n>[0];

/** Form labels for the settings paths the form writes, in the form's language. */
const FIELD_LABELS: Record<string, Key> = {
  sparks: 'Sparks',
  id: 'Spark id',
  label: 'Label',
  host: 'Address',
  sshPort: 'SSH port',
  sshUser: 'SSH user',
  clusterIp: 'Cluster address',
  roles: 'Roles',
  vllm: 'vLLM',
  'vllm.port': 'vLLM port',
  'vllm.container': 'Container name',
  'vllm.launchScript': 'Launch script',
  'vllm.hfToken': 'Hugging Face token',
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
  'reasoning.model': 'Model',
  'reasoning.fallbackModel': 'Fallback model',
  'reasoning.allowLocalFallback': 'Fall back to a local model',
  'reasoning.localBaseUrl': 'Local model URL',
  webhook: 'Webhook',
  'webhook.url': 'Webhook URL',
  'webhook.secret': 'Webhook secret',
};

/** `sparks.1.host` → `Sparks 2 › Address` (localized); unknown paths are shown as they are. */
export function fieldLabel(path: string): string {
  if (path === '') return '';
  const parts = path.split('.');
  const labels: string[] = [];
  let group = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      labels[labels.length - 1] = `${labels.at(-1) ?? ''} ${Number(part) + 1}`;
      continue;
    }
    const key = FIELD_LABELS[group ? `${group}.${part}` : part] ?? FIELD_LABELS[part];
    labels.push(key ? i18n(key) : part);
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
