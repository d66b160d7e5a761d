import { toFile } from 'openai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';
import { encodeWav } from '../speech/wav.js';

const A = {
  id: 'model-a',
  label: 'Model A',
  hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
  servedName: 'model-a',
  vllm: { gpuMemoryUtilization: 0.5 },
};

/** Mono 16 kHz PCM16: `loud` 0.4 s windows of tone, separated by silence. */
function words(count: number): Buffer {
  const rate = 16_000;
  const window = rate * 0.4;
  const samples = new Int16Array(window * count * 2);
  for (let w = 0; w < count; w += 1) {
    for (let i = 0; i < window; i += 1) samples[w * 2 * window + i] = Math.round(6000 * Math.sin(i / 5));
  }
  return encodeWav({ sampleRate: rate, channels: [samples] });
}

describe('OpenAI-compatible gateway against the simulated Sparks', () => {
  let sim: SimFixture;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: { services: true, initialModel: { model: A.hfRepo, args: ['--served-model-name', A.servedName] } },
    });
    ({ sim, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  it('streams a chat completion chunk by chunk through the SDK', async () => {
    const stream = await g.client.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content: 'SIM_REPLY: one two three four five' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const parts: string[] = [];
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.content;
      if (delta) parts.push(delta);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(parts.join('')).toBe('one two three four five');
    expect(parts.length).toBeGreaterThan(3);
    expect(usage?.completion_tokens).toBe(5);
  });

  it('answers non-streaming chat and text completions and lists the served model', async () => {
    const chat = await g.client.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content: 'SIM_REPLY: hello' }],
    });
    expect(chat.choices[0]?.message.content).toBe('hello');
    const text = await g.client.completions.create({ model: 'model-a', prompt: 'SIM_REPLY: done' });
    expect(text.object).toBe('text_completion');
    const models = await g.client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['model-a']);
  });

  it('embeds through TEI with the SDK', async () => {
    const result = await g.client.embeddings.create({ model: 'bge-m3', input: ['red apple', 'green pear'] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.embedding).toHaveLength(1024);
  });

  it('transcribes a WAV through parakeet with the SDK', async () => {
    const transcription = await g.client.audio.transcriptions.create({
      file: await toFile(words(3), 'three.wav', { type: 'audio/wav' }),
      model: 'whisper-1',
    });
    expect(transcription.text.toLowerCase()).toMatch(/alpha\.? bravo\.? charlie/);
  });

  it('synthesises speech through Kokoro with the SDK', async () => {
    const speech = await g.client.audio.speech.create({
      model: 'kokoro',
      voice: 'af_heart',
      input: 'Hello there.',
      response_format: 'wav',
    });
    const bytes = Buffer.from(await speech.arrayBuffer());
    expect(speech.headers.get('content-type')).toBe('audio/wav');
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.length).toBeGreaterThan(44 + 24_000);
  });

  it('reranks documents best first', async () => {
    const response = await fetch(`${g.base}/v1/rerank`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'red apple pie',
        documents: ['a blue car', 'apple pie is red', 'trains'],
        top_n: 2,
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      results: { index: number; relevance_score: number; document: { text: string } }[];
    };
    expect(body.results).toHaveLength(2);
    expect(body.results[0]?.index).toBe(1);
    expect(body.results[0]?.document.text).toBe('apple pie is red');
    expect(body.results[0]!.relevance_score).toBeGreaterThan(body.results[1]!.relevance_score);
  });

  it('answers a model that is not loaded with an OpenAI 404 listing what is served', async () => {
    const error = await g.client.chat.completions
      .create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const apiError = error as InstanceType<typeof OpenAI.NotFoundError>;
    expect(apiError.code).toBe('model_not_found');
    expect(apiError.param).toBe('model');
    expect(apiError.message).toContain('`model-a`');
  });

  it('gives bad input and bad credentials OpenAI-shaped 4xx', async () => {
    const post = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
      fetch(`${g.base}${path}`, {
        method: 'POST',
        ...init,
        headers: { authorization: `Bearer ${TEST_TOKEN}`, ...init.headers },
      });
    const cases: [Promise<Response>, number, string][] = [
      [
        post('/v1/chat/completions', { headers: { 'content-type': 'text/plain' }, body: '{}' }),
        415,
        'unsupported_media_type',
      ],
      [
        post('/v1/chat/completions', { headers: { 'content-type': 'application/json' }, body: '{"model":' }),
        400,
        'invalid_json',
      ],
      [
        post('/v1/chat/completions', {
          headers: { 'content-type': 'application/json' },
          body: '{"model":3}',
        }),
        400,
        'invalid_request',
      ],
      [
        post('/v1/audio/transcriptions', { headers: { 'content-type': 'application/json' }, body: '{}' }),
        415,
        'unsupported_media_type',
      ],
      [
        post('/v1/embeddings', {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ input: 'x'.repeat(17 * 1024 * 1024) }),
        }),
        413,
        'payload_too_large',
      ],
      [
        post('/v1/nothing-here', { headers: { 'content-type': 'application/json' }, body: '{}' }),
        404,
        'not_found',
      ],
      [
        fetch(`${g.base}/v1/models`, { headers: { authorization: 'Bearer sc_not-a-token' } }),
        401,
        'unauthorized',
      ],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      const body = (await response.json()) as {
        error: { message: string; type: string; code: string; param: unknown };
      };
      expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
      expect(response.headers.get('x-request-id')).toMatch(/\S/);
      expect(response.headers.get('www-authenticate')).toBe(
        status === 401 ? 'Bearer realm="Spark Control"' : null,
      );
      expect(typeof body.error.message).toBe('string');
      expect(typeof body.error.type).toBe('string');
      expect(body.error).toHaveProperty('param');
    }
  });

  it("turns upstream validation errors (FastAPI's 422) into OpenAI's 400 invalid_request_error", async () => {
    const multipart = new FormData();
    multipart.set('model', 'whisper-1');
    const missingFile = await fetch(`${g.base}/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: multipart,
    });
    expect(missingFile.status).toBe(400);
    const body = (await missingFile.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toMatch(/file/);
    expect(body.error.type).toBe('invalid_request_error');
    const badVoice = await g.client.audio.speech
      .create({ model: 'kokoro', voice: 'nobody', input: 'hi' })
      .catch((caught: unknown) => caught);
    expect(badVoice).toBeInstanceOf(OpenAI.BadRequestError);
    expect((badVoice as Error).message).toMatch(/nobody/);
  });

  it('passes an upstream 429 on with its Retry-After', async () => {
    const spark = sim.cluster.sparks[0]!.id;
    await sim.cluster.control.setFaults(spark, {
      http: { vllm: { mode: 'status', status: 429, retryAfterSec: 7, count: 1, pathPrefix: '/v1/chat' } },
    });
    try {
      const response = await fetch(`${g.base}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: A.servedName, messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
    } finally {
      await sim.cluster.control.setFaults(spark, {});
    }
  });

  it.each(['malformed'] as const)(
    'answers a 200 whose JSON is %s (cut off) with 502, never a 200',
    async (mode) => {
      const spark = sim.cluster.sparks[0]!.id;
      await sim.cluster.control.setFaults(spark, {
        http: { vllm: { mode, count: 1, pathPrefix: '/v1/chat' } },
      });
      try {
        const response = await fetch(`${g.base}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: A.servedName, messages: [{ role: 'user', content: 'hi' }] }),
        });
        expect(response.status).toBe(502);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('upstream_malformed');
        expect(body.error.message).toMatch(/^vLLM failed: /);
      } finally {
        await sim.cluster.control.setFaults(spark, {});
      }
    },
  );

  it('bounds a hung upstream by the timeout from the settings', async () => {
    g.overrides.gateway = { upstreamTimeoutSec: 1 };
    await sim.cluster.control.setFaults(sim.cluster.sparks[1]!.id, {
      http: { embeddings: { mode: 'hang', count: 1 } },
    });
    try {
      const started = Date.now();
      const error = await g.client.embeddings
        .create({ model: 'bge-m3', input: 'x' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(504);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      g.overrides.gateway = {};
      await sim.cluster.control.setFaults(sim.cluster.sparks[1]!.id, {});
    }
  });

  it('aborts the upstream request when the client disconnects mid-stream', async () => {
    const controller = new AbortController();
    const stream = await g.client.chat.completions.create(
      {
        model: 'model-a',
        messages: [{ role: 'user', content: `SIM_REPLY: ${'word '.repeat(3000)}` }],
        stream: true,
      },
      { signal: controller.signal },
    );
    let chunks = 0;
    // The SDK ends (or rejects) the iteration on abort; either way the loop stops early.
    await (async () => {
      for await (const _chunk of stream) {
        chunks += 1;
        if (chunks === 5) controller.abort();
      }
    })().catch(() => undefined);
    expect(chunks).toBeLessThan(100);
    await expect
      .poll(() => g.registry.render(), { timeout: 5000 })
      .toMatch(/spark_control_gateway_streams_total\{outcome="client-gone"\} 1/);
  });

  it('counts requests and latencies for /metrics', () => {
    const text = g.registry.render();
    expect(text).toMatch(
      /spark_control_gateway_requests_total\{route="\/v1\/chat\/completions",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /spark_control_gateway_request_duration_seconds_count\{route="\/v1\/embeddings"\} \d+/,
    );
    expect(text).toMatch(/spark_control_gateway_streams_total\{outcome="complete"\} \d+/);
  });

  it('relays through a web stream when the server does not hand over its response (app.request)', async () => {
    const response = await g.app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'model-a',
        messages: [{ role: 'user', content: 'SIM_REPLY: a b c' }],
        stream: true,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const content = events
      .slice(0, -1)
      .map(
        (event) => (JSON.parse(event.slice(6)) as OpenAI.ChatCompletionChunk).choices[0]?.delta.content ?? '',
      )
      .join('');
    expect(content).toBe('a b c');
  });

  // Last: the fault kills the simulated vLLM for good.
  it('ends a stream the upstream dies in with an error event, never a hang', async () => {
    await sim.cluster.control.setFaults(sim.cluster.sparks[0]!.id, { vllm: { dieMidStreamAfterChunks: 3 } });
    const stream = await g.client.chat.completions.create({
      model: 'model-a',
      messages: [{ role: 'user', content: `SIM_REPLY: ${'word '.repeat(50)}` }],
      stream: true,
    });
    const received: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toMatch(/upstream stopped mid-stream/);
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(50);
  });
});
