import { afterEach, describe, expect, it } from 'vitest';
import { writeFaults } from '../faults.js';
import type { RunningService } from '../services/http.js';
import { captureLog, fetchErrorCode, postJson, sseEvents, tempStateDir } from '../services/testing.js';
import { startCloud, SUPER_120B, SUPER_49B, type ReceivedRequest } from './nvidia.js';

let service: RunningService | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

const KEY = { authorization: 'Bearer nvapi-test' };

async function launch(args: string[] = []) {
  const state = tempStateDir();
  cleanup = state.cleanup;
  service = await startCloud({ stateDir: state.dir, port: 0, tokenDelayMs: 0, log: captureLog(), args });
  await service.ready;
  const base = `http://127.0.0.1:${service.port}`;
  const chat = async (body: Record<string, unknown>) => {
    const res = await postJson(`${base}/v1/chat/completions`, body, KEY);
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
  };
  return { base, stateDir: state.dir, chat };
}

type Message = { content: string; reasoning_content: string | null };
const message = (json: Record<string, unknown>) =>
  (json.choices as { message: Message; finish_reason: string }[])[0];

describe('NVIDIA cloud: auth, catalog, errors', () => {
  it('checks the bearer key with RFC-7807 bodies and lists the whole catalog', async () => {
    const { base } = await launch(['--api-key', 'nvapi-test']);
    const missing = await fetch(`${base}/v1/models`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    const wrong = await fetch(`${base}/v1/models`, { headers: { authorization: 'Bearer nvapi-other' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ status: 403, title: 'Forbidden', detail: 'Authorization failed' });
    const models = (await (await fetch(`${base}/v1/models`, { headers: KEY })).json()) as {
      object: string;
      data: { id: string }[];
    };
    expect(models.object).toBe('list');
    expect(models.data.map((m) => m.id)).toEqual(
      expect.arrayContaining([SUPER_120B, SUPER_49B, 'deepseek-ai/deepseek-r1']),
    );
  });

  it('answers 404 for gated models, 429 with Retry-After, hangs and malformed bodies via faults', async () => {
    const { base, stateDir, chat } = await launch();
    const gated = await chat({
      model: 'deepseek-ai/deepseek-r1',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(gated.status).toBe(404);
    expect(gated.json.detail).toMatch(/^Function '[0-9a-f]+': Not found for account/);
    writeFaults(stateDir, { cloud: { gatedModels: [SUPER_120B] } });
    expect((await chat({ model: SUPER_120B, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(404);
    writeFaults(stateDir, { http: { cloud: { mode: 'status', status: 429, retryAfterSec: 7, count: 1 } } });
    const limited = await chat({ model: SUPER_120B, messages: [{ role: 'user', content: 'hi' }] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json).toEqual({ status: 429, title: 'Too Many Requests' });
    writeFaults(stateDir, { http: { cloud: { mode: 'hang' } } });
    expect(
      await fetchErrorCode(`${base}/v1/models`, { headers: KEY, signal: AbortSignal.timeout(200) }),
    ).toBe('TimeoutError');
    writeFaults(stateDir, { http: { cloud: { mode: 'malformed' } } });
    await expect((await fetch(`${base}/v1/models`, { headers: KEY })).json()).rejects.toThrow();
  });

  it('enforces --rate-limit-rpm with 429 and Retry-After', async () => {
    const { base } = await launch(['--rate-limit-rpm', '2']);
    expect((await fetch(`${base}/v1/models`, { headers: KEY })).status).toBe(200);
    expect((await fetch(`${base}/v1/models`, { headers: KEY })).status).toBe(200);
    const limited = await fetch(`${base}/v1/models`, { headers: KEY });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('records every request body, including rejected ones, until cleared', async () => {
    const { base } = await launch();
    await postJson(`${base}/v1/chat/completions`, {
      model: SUPER_49B,
      messages: [{ role: 'user', content: 'secret?' }],
    });
    await postJson(
      `${base}/v1/chat/completions`,
      { model: SUPER_49B, messages: [{ role: 'user', content: 'scrubbed' }] },
      KEY,
    );
    const received = (await (await fetch(`${base}/_sim/received`)).json()) as ReceivedRequest[];
    expect(
      received.map((r) => [
        r.path,
        r.hasAuthorization,
        (r.body as { messages: { content: string }[] }).messages[0]?.content,
      ]),
    ).toEqual([
      ['/v1/chat/completions', false, 'secret?'],
      ['/v1/chat/completions', true, 'scrubbed'],
    ]);
    expect((await fetch(`${base}/_sim/received`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${base}/_sim/received`)).json()).toEqual([]);
  });
});

describe('NVIDIA cloud: reasoning models', () => {
  it('nemotron 3 super: reasoning_content by default, off with enable_thinking false, capped by reasoning_budget', async () => {
    const { chat } = await launch();
    const on = message(
      (await chat({ model: SUPER_120B, messages: [{ role: 'user', content: 'SIM_REPLY: {"a":1}' }] })).json,
    );
    expect(on?.message.content).toBe('{"a":1}');
    expect(on?.message.reasoning_content).toBeTruthy();
    const off = message(
      (
        await chat({
          model: SUPER_120B,
          messages: [{ role: 'user', content: 'SIM_REPLY: {"a":1}' }],
          chat_template_kwargs: { enable_thinking: false },
        })
      ).json,
    );
    expect(off?.message.reasoning_content).toBeNull();
    const budget = await chat({
      model: SUPER_120B,
      messages: [{ role: 'user', content: 'x' }],
      reasoning_budget: 2,
    });
    expect(message(budget.json)?.message.reasoning_content?.length).toBeLessThan(
      on?.message.reasoning_content?.length ?? 0,
    );
    const starved = message(
      (await chat({ model: SUPER_120B, messages: [{ role: 'user', content: 'hello' }], max_tokens: 3 })).json,
    );
    expect(starved).toMatchObject({ finish_reason: 'length', message: { content: '' } });
    const scripted = message(
      (
        await chat({
          model: SUPER_120B,
          messages: [{ role: 'user', content: 'SIM_REPLY: {"a":\nSIM_FINISH: length' }],
        })
      ).json,
    );
    expect(scripted).toMatchObject({ finish_reason: 'length', message: { content: '{"a":' } });
  });

  it('nemotron super 49b: <think> inside content only with "detailed thinking on"', async () => {
    const { chat } = await launch();
    const ask = (system: string) =>
      chat({
        model: SUPER_49B,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: 'SIM_REPLY: ok' },
        ],
      });
    const on = message((await ask('detailed thinking on')).json);
    expect(on?.message.content).toMatch(/^<think>\n[\s\S]+\n<\/think>\n\nok$/);
    expect(on?.message.reasoning_content).toBeNull();
    expect(message((await ask('detailed thinking off')).json)?.message.content).toBe('ok');
  });

  it('fills a response_format JSON schema and streams with reasoning_content deltas', async () => {
    const { base, chat } = await launch();
    const schema = {
      type: 'object',
      properties: {
        label: { type: 'string', enum: ['spam', 'ham'] },
        score: { type: 'number' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['label', 'score', 'tags'],
    };
    const structured = message(
      (
        await chat({
          model: SUPER_120B,
          messages: [{ role: 'user', content: 'classify this' }],
          chat_template_kwargs: { enable_thinking: false },
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
        })
      ).json,
    );
    const parsed = JSON.parse(structured?.message.content ?? '') as {
      label: string;
      score: number;
      tags: string[];
    };
    expect(['spam', 'ham']).toContain(parsed.label);
    expect(typeof parsed.score).toBe('number');
    expect(Array.isArray(parsed.tags)).toBe(true);
    const res = await postJson(
      `${base}/v1/chat/completions`,
      {
        model: SUPER_120B,
        messages: [{ role: 'user', content: 'SIM_REPLY: hi there' }],
        stream: true,
        stream_options: { include_usage: true },
      },
      KEY,
    );
    const events = sseEvents(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map(
      (e) =>
        JSON.parse(e) as {
          choices: {
            delta: { content?: string | null; reasoning_content?: string | null };
            finish_reason: string | null;
          }[];
          usage?: { completion_tokens: number };
        },
    );
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('hi there');
    expect(chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')).not.toBe('');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(2);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });
});
