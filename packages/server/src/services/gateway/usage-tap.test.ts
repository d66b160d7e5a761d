import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { LogCapture } from '../../../test/support/app.js';
import { UsageMeter, type RequestUsage } from '../usage/usage-meter.js';
import type { UsageStore } from '../usage/usage-store.js';
import { webBody } from '../../http/openai/reply.js';
import { usageTap } from './usage-tap.js';

const chunk = (fields: Record<string, unknown>) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', ...fields })}\n\n`;
const CONTENT = chunk({
  choices: [{ index: 0, delta: { content: 'a "usage" word' }, finish_reason: 'stop' }],
});
const USAGE = chunk({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 } });
const DONE = 'data: [DONE]\n\n';

function requestUsage(): RequestUsage {
  const log = createLogger({ level: 'warn', destination: new LogCapture(), secrets: () => [] });
  // The store is never reached: nothing is flushed in these tests.
  const meter = new UsageMeter({ store: {} as UsageStore, log });
  return meter.begin(undefined);
}

describe('usage tap', () => {
  it('counts the usage chunk and cuts it out when the gateway asked for it', () => {
    const usage = requestUsage();
    const tap = usageTap(usage, true);
    expect(tap(Buffer.from(CONTENT)).toString()).toBe(CONTENT);
    expect(tap(Buffer.from(USAGE + DONE)).toString()).toBe(DONE);
    expect([usage.promptTokens, usage.completionTokens]).toEqual([9, 4]);
  });

  it('keeps the chunk when the client asked for it, and reads CRLF events', () => {
    const usage = requestUsage();
    const crlf = USAGE.replace('\n\n', '\r\n\r\n');
    expect(usageTap(usage, false)(Buffer.from(CONTENT + crlf)).toString()).toBe(CONTENT + crlf);
    expect(usage.completionTokens).toBe(4);
    expect(usageTap(requestUsage(), true)(Buffer.from(CONTENT + crlf + DONE)).toString()).toBe(
      CONTENT + DONE,
    );
  });

  it('reads the Responses API usage from response.completed and changes nothing', () => {
    const usage = requestUsage();
    const completed = `event: response.completed\ndata: ${JSON.stringify({
      type: 'response.completed',
      response: { usage: { input_tokens: 7, output_tokens: 3 } },
    })}\n\n`;
    expect(usageTap(usage, true)(Buffer.from(completed)).toString()).toBe(completed);
    expect([usage.promptTokens, usage.completionTokens]).toEqual([7, 3]);
  });

  it('relays through the web-stream path without the usage chunk, however the bytes are cut', async () => {
    const usage = requestUsage();
    const whole = CONTENT + USAGE + DONE;
    const pieces = [
      whole.slice(0, 17),
      whole.slice(17, CONTENT.length + 40),
      whole.slice(CONTENT.length + 40),
    ];
    const stream = webBody({
      kind: 'stream',
      status: 200,
      headers: {},
      body: Readable.from(pieces.map((piece) => Buffer.from(piece))),
      events: 'chat',
      tap: usageTap(usage, true),
      onEnd: () => undefined,
    });
    expect(await new Response(stream).text()).toBe(CONTENT + DONE);
    expect(usage.completionTokens).toBe(4);
  });
});
