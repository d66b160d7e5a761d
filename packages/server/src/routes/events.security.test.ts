import type { AppEvent, TokenScope } from '@spark-control/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { apiTokens } from '../adapters/db/schema.js';
import { MAX_STREAMS_PER_CALLER } from './events.js';

const at = new Date().toISOString();
const SAMPLE: AppEvent[] = [
  { type: 'settings.changed', at, changed: ['vllm'] },
  { type: 'swap.log', at, swapId: 's1', line: 'HF_TOKEN=hf_leaky loading weights' },
  { type: 'bot.output', at, runId: 'r1', stream: 'stdout', line: 'pulling' },
  { type: 'bot.update', at, runId: 'r1', state: 'started', message: '' },
  {
    type: 'service.status',
    at,
    id: 'vllm',
    sparkId: 'spark-1',
    from: 'up',
    status: 'down',
    detail: 'refused',
    latencyMs: null,
  },
];

/** An open /api/events stream and everything it has sent so far. */
async function open(t: TestApp, token: string) {
  const abort = new AbortController();
  const response = await t.app.request('/api/events', {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const stream = {
    status: response.status,
    text: '',
    done: false,
    /** Reads until `predicate` holds or the stream ends. */
    async until(predicate: (text: string) => boolean): Promise<string> {
      while (!predicate(stream.text) && !stream.done) {
        const chunk = await reader.read();
        if (chunk.done) stream.done = true;
        else stream.text += decoder.decode(chunk.value);
      }
      return stream.text;
    },
    async close(): Promise<void> {
      abort.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
  return stream;
}

describe('GET /api/events', () => {
  let t: TestApp;
  const tokens = new Map<TokenScope, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const scope of ['gateway', 'control', 'admin'] as const) {
      tokens.set(scope, (await t.auth.createToken(`events-${scope}`, [scope])).token);
    }
  });
  afterAll(() => t.close());

  it('sends each caller only the events its scopes may see', async () => {
    const seen = new Map<TokenScope, string>();
    for (const [scope, token] of tokens) {
      const stream = await open(t, token);
      await stream.until((text) => text.includes('event: hello'));
      for (const event of SAMPLE) t.bus.publish(event);
      seen.set(scope, await stream.until((text) => text.includes('event: service.status')));
      await stream.close();
    }
    const types = (text: string | undefined) =>
      [...(text ?? '').matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
    expect(types(seen.get('gateway'))).toEqual(['hello', 'service.status']);
    expect(seen.get('gateway')).not.toContain('hf_leaky');
    expect(types(seen.get('control'))).toEqual([
      'hello',
      'swap.log',
      'bot.output',
      'bot.update',
      'service.status',
    ]);
    expect(types(seen.get('admin'))).toEqual(['hello', ...SAMPLE.map((event) => event.type)]);
  });

  it('ends a token’s open stream when the token is revoked', async () => {
    const { token, info } = await t.auth.createToken('soon revoked', ['gateway']);
    const stream = await open(t, token);
    await stream.until((text) => text.includes('event: hello'));
    await t.auth.revokeToken(info.id);
    await stream.until(() => false);
    expect(stream.done).toBe(true);
    expect(stream.text).toContain('event: end\ndata: {"reason":"the token was revoked"}');
    t.bus.publish(SAMPLE[4] as AppEvent);
    expect((await open(t, token)).status).toBe(401);
  });

  it('ends a token’s open stream when the token expires', async () => {
    const { token, info } = await t.auth.createToken('short-lived', ['gateway'], { expiresInDays: 1 });
    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() + 300) })
      .where(eq(apiTokens.id, info.id));
    const stream = await open(t, token);
    await stream.until(() => false);
    expect(stream.text).toContain('event: end\ndata: {"reason":"the token expired"}');
    expect((await open(t, token)).status).toBe(401);
  });

  it(`lets one caller hold at most ${MAX_STREAMS_PER_CALLER} streams`, async () => {
    const token = tokens.get('gateway') ?? '';
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_CALLER; i++) streams.push(await open(t, token));
    expect(streams.map((stream) => stream.status)).toEqual(streams.map(() => 200));
    const refused = await open(t, token);
    expect(refused.status).toBe(429);
    expect(await refused.until(() => false)).toContain('RATE_LIMITED');
    // Another caller is not affected, and closing a stream frees its place.
    const other = await open(t, tokens.get('control') ?? '');
    expect(other.status).toBe(200);
    await other.close();
    await streams[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await open(t, token);
    expect(again.status).toBe(200);
    await Promise.all([again, ...streams].map((stream) => stream.close()));
  });
});
