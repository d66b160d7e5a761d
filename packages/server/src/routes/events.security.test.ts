import type { AppEvent, TokenScope } from '@spark-control/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { apiTokens } from '../adapters/db/schema.js';
import { REPLAY_CAPACITY } from '../http/event-replay.js';
import { MAX_STREAMS_PER_CALLER, RECONNECT_MS } from './events.js';

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

const types = (text: string | undefined) => [...(text ?? '').matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
const ids = (text: string) => [...text.matchAll(/^id: (\S+)$/gm)].map((m) => m[1] ?? '');
const swapLog = (line: string): AppEvent => ({ type: 'swap.log', at, swapId: 's1', line });

/** An open /api/events stream and everything it has sent so far. */
async function open(t: TestApp, token: string, lastEventId?: string) {
  const abort = new AbortController();
  const response = await t.app.request('/api/events', {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
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
    t = await buildTestApp();
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

  it('numbers every event and tells the browser when to reconnect', async () => {
    const stream = await open(t, tokens.get('control') ?? '');
    await stream.until((text) => text.includes('event: hello'));
    t.bus.publish(swapLog('one'));
    t.bus.publish(swapLog('two'));
    const text = await stream.until((seen) => seen.includes('"two"'));
    await stream.close();
    expect(text.startsWith(`retry: ${RECONNECT_MS}\n\n`)).toBe(true);
    const [hello = '', one = '', two = ''] = ids(text);
    expect(one).toMatch(/^[0-9a-z]+-\d+$/);
    expect(Number(two.split('-')[1])).toBe(Number(one.split('-')[1]) + 1);
    // hello names the newest event, so a reconnect before any event misses nothing.
    expect(Number(hello.split('-')[1])).toBe(Number(one.split('-')[1]) - 1);
  });

  it('replays what a reconnecting client missed, as far as its scopes allow', async () => {
    const control = await open(t, tokens.get('control') ?? '');
    const gateway = await open(t, tokens.get('gateway') ?? '');
    await control.until((text) => text.includes('event: hello'));
    await gateway.until((text) => text.includes('event: hello'));
    t.bus.publish(swapLog('seen before the drop'));
    const lastSeen = ids(await control.until((text) => text.includes('seen before the drop'))).at(-1);
    const gatewayLast = ids(gateway.text).at(-1);
    await Promise.all([control.close(), gateway.close()]);
    for (const event of SAMPLE) t.bus.publish(event);

    const resumed = await open(t, tokens.get('control') ?? '', lastSeen);
    const replayed = await resumed.until((text) => text.includes('event: service.status'));
    expect(types(replayed)).toEqual(['hello', 'swap.log', 'bot.output', 'bot.update', 'service.status']);
    expect(replayed).not.toContain('seen before the drop');
    // Live events follow the replay on the same stream.
    t.bus.publish(swapLog('after the reconnect'));
    await resumed.until((text) => text.includes('after the reconnect'));
    await resumed.close();

    const gatewayResumed = await open(t, tokens.get('gateway') ?? '', gatewayLast);
    const gatewaySeen = await gatewayResumed.until((text) => text.includes('event: service.status'));
    await gatewayResumed.close();
    expect(types(gatewaySeen)).toEqual(['hello', 'service.status']);
    expect(gatewaySeen).not.toContain('bot.output');
  });

  it('sends reset when the missed events are no longer kept', async () => {
    const stream = await open(t, tokens.get('control') ?? '');
    await stream.until((text) => text.includes('event: hello'));
    t.bus.publish(swapLog('the last one seen'));
    const lastSeen = ids(await stream.until((text) => text.includes('the last one seen'))).at(-1) ?? '';
    await stream.close();
    for (let i = 0; i <= REPLAY_CAPACITY; i++) t.bus.publish(swapLog(`missed ${i}`));

    for (const stale of [lastSeen, `0${lastSeen}`, 'not-an-id']) {
      const resumed = await open(t, tokens.get('control') ?? '', stale);
      const text = await resumed.until((seen) => seen.includes('event: reset'));
      await resumed.close();
      expect(types(text)).toEqual(['hello', 'reset']);
      // The reset carries the newest id, so the next reconnect resumes from there.
      expect(ids(text)).toHaveLength(1);
    }
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
