import { afterEach, describe, expect, it } from 'vitest';
import { writeFaults } from '../faults.js';
import type { RunningService } from './http.js';
import { captureLog, fetchErrorCode, postJson, sseEvents, tempStateDir } from './testing.js';
import { startVllm, type VllmOptions } from './vllm.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function launch(args: string[], extra: Partial<VllmOptions> = {}) {
  const state = tempStateDir();
  const log = captureLog();
  if (extra.stateDir) state.cleanup();
  const stateDir = extra.stateDir ?? state.dir;
  const service: RunningService = await startVllm({
    stateDir,
    port: 0,
    loadDelayMs: 100,
    tokenDelayMs: 1,
    log,
    ...extra,
    args,
  });
  cleanups.push(async () => {
    await service.close();
    state.cleanup();
  });
  return { service, log, stateDir, base: `http://127.0.0.1:${service.port}` };
}

const MODEL = [
  'org/Qwen3-8B',
  '--served-model-name',
  'qwen',
  '--max-model-len',
  '4096',
  '--reasoning-parser',
  'qwen3',
];
const chat = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'qwen',
  messages: [{ role: 'user', content }],
  ...extra,
});

describe('vllm lifecycle', () => {
  it('refuses connections while loading, then logs the markers in order and serves', async () => {
    const { service, log, base } = await launch(MODEL, { loadDelayMs: 300 });
    expect(await fetchErrorCode(`${base}/health`)).toBe('ECONNREFUSED');
    await service.ready;
    const markers = [
      'vLLM API server version',
      'non-default args:',
      'Resolved architecture:',
      'Using max model len 4096',
      'Starting to load model',
      'Loading weights took',
      'Model loading took',
      'torch.compile takes',
      'Available KV cache memory:',
      'GPU KV cache size:',
      'Maximum concurrency for',
      'Graph capturing finished in',
      'init engine (profile, create kv cache, warmup model) took',
      'Starting vLLM API server 0 on http://0.0.0.0:8000',
      'Available routes are:',
      'Route: /v1/models, Methods: GET',
      'Application startup complete.',
    ];
    const text = log.all();
    let at = -1;
    for (const marker of markers) {
      const next = text.indexOf(marker, at + 1);
      expect(next, marker).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toMatch(
      /\(APIServer pid=\d+\) INFO \d\d-\d\d \d\d:\d\d:\d\d \[api_server\.py:\d+\] vLLM API server version/,
    );
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('');
    const models = (await (await fetch(`${base}/v1/models`)).json()) as {
      object: string;
      data: Record<string, unknown>[];
    };
    expect(models.object).toBe('list');
    expect(models.data[0]).toMatchObject({
      id: 'qwen',
      object: 'model',
      owned_by: 'vllm',
      root: 'org/Qwen3-8B',
      parent: null,
      max_model_len: 4096,
    });
    expect(await (await fetch(`${base}/version`)).json()).toEqual({ version: expect.any(String) as string });
  });

  it('rejects unknown arguments like argparse (exit 2)', async () => {
    const { service, log } = await launch(['org/m', '--bogus-flag', '1']);
    expect(await service.exited).toBe(2);
    await expect(service.ready).rejects.toThrow();
    expect(log.errors.join('\n')).toContain('usage: vllm serve');
    expect(log.errors.join('\n')).toContain('unrecognized arguments: --bogus-flag');
  });

  it.each([
    ['oom', 'CUDA out of memory'],
    ['cuda', 'CUDA error'],
  ] as const)('dies during load with %s and logs the fatal lines', async (cause, line) => {
    const state = tempStateDir();
    cleanups.push(state.cleanup);
    writeFaults(state.dir, { vllm: { failDuringLoad: cause } });
    const { service, log, base } = await launch(MODEL, { stateDir: state.dir });
    expect(await service.exited).toBe(1);
    expect(log.all()).toContain(line);
    expect(log.all()).toContain(
      'Engine core initialization failed. See root cause above. Failed core proc(s)',
    );
    expect(await fetchErrorCode(`${base}/health`)).toBe('ECONNREFUSED');
  });

  it('fails only the loads of the models a load fault names', async () => {
    const model = MODEL[0] ?? '';
    const other = tempStateDir();
    cleanups.push(other.cleanup);
    writeFaults(other.dir, { vllm: { failDuringLoad: 'oom', failDuringLoadModels: ['org/other-model'] } });
    const spared = await launch(MODEL, { stateDir: other.dir });
    await spared.service.ready;
    expect(spared.log.all()).not.toContain('CUDA out of memory');

    const named = tempStateDir();
    cleanups.push(named.cleanup);
    writeFaults(named.dir, { vllm: { failDuringLoad: 'oom', failDuringLoadModels: [model] } });
    const hit = await launch(MODEL, { stateDir: named.dir });
    expect(await hit.service.exited).toBe(1);
    expect(hit.log.all()).toContain('CUDA out of memory');
  });

  it('logs a HF 404 for a missing model and an address-in-use error for a taken port', async () => {
    const state = tempStateDir();
    cleanups.push(state.cleanup);
    writeFaults(state.dir, { vllm: { missingModels: ['org/nope'] } });
    const missing = await launch(['org/nope'], { stateDir: state.dir });
    expect(await missing.service.exited).toBe(1);
    expect(missing.log.all()).toContain(
      'Repository Not Found for url: https://huggingface.co/api/models/org/nope',
    );
    const first = await launch(MODEL);
    await first.service.ready;
    const second = await launch(MODEL, { port: first.service.port });
    expect(await second.service.exited).toBe(1);
    expect(second.log.all()).toContain('OSError: [Errno 98] Address already in use');
  });
});

describe('vllm OpenAI API', () => {
  it('answers chat with reasoning, usage and matching streamed framing', async () => {
    const { service, base } = await launch(MODEL);
    await service.ready;
    const plain = (await (
      await postJson(`${base}/v1/chat/completions`, chat('Tell me about sparks', { unknown_field: 1 }))
    ).json()) as {
      choices: { message: { content: string; reasoning: string | null }; finish_reason: string }[];
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    const choice = plain.choices[0];
    expect(choice?.message.content).toContain('Tell me about sparks');
    expect(choice?.message.reasoning).toBeTruthy();
    expect(choice?.finish_reason).toBe('stop');
    expect(plain.usage.total_tokens).toBe(plain.usage.prompt_tokens + plain.usage.completion_tokens);

    const res = await postJson(
      `${base}/v1/chat/completions`,
      chat('Tell me about sparks', { stream: true, stream_options: { include_usage: true } }),
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sseEvents(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map(
      (e) =>
        JSON.parse(e) as {
          choices: { delta: Record<string, string>; finish_reason: string | null }[];
          usage?: unknown;
        },
    );
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual({
      prompt_tokens: plain.usage.prompt_tokens,
      completion_tokens: plain.usage.completion_tokens,
      total_tokens: plain.usage.total_tokens,
    });
    const body = chunks.slice(1, -1);
    expect(body.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(choice?.message.content);
    expect(body.map((c) => c.choices[0]?.delta.reasoning ?? '').join('')).toBe(choice?.message.reasoning);
    expect(body.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(body.slice(0, -1).every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
  });

  it('turns thinking off, honours max_tokens, and scripts replies', async () => {
    const { service, base } = await launch(MODEL);
    await service.ready;
    const off = (await (
      await postJson(
        `${base}/v1/chat/completions`,
        chat('SIM_REPLY: {"ok":true}', { chat_template_kwargs: { enable_thinking: false } }),
      )
    ).json()) as {
      choices: { message: { content: string; reasoning: string | null } }[];
    };
    expect(off.choices[0]?.message).toMatchObject({ content: '{"ok":true}', reasoning: null });
    const short = (await (
      await postJson(`${base}/v1/chat/completions`, chat('hello there', { max_tokens: 3 }))
    ).json()) as {
      choices: { message: { content: string }; finish_reason: string }[];
      usage: { completion_tokens: number };
    };
    expect(short.choices[0]?.finish_reason).toBe('length');
    expect(short.usage.completion_tokens).toBe(3);
    const completion = (await (
      await postJson(`${base}/v1/completions`, { model: 'qwen', prompt: 'SIM_REPLY: done', max_tokens: 10 })
    ).json()) as Record<string, unknown>;
    expect(completion).toMatchObject({
      object: 'text_completion',
      choices: [{ index: 0, text: 'done', finish_reason: 'stop' }],
    });
    const streamed = sseEvents(
      await (
        await postJson(`${base}/v1/completions`, {
          model: 'qwen',
          prompt: 'SIM_REPLY: one two',
          stream: true,
        })
      ).text(),
    );
    expect(streamed.at(-1)).toBe('[DONE]');
    const pieces = streamed
      .slice(0, -1)
      .map(
        (e) => JSON.parse(e) as { object: string; choices: { text: string; finish_reason: string | null }[] },
      );
    expect(pieces.every((p) => p.object === 'text_completion')).toBe(true);
    expect(pieces.map((p) => p.choices[0]?.text).join('')).toBe('one two');
    expect(pieces.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('returns 404 for an unknown model, 400 for context overflow, and sends in-stream errors', async () => {
    const { service, base } = await launch(MODEL);
    await service.ready;
    const missing = await postJson(`${base}/v1/chat/completions`, { ...chat('hi'), model: 'other' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        message: 'The model `other` does not exist.',
        type: 'NotFoundError',
        param: 'model',
        code: 404,
      },
    });
    expect(
      (await postJson(`${base}/v1/chat/completions`, chat('hi', { stream_options: { include_usage: true } })))
        .status,
    ).toBe(400);
    const overflow = await postJson(`${base}/v1/chat/completions`, chat('hi', { max_tokens: 5000 }));
    expect(overflow.status).toBe(400);
    expect(((await overflow.json()) as { error: { message: string } }).error.message).toContain(
      "This model's maximum context length is 4096 tokens",
    );
    const events = sseEvents(
      await (
        await postJson(`${base}/v1/chat/completions`, chat('SIM_STREAM_ERROR: boom', { stream: true }))
      ).text(),
    );
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2) ?? '')).toMatchObject({ error: { message: 'boom', code: 500 } });
  });

  it('counts tokens in /metrics', async () => {
    const { service, base } = await launch(MODEL);
    await service.ready;
    const res = (await (await postJson(`${base}/v1/chat/completions`, chat('count me'))).json()) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const tokenized = (await (await postJson(`${base}/tokenize`, { prompt: 'a b, c' })).json()) as Record<
      string,
      unknown
    >;
    expect(tokenized).toMatchObject({ count: 4, max_model_len: 4096 });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(
      `vllm:prompt_tokens_total{engine="0",model_name="qwen"} ${res.usage.prompt_tokens}.0`,
    );
    expect(metrics).toContain(
      `vllm:generation_tokens_total{engine="0",model_name="qwen"} ${res.usage.completion_tokens}.0`,
    );
    expect(metrics).toContain(
      'vllm:request_success_total{engine="0",model_name="qwen",finished_reason="stop"} 1.0',
    );
    for (const name of [
      'vllm:num_requests_running',
      'vllm:num_requests_waiting',
      'vllm:kv_cache_usage_perc',
      'vllm:time_to_first_token_seconds_bucket',
      'vllm:e2e_request_latency_seconds_count',
      'vllm:inter_token_latency_seconds_sum',
    ])
      expect(metrics).toContain(name);
  });
});

describe('vllm options', () => {
  it('hides reasoning with include_reasoning false and guards /v1 with --api-key', async () => {
    const { service, base } = await launch([...MODEL, '--api-key', 'sk-1']);
    await service.ready;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const denied = await postJson(`${base}/v1/chat/completions`, chat('hi'));
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: 'Unauthorized' });
    const auth = { authorization: 'Bearer sk-1' };
    const events = sseEvents(
      await (
        await postJson(
          `${base}/v1/chat/completions`,
          chat('SIM_REPLY: visible', { stream: true, include_reasoning: false }),
          auth,
        )
      ).text(),
    );
    const deltas = events
      .slice(0, -1)
      .map(
        (e) => (JSON.parse(e) as { choices: { delta: Record<string, string> }[] }).choices[0]?.delta ?? {},
      );
    expect(deltas.some((d) => 'reasoning' in d)).toBe(false);
    expect(deltas.map((d) => d.content ?? '').join('')).toBe('visible');
  });
});

describe('vllm faults', () => {
  it('dies mid-stream: the stream is cut, /health turns 503, the process exits', async () => {
    const { service, base, stateDir, log } = await launch(MODEL, { watchdogMs: 50 });
    await service.ready;
    writeFaults(stateDir, { vllm: { dieMidStreamAfterChunks: 3 } });
    const res = await postJson(`${base}/v1/chat/completions`, chat('a long answer please', { stream: true }));
    await expect(res.text()).rejects.toThrow();
    expect((await fetch(`${base}/health`)).status).toBe(503);
    expect(await service.exited).toBe(1);
    expect(log.all()).toContain('EngineDeadError');
  });

  it('applies HTTP faults: status, malformed, truncated, hang', async () => {
    const { service, base, stateDir } = await launch(MODEL);
    await service.ready;
    writeFaults(stateDir, { http: { vllm: { mode: 'status', status: 500, count: 1 } } });
    const failed = await postJson(`${base}/v1/chat/completions`, chat('x'));
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('');
    expect((await postJson(`${base}/v1/chat/completions`, chat('x'))).status).toBe(200);
    writeFaults(stateDir, { http: { vllm: { mode: 'malformed', count: 1 } } });
    await expect((await fetch(`${base}/v1/models`)).json()).rejects.toThrow();
    writeFaults(stateDir, { http: { vllm: { mode: 'truncated', count: 1 } } });
    await expect(fetch(`${base}/v1/models`).then((r) => r.text())).rejects.toThrow();
    writeFaults(stateDir, { http: { vllm: { mode: 'hang', pathPrefix: '/v1' } } });
    expect(await fetchErrorCode(`${base}/v1/models`, { signal: AbortSignal.timeout(200) })).toBe(
      'TimeoutError',
    );
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
