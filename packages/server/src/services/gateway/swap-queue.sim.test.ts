import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN, type TestApp } from '../../../test/support/app.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const A = {
  id: 'model-a',
  label: 'Model A',
  hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
  servedName: 'model-a',
  vllm: { gpuMemoryUtilization: 0.4 },
};
const B = {
  id: 'model-b',
  label: 'Model B',
  hfRepo: 'openai/gpt-oss-120b',
  servedName: 'model-b',
  vllm: { gpuMemoryUtilization: 0.4 },
};

type Outcome = { kind: 'complete'; model: string; text: string } | { kind: 'error'; message: string };

/** Fails the test instead of hanging it. */
function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} hung for ${ms} ms`)), ms);
    }),
  ]);
}

describe('gateway requests across a model swap', () => {
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;

  const streamChat = async (model: string, reply: string, onFirst?: () => void): Promise<Outcome> => {
    try {
      const stream = await g.client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: `SIM_REPLY: ${reply}` }],
        stream: true,
      });
      let text = '';
      let served = '';
      for await (const chunk of stream) {
        served = chunk.model;
        text += chunk.choices[0]?.delta.content ?? '';
        onFirst?.();
      }
      return { kind: 'complete', model: served, text };
    } catch (error) {
      return { kind: 'error', message: (error as Error).message };
    }
  };

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: {
        initialModel: {
          model: A.hfRepo,
          args: ['--served-model-name', A.servedName, '--gpu-memory-utilization', '0.4'],
        },
        tokenDelayMs: 2,
      },
      catalog: [A, B],
    });
    ({ t, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  it('lets 20 in-flight streams finish or fail cleanly and runs queued requests on the new model', async () => {
    let started = 0;
    let resolveStarted: () => void = () => {};
    const allStarted = new Promise<void>((resolve) => {
      resolveStarted = resolve;
    });
    const seen = new Set<number>();
    const inFlight = Array.from({ length: 20 }, (_, index) =>
      withDeadline(
        streamChat('model-a', 'tick '.repeat(400).trim(), () => {
          if (seen.has(index)) return;
          seen.add(index);
          started += 1;
          if (started === 20) resolveStarted();
        }),
        60_000,
        `in-flight stream ${index}`,
      ),
    );
    await withDeadline(allStarted, 30_000, 'the 20 streams');
    await t.swaps.start('model-b', 'test');
    expect(t.swaps.isSwapping()).toBe(true);
    const queued = Array.from({ length: 10 }, (_, index) =>
      withDeadline(streamChat('model-b', `queued ${index}`), 90_000, `queued request ${index}`),
    );
    await expect.poll(() => g.gateway.queue.depth, { timeout: 5000 }).toBeGreaterThan(0);

    const settled = await Promise.all(inFlight);
    for (const outcome of settled) {
      if (outcome.kind === 'complete') {
        expect(outcome.model).toBe('model-a');
        expect(outcome.text.split(' ')).toHaveLength(400);
      } else {
        expect(outcome.message).toMatch(/upstream|swap|connection|terminated/i);
      }
    }
    const ran = await Promise.all(queued);
    ran.forEach((outcome, index) => {
      expect(outcome).toEqual({ kind: 'complete', model: 'model-b', text: `queued ${index}` });
    });
    await t.swaps.idle();
    expect(g.gateway.queue.depth).toBe(0);
  }, 120_000);

  it('answers 503 with Retry-After when the queue is full or the wait too long, never a refused connection', async () => {
    g.overrides.gateway = { queueSize: 2, maxWaitSec: 60 };
    try {
      await t.swaps.start('model-a', 'test');
      const waiting = [0, 1].map((index) =>
        withDeadline(streamChat('model-a', `waited ${index}`), 90_000, `queued request ${index}`),
      );
      await expect.poll(() => g.gateway.queue.depth, { timeout: 5000 }).toBe(2);
      const full = await fetch(`${g.base}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'model-a', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(full.status).toBe(503);
      expect(Number(full.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await full.json()) as { error: { code: string } }).error.code).toBe('model_swapping');

      g.overrides.gateway = { queueSize: 64, maxWaitSec: 0.3 };
      const started = Date.now();
      const late = await g.client.models.list().catch((caught: unknown) => caught);
      expect(late).toBeInstanceOf(OpenAI.APIError);
      expect((late as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(3000);

      const outcomes = await Promise.all(waiting);
      outcomes.forEach((outcome, index) => {
        expect(outcome).toEqual({ kind: 'complete', model: 'model-a', text: `waited ${index}` });
      });
    } finally {
      g.overrides.gateway = {};
      await t.swaps.idle();
    }
  }, 120_000);

  it('starts a swap for a catalog model when swapOnRequest is on, and waits for it', async () => {
    const off = await g.client.chat.completions
      .create({ model: 'model-b', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(off).toBeInstanceOf(OpenAI.NotFoundError);
    expect(t.swaps.isSwapping()).toBe(false);

    // model-a was swapped in moments ago by the first test: no residency, so the request may evict it.
    g.overrides.gateway = { swapOnRequest: true, minResidencySec: 0 };
    try {
      const answer = await withDeadline(
        g.client.chat.completions.create({
          model: 'model-b',
          messages: [{ role: 'user', content: 'SIM_REPLY: swapped' }],
        }),
        90_000,
        'swap on request',
      );
      expect(answer.model).toBe('model-b');
      expect(answer.choices[0]?.message.content).toBe('swapped');
    } finally {
      g.overrides.gateway = {};
      await t.swaps.idle();
    }
  }, 120_000);
});
