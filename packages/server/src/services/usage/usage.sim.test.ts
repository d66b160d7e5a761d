import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TokenLimits } from '@spark-control/schema';
import type { TestApp } from '../../../test/support/app.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const MODEL = { hfRepo: 'Qwen/Qwen3-30B-A3B-FP8', servedName: 'model-a' };
const HOUR = 3600_000;

/** Ids and timestamps differ between two calls; everything else must be byte for byte the same. */
const comparable = (text: string) =>
  text.replace(/"id":"[^"]*"/g, '"id":"ID"').replace(/"created":\d+/g, '"created":0');

describe('gateway usage and key limits against the simulated vLLM', () => {
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;
  let clock = Date.parse('2026-12-05T10:00:30.000Z');

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: {
        services: true,
        initialModel: { model: MODEL.hfRepo, args: ['--served-model-name', MODEL.servedName] },
      },
      app: { now: () => new Date(clock) },
    });
    ({ t, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  async function key(name: string, options: { models?: string[]; limits?: TokenLimits } = {}) {
    const created = await t.auth.createToken(name, ['gateway'], options);
    const client = new OpenAI({ baseURL: `${g.base}/v1`, apiKey: created.token, maxRetries: 0 });
    return { ...created, client };
  }

  /** Waits until the key's requests are recorded (a stream is recorded when it ends) and returns them. */
  async function usageOf(tokenId: string, requests: number) {
    return vi.waitFor(async () => {
      const rows = (await t.usage.report(24)).filter((row) => row.tokenId === tokenId);
      expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBe(requests);
      return rows;
    });
  }

  /** What vLLM itself counts for a chat request, asked directly with include_usage. */
  async function upstreamUsage(content: string) {
    const upstream = g.gateway.upstream('vllm');
    const direct = new OpenAI({
      baseURL: `http://${upstream.host}:${upstream.port}/v1`,
      apiKey: 'x',
      maxRetries: 0,
    });
    const answer = await direct.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content }],
    });
    return answer.usage!;
  }

  it('meters plain and streamed SDK calls with the upstream token counts; the stream carries no usage', async () => {
    const { info, client } = await key('metered');
    const content = 'SIM_REPLY: one two three four five';
    const expected = await upstreamUsage(content);
    expect(expected.completion_tokens).toBe(5);

    const plain = await client.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content }],
    });
    expect(plain.usage?.completion_tokens).toBe(5);

    const stream = await client.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content }],
      stream: true,
    });
    const parts: string[] = [];
    for await (const chunk of stream) {
      expect(chunk.usage ?? undefined).toBeUndefined();
      expect(chunk.choices.length).toBeGreaterThan(0);
      parts.push(chunk.choices[0]?.delta.content ?? '');
    }
    expect(parts.join('')).toBe('one two three four five');

    const [row] = await usageOf(info.id, 2);
    expect(row).toMatchObject({
      tokenName: 'metered',
      model: 'model-a',
      requests: 2,
      errors: 0,
      promptTokens: 2 * expected.prompt_tokens,
      completionTokens: 2 * expected.completion_tokens,
    });
    const metrics = g.registry.render() + t.metricsRegistry.render();
    expect(metrics).toMatch(
      /spark_control_gateway_model_tokens_total\{kind="completion",model="model-a",placement="vllm"\} \d+/,
    );
  });

  it('relays a stream byte for byte as the upstream sends it without include_usage', async () => {
    const { token } = await key('bytes');
    const upstream = g.gateway.upstream('vllm');
    for (const path of ['/v1/chat/completions', '/v1/completions']) {
      const body = JSON.stringify(
        path === '/v1/chat/completions'
          ? {
              model: 'model-a',
              messages: [{ role: 'user', content: 'SIM_REPLY: alpha beta gamma' }],
              stream: true,
            }
          : { model: 'model-a', prompt: 'SIM_REPLY: alpha beta gamma', stream: true },
      );
      const init = (authorization: string) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body,
      });
      const direct = await (
        await fetch(`http://${upstream.host}:${upstream.port}${path}`, init('Bearer x'))
      ).text();
      const relayed = await (await fetch(`${g.base}${path}`, init(`Bearer ${token}`))).text();
      expect(direct).not.toContain('"usage"');
      expect(comparable(relayed)).toBe(comparable(direct));
    }
  });

  it('keeps the usage chunk for a client that asked for it', async () => {
    const { info, client } = await key('asked');
    const stream = await client.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content: 'SIM_REPLY: a b c' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(usage?.completion_tokens).toBe(3);
    const [row] = await usageOf(info.id, 1);
    expect(row?.completionTokens).toBe(3);
  });

  it('refuses a key over its requests per minute with 429 and Retry-After', async () => {
    const { info, token } = await key('rpm', { limits: { rpm: 2 } });
    const list = () => fetch(`${g.base}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(200);
    const refused = await list();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual({
      error: {
        message: expect.stringContaining('2 requests per minute') as unknown,
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
    clock += 60_000;
    expect((await list()).status).toBe(200);
    const rows = await usageOf(info.id, 4);
    expect(rows.find((row) => row.model === '')?.errors).toBe(1);
  });

  it('refuses a key over its tokens per day until the hour that used them leaves the window', async () => {
    const { client } = await key('daily', { limits: { tokensPerDay: 5 } });
    await client.completions.create({ model: 'model-a', prompt: 'SIM_REPLY: one two three four five six' });
    const refused = await client.completions
      .create({ model: 'model-a', prompt: 'SIM_REPLY: again' })
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error.code).toBe('rate_limit_exceeded');
    // Used in the hour that began at 10:00 (or later, as the clock moved); free 24 h after that hour ends.
    const hourStart = Math.floor(clock / HOUR) * HOUR;
    expect(Number(error.headers?.get('retry-after'))).toBe(Math.ceil((hourStart + 25 * HOUR - clock) / 1000));
  });

  it('answers a model outside the key’s list as one that does not exist, and hides it', async () => {
    const { client } = await key('narrow', { models: ['other-model'] });
    const error = await client.chat.completions
      .create({ model: 'model-a', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const notFound = error as InstanceType<typeof OpenAI.NotFoundError>;
    expect(notFound.status).toBe(404);
    expect(notFound.code).toBe('model_not_found');
    expect(notFound.param).toBe('model');
    expect(notFound.message).toContain('Served: none.');
    expect((await client.models.list()).data).toEqual([]);
    const retrieve = await client.models.retrieve('model-a').catch((caught: unknown) => caught);
    expect((retrieve as { status?: number }).status).toBe(404);

    const { client: wide } = await key('wide', { models: ['model-a'] });
    expect((await wide.models.list()).data.map((model) => model.id)).toEqual(['model-a']);
  });
});
