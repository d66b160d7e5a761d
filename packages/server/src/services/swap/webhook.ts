import { createHmac } from 'node:crypto';
import type { Logger } from '../../adapters/logger.js';
import { discard, sharedUpstreamClient } from '../../adapters/upstream/client.js';
import type { SettingsSource } from '../settings-source.js';

export type WebhookEventType =
  `${'swap' | 'unload'}.${'started' | 'ready' | 'failed' | 'cancelled'}` | 'service.down' | 'service.up';

export const SIGNATURE_HEADER = 'X-Spark-Control-Signature';

/** `sha256=<hex HMAC of "<timestamp>.<body>">`, so a receiver can also reject replays. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Posts swap and health events to the configured URL, signed with HMAC-SHA256, retried with exponential
 * backoff. `send` never throws and is never awaited by the swap, so a slow receiver delays nothing.
 */
export class Webhook {
  readonly #pending = new Set<Promise<void>>();

  private readonly settings: SettingsSource;
  private readonly log: Logger;
  private readonly retryDelaysMs: readonly number[];

  constructor(options: { settings: SettingsSource; log: Logger; retryDelaysMs?: readonly number[] }) {
    this.settings = options.settings;
    this.log = options.log;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 5000, 25000];
  }

  send(type: WebhookEventType, data: Record<string, unknown>): void {
    const { url, secret } = this.settings.current.webhook;
    if (!url) return;
    const delivery = this.#deliver(url, secret, type, data).finally(() => this.#pending.delete(delivery));
    this.#pending.add(delivery);
  }

  /** Resolves when every delivery in flight has ended (for shutdown and tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  async #deliver(
    url: string,
    secret: string,
    type: WebhookEventType,
    data: Record<string, unknown>,
  ): Promise<void> {
    const body = JSON.stringify({ type, at: new Date().toISOString(), data });
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const target = new URL(url);
        const response = await sharedUpstreamClient().request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'X-Spark-Control-Event': type,
            'X-Spark-Control-Timestamp': timestamp,
            ...(secret ? { [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body) } : {}),
          },
          body,
          timeoutMs: 10_000,
        });
        discard(response.body);
        if (response.status >= 200 && response.status < 300) return;
        this.log.warn({ type, status: response.status, attempt }, 'webhook refused');
      } catch (error) {
        this.log.warn({ type, attempt, err: (error as Error).message }, 'webhook failed');
      }
      const delay = this.retryDelaysMs[attempt];
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.log.error({ type }, 'webhook gave up');
  }
}
