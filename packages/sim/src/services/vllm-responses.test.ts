import { afterEach, describe, expect, it } from 'vitest';
import { captureLog, postJson, tempStateDir } from './testing.js';
import { startVllm } from './vllm.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function launch(args: string[]) {
  const state = tempStateDir();
  const log = captureLog();
  const service = await startVllm({
    stateDir: state.dir,
    port: 0,
    loadDelayMs: 50,
    tokenDelayMs: 1,
    log,
    args,
  });
  cleanups.push(async () => {
    await service.close();
    state.cleanup();
  });
  await service.ready;
  return { log, base: `http://127.0.0.1:${service.port}` };
}

/** Named SSE frames (`event:` then `data:`), as vLLM's Responses API writes them. */
function namedEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  expect(body.endsWith('\n\n')).toBe(true);
  return body
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      const match = /^event: (\S+)\ndata: (.*)$/.exec(frame);
      if (!match) throw new Error(`bad SSE frame: ${JSON.stringify(frame)}`);
      return { event: match[1]!, data: JSON.parse(match[2]!) as Record<string, unknown> };
    });
}

const QWEN = ['org/Qwen3-8B', '--served-model-name', 'qwen', '--max-model-len', '4096'];

describe('vllm /v1/responses', () => {
  it('answers a response object with the output text and usage', async () => {
    const { base, log } = await launch(QWEN);
    const response = await postJson(`${base}/v1/responses`, {
      model: 'qwen',
      instructions: 'Be brief.',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'SIM_REPLY: hello there' }] }],
      store: false,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'qwen',
      output: [
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'hello there' }] },
      ],
      usage: { output_tokens: 2 },
    });
    expect(String(body.id)).toMatch(/^resp_/);
    expect(log.lines.join('\n')).toContain('"POST /v1/responses HTTP/1.1" 200');
  });

  it('streams named events numbered in order, ending on response.completed without [DONE]', async () => {
    const { base } = await launch([...QWEN, '--reasoning-parser', 'qwen3']);
    const response = await postJson(`${base}/v1/responses`, {
      model: 'qwen',
      input: 'SIM_REPLY: one two three',
      stream: true,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = namedEvents(await response.text());
    expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.every((e) => e.event === e.data.type)).toBe(true);
    const types = events.map((e) => e.event);
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types).toContain('response.reasoning_text.delta');
    expect(types.at(-1)).toBe('response.completed');
    const text = events
      .filter((e) => e.event === 'response.output_text.delta')
      .map((e) => e.data.delta as string)
      .join('');
    expect(text).toBe('one two three');
  });

  it('names an unknown model and a missing input the way vLLM does', async () => {
    const { base } = await launch(QWEN);
    const missing = await postJson(`${base}/v1/responses`, { model: 'other', input: 'hi' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      'The model `other` does not exist.',
    );
    const noInput = await postJson(`${base}/v1/responses`, { model: 'qwen' });
    expect(noInput.status).toBe(400);
  });

  it('ends a stream that fails with an error event', async () => {
    const { base } = await launch(QWEN);
    const response = await postJson(`${base}/v1/responses`, {
      model: 'qwen',
      input: 'SIM_STREAM_ERROR: boom',
      stream: true,
    });
    const events = namedEvents(await response.text());
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { type: 'error', message: 'boom' } });
  });
});
