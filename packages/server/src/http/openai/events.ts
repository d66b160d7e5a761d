import { UpstreamTimeoutError } from '../../adapters/upstream/errors.js';
import type { RelayOptions } from '../../adapters/upstream/relay.js';
import type { EventDialect } from '../../services/gateway/reply.js';

/**
 * How one kind of event stream ends and how the gateway reports a cut: chat and text completions
 * end on `data: [DONE]`; the Responses API (no `[DONE]`) ends on a `response.completed`,
 * `response.incomplete` or `response.failed` event, or an `error` event.
 */
export interface SseDialect {
  /** A tracker for one stream, fed every whole block of events in order. */
  start(): { see(events: Buffer): void; readonly ended: boolean; failure(message: string): Buffer };
}

const DONE = Buffer.from('data: [DONE]');

export const CHAT_SSE: SseDialect = {
  start() {
    let ended = false;
    return {
      see(events) {
        if (!ended && events.includes(DONE)) ended = true;
      },
      get ended() {
        return ended;
      },
      failure(message) {
        const body = {
          error: { message, type: 'upstream_error', param: null, code: 'upstream_disconnected' },
        };
        return Buffer.from(`data: ${JSON.stringify(body)}\n\ndata: [DONE]\n\n`);
      },
    };
  },
};

const RESPONSES_END = /^event: (?:response\.(?:completed|incomplete|failed)|error)\r?$/m;
const EVENT_END = /\r?\n\r?\n/g;

export const RESPONSES_SSE: SseDialect = {
  start() {
    let ended = false;
    let events = 0;
    return {
      see(block) {
        const text = block.toString('utf8');
        events += text.match(EVENT_END)?.length ?? 0;
        if (!ended && RESPONSES_END.test(text)) ended = true;
      },
      get ended() {
        return ended;
      },
      failure(message) {
        // OpenAI's `error` event; its number follows the events relayed so far.
        const body = {
          type: 'error',
          sequence_number: events,
          code: 'upstream_disconnected',
          message,
          param: null,
        };
        return Buffer.from(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
      },
    };
  },
};

export const DIALECTS: Record<EventDialect, SseDialect> = { chat: CHAT_SSE, responses: RESPONSES_SSE };

/** The end of the last whole event in `data` (0 when there is none yet). */
function wholeEventsEnd(data: Buffer): number {
  return Math.max(data.lastIndexOf('\n\n') + 2, data.lastIndexOf('\r\n\r\n') + 4, 0);
}

function failureMessage(error: Error): string {
  return error instanceof UpstreamTimeoutError
    ? error.message
    : `the upstream stopped mid-stream (${error.message || 'connection lost'})`;
}

const NOTHING = Buffer.alloc(0);

/**
 * Relay options for an event stream: only whole events are passed on (each seen by `tap`), and a
 * stream the upstream cuts off ends with an OpenAI error event (and `[DONE]` for chat).
 */
export function eventRelay(dialect: SseDialect, tap?: (events: Buffer) => Buffer): RelayOptions {
  const stream = dialect.start();
  let pending: Buffer | undefined;
  return {
    frame(chunk) {
      const data = pending ? Buffer.concat([pending, chunk]) : chunk;
      const end = wholeEventsEnd(data);
      if (end <= 1) {
        pending = data;
        return NOTHING;
      }
      pending = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
      const whole = end < data.length ? data.subarray(0, end) : data;
      stream.see(whole);
      return tap ? tap(whole) : whole;
    },
    cutOff: () => (stream.ended ? undefined : new Error('the upstream ended the stream early')),
    failure: (error) => stream.failure(failureMessage(error)),
  };
}
