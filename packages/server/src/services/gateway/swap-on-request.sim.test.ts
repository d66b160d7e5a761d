import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LeaseView, SwapView } from '@spark-control/schema';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';
import { createLogger } from '../../adapters/logger.js';
import { IdleUnload } from './idle-unload.js';

const model = (id: string, hfRepo: string) => ({ id, label: id, hfRepo, servedName: id });
const CATALOG = [
  model('model-a', 'Qwen/Qwen3-4B'),
  model('model-b', 'Qwen/Qwen3-8B'),
  model('model-c', 'Qwen/Qwen3-0.6B'),
];

/**
 * Two simulated Sparks, one placement each, both empty at first; every model may run on either. The
 * clock the gateway's residency and idle times read is the real one plus `skew`, moved by the test.
 */
describe('swap on request across two placements', () => {
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;
  let hooks: Server;
  const events: string[] = [];
  let skewMs = 0;

  const post = (path: string, body: unknown) => t.postJson(path, body);
  const ask = (name: string) =>
    g.client.chat.completions.create({
      model: name,
      messages: [{ role: 'user', content: `SIM_REPLY: hello from ${name}` }],
    });
  const refusal = async (name: string) => {
    const caught = await ask(name).catch((error: unknown) => error);
    if (!(caught instanceof OpenAI.APIError)) throw new Error(`expected a refusal, got ${String(caught)}`);
    return caught;
  };
  /** Swaps and unloads since `since` (ISO time), oldest first. */
  const swapsSince = async (since: string): Promise<SwapView[]> =>
    (await t.swaps.history(100)).filter((swap) => swap.startedAt >= since).reverse();
  const served = async () => Object.fromEntries(await g.gateway.servedByPlacement());

  beforeAll(async () => {
    hooks = createServer((request, response) => {
      events.push(String(request.headers['x-spark-control-event']));
      request.resume();
      response.end();
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    fixture = await startSimGateway({
      sim: { sparks: 2, tokenDelayMs: 5 },
      settings: ({ cluster }) => {
        const [first, second] = cluster.sparks.map((spark) => spark.id);
        return {
          placements: [
            { id: 'p1', sparkIds: [first!], port: 8001, container: 'vllm_p1', memoryShare: 0.4 },
            { id: 'p2', sparkIds: [second!], port: 8002, container: 'vllm_p2', memoryShare: 0.4 },
          ],
          webhook: { url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook` },
        };
      },
      app: { now: () => new Date(Date.now() + skewMs) },
      catalog: CATALOG,
    });
    ({ t, g } = fixture);
    g.overrides.gateway = { swapOnRequest: true, minResidencySec: 300, maxWaitSec: 60 };
  }, 120_000);
  afterAll(async () => {
    await fixture?.close();
    hooks?.close();
  });

  it('A B A A C: each placement swaps once; C is refused while both models are resident, then evicts the idlest', async () => {
    const since = new Date().toISOString();
    for (const name of ['model-a', 'model-b', 'model-a', 'model-a']) {
      expect((await ask(name)).choices[0]?.message.content).toBe(`hello from ${name}`);
    }
    expect(await served()).toEqual({ p1: ['model-a'], p2: ['model-b'] });

    const busy = await refusal('model-c');
    expect(busy.status).toBe(503);
    expect(busy.code).toBe('placements_busy');
    expect(busy.message).toMatch(
      /every placement that may serve it is busy: p1 holds model-a \(loaded \d+ s ago, minimum residency 300 s\); p2 holds model-b \(loaded \d+ s ago, minimum residency 300 s\)/,
    );
    expect(Number((busy.headers as Headers | undefined)?.get('retry-after'))).toBeGreaterThan(200);
    const swaps = await swapsSince(since);
    expect(swaps.map((swap) => [swap.kind, swap.modelId, swap.placementId, swap.status])).toEqual([
      ['swap', 'model-a', 'p1', 'ready'],
      ['swap', 'model-b', 'p2', 'ready'],
    ]);

    // Five minutes on: both may be evicted; B was used longest ago.
    skewMs += 301_000;
    expect((await ask('model-c')).model).toBe('model-c');
    expect(await served()).toEqual({ p1: ['model-a'], p2: ['model-c'] });
    expect((await swapsSince(since)).length).toBe(3);
  }, 180_000);

  it('never evicts a model with a stream in flight or a lease', async () => {
    g.overrides.gateway = { ...g.overrides.gateway, minResidencySec: 0 };
    const lease = (await (
      await post('/api/leases', { modelId: 'model-c', durationSec: 600, note: 'job' })
    ).json()) as LeaseView;
    try {
      const words = Array.from({ length: 400 }, (_, index) => `w${index}`).join(' ');
      const stream = await g.client.chat.completions.create({
        model: 'model-a',
        stream: true,
        max_tokens: 450,
        messages: [{ role: 'user', content: `SIM_REPLY: ${words}` }],
      });
      let text = '';
      let asked: Promise<unknown> | undefined;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        asked ??= refusal('model-b');
      }
      const busy = (await asked) as InstanceType<typeof OpenAI.APIError>;
      expect(text).toBe(words);
      expect(busy.status).toBe(503);
      expect(busy.message).toContain('p1 holds model-a (1 request in flight)');
      expect(busy.message).toContain('p2 holds model-c (model-c is leased by "job"');
      expect(await served()).toEqual({ p1: ['model-a'], p2: ['model-c'] });
      expect(t.swaps.isSwapping()).toBe(false);

      // The stream has ended: A may go, C stays leased.
      expect((await ask('model-b')).model).toBe('model-b');
      expect(await served()).toEqual({ p1: ['model-b'], p2: ['model-c'] });
    } finally {
      await t.leases.release(lease.id, 'test');
    }
  }, 180_000);

  it('unloads a model idle for its time (not a pinned one), and a request loads it again', async () => {
    const settings = {
      get current() {
        const current = t.settings.current;
        return {
          ...current,
          gateway: {
            ...current.gateway,
            ...g.overrides.gateway,
            idleUnloadSec: 600,
            modelPolicies: [
              { modelId: 'model-b', pin: false, idleUnloadSec: 60 },
              { modelId: 'model-c', pin: true },
            ],
          },
        };
      },
    };
    const idle = new IdleUnload({
      settings,
      placements: t.placements,
      activity: t.activity,
      swaps: t.swaps,
      leases: t.leases,
      catalog: t.store,
      served: () => g.gateway.servedByPlacement(),
      log: createLogger({ level: 'silent' }),
    });
    expect(await idle.check()).toEqual([]);
    skewMs += 59_000;
    expect(await idle.check()).toEqual([]);
    skewMs += 2_000;
    events.length = 0;
    expect(await idle.check()).toEqual(['p1']);
    await t.swaps.idle('p1');
    const [unload] = await t.swaps.history(1);
    expect(unload).toMatchObject({
      kind: 'unload',
      modelId: 'model-b',
      placementId: 'p1',
      status: 'ready',
      actor: 'idle-unload',
    });
    expect(await served()).toEqual({ p2: ['model-c'] });
    await t.webhook.idle();
    expect(events).toEqual(['unload.started', 'unload.ready']);

    // Pinned C is never unloaded, however long it idles.
    skewMs += 86_400_000;
    expect(await idle.check()).toEqual([]);

    expect((await ask('model-b')).model).toBe('model-b');
    expect(await served()).toEqual({ p1: ['model-b'], p2: ['model-c'] });
  }, 180_000);

  it('requests at once for two models take the two empty placements; two for one model start one swap', async () => {
    g.overrides.gateway = { ...g.overrides.gateway, minResidencySec: 0 };
    for (const placementId of (await g.gateway.servedByPlacement()).keys()) {
      await t.swaps.unload(placementId, 'test');
      await t.swaps.idle(placementId);
    }
    expect(await served()).toEqual({});
    const since = new Date().toISOString();
    const answers = await Promise.all(['model-a', 'model-b', 'model-a'].map((name) => ask(name)));
    expect(answers.map((answer) => answer.model)).toEqual(['model-a', 'model-b', 'model-a']);
    const swaps = await swapsSince(since);
    expect(swaps.map((swap) => [swap.kind, swap.modelId, swap.status]).sort()).toEqual([
      ['swap', 'model-a', 'ready'],
      ['swap', 'model-b', 'ready'],
    ]);
    expect(new Set(swaps.map((swap) => swap.placementId))).toEqual(new Set(['p1', 'p2']));
  }, 180_000);
});
