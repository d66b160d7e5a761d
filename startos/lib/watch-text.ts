import { i18n } from '../i18n/index.js';
import type { WatchText } from './cluster-watch.js';

/** The health checks' and notifications' words, in the StartOS language. */
export function watchText(): WatchText {
  return {
    sparkReachable: (label, latencyMs) =>
      latencyMs === null
        ? i18n('${name} answers over SSH', { name: label })
        : i18n('${name} answers over SSH in ${ms} ms', { name: label, ms: String(latencyMs) }),
    sparkUnreachable: (label, error) =>
      i18n('${name} does not answer over SSH: ${error}', { name: label, error }),
    sparkPending: i18n('Waiting for the first check of this Spark'),
    gatewayServing: (models) =>
      models.length > 0
        ? i18n('The gateway serves ${models}', { models: models.join(', ') })
        : i18n('The gateway answers, but vLLM serves no model'),
    gatewaySwapping: (modelId) => i18n('A model swap to ${model} is running', { model: modelId }),
    gatewayNotConfigured: i18n('No vLLM is configured: run Configure Sparks'),
    gatewayFailing: (message) => i18n('The gateway cannot reach vLLM: ${message}', { message }),
    noAnswer: i18n('Spark Control did not answer the status check'),
    sparkDownNotice: (label, error) => ({
      title: i18n('Spark not reachable: ${name}', { name: label }),
      message: i18n('${name} does not answer over SSH: ${error}', { name: label, error }),
    }),
    swapFailedNotice: (swap) => ({
      title:
        swap.kind === 'unload'
          ? i18n('Model unload failed: ${model}', { model: swap.modelId })
          : i18n('Model swap failed: ${model}', { model: swap.modelId }),
      message: swap.message ?? i18n('See the swap log in the dashboard'),
      data: [
        `**${i18n('Cause')}:** ${swap.cause ?? '—'}`,
        swap.rollback
          ? `**${i18n('Rollback')}:** ${swap.rollback.modelId} (${swap.rollback.status})`
          : `**${i18n('Rollback')}:** —`,
        '',
        '```',
        ...swap.logTail.slice(-20),
        '```',
      ].join('\n'),
    }),
  };
}
