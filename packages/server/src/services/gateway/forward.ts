import http, { type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { ipv4FirstLookup } from '../health/resolve.js';
import type { Upstream } from './upstreams.js';

/** Keep-alive sockets to the Sparks: the gateway's added latency is mostly connection setup otherwise. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 1000, scheduling: 'lifo' });

export interface ForwardRequest {
  upstream: Upstream;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** A buffer can be sent again on a stale keep-alive socket; a stream cannot. */
  body?: Buffer | Readable | undefined;
  signal?: AbortSignal | undefined;
  /** Bound on the whole exchange, body included. */
  timeoutMs: number;
}

export interface UpstreamReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

/** The upstream could not be reached at all (refused, reset before an answer, unknown host). */
export class UpstreamUnreachableError extends Error {
  constructor(
    readonly upstream: Upstream,
    readonly code: string,
  ) {
    super(`${upstream.serviceId} at ${upstream.host}:${upstream.port} is unreachable (${code})`);
    this.name = 'UpstreamUnreachableError';
  }
}

export class UpstreamTimeoutError extends Error {
  constructor(
    readonly upstream: Upstream,
    readonly timeoutMs: number,
  ) {
    super(`${upstream.serviceId} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'UpstreamTimeoutError';
  }
}

export class ClientAbortError extends Error {
  constructor() {
    super('the client went away');
    this.name = 'ClientAbortError';
  }
}

/** Sends one request to an upstream; resolves with the status and the unread body stream. */
export async function forward(request: ForwardRequest): Promise<UpstreamReply> {
  try {
    return await attempt(request);
  } catch (error) {
    // A keep-alive socket the upstream closed (e.g. vLLM restarted) fails once; a fresh one may not.
    if ((error as { staleSocket?: boolean }).staleSocket && !isStream(request.body)) return attempt(request);
    throw error;
  }
}

function isStream(body: ForwardRequest['body']): body is Readable {
  return body !== undefined && !Buffer.isBuffer(body);
}

function attempt(request: ForwardRequest): Promise<UpstreamReply> {
  const { upstream, signal } = request;
  return new Promise<UpstreamReply>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ClientAbortError());
      return;
    }
    let answered = false;
    const outgoing = http.request(
      {
        host: upstream.host,
        port: upstream.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent,
        lookup: ipv4FirstLookup,
      },
      (response) => {
        answered = true;
        response.once('close', cleanup);
        resolve({ status: response.statusCode ?? 502, headers: response.headers, body: response });
      },
    );
    const timer = setTimeout(
      () => outgoing.destroy(new UpstreamTimeoutError(upstream, request.timeoutMs)),
      request.timeoutMs,
    );
    const onAbort = () => outgoing.destroy(new ClientAbortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    function cleanup(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    outgoing.once('close', () => {
      if (!answered) cleanup();
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      cleanup();
      // Errors without an errno code are the gateway's own (timeout, client gone, body too large).
      if (error.code === undefined) {
        reject(error);
        return;
      }
      const failure = new UpstreamUnreachableError(upstream, error.code ?? error.message);
      if (outgoing.reusedSocket && error.code === 'ECONNRESET') Object.assign(failure, { staleSocket: true });
      reject(failure);
    });
    const body = request.body;
    if (body === undefined) outgoing.end();
    else if (Buffer.isBuffer(body)) outgoing.end(body);
    else pipeline(body, outgoing).catch((error: unknown) => outgoing.destroy(error as Error));
  });
}

export type StreamOutcome = 'complete' | 'upstream-error' | 'client-gone';

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

export interface RelayOptions {
  sse: SseDialect | undefined;
  onEnd?: ((outcome: StreamOutcome) => void) | undefined;
  /** Sees every whole block of events and returns what to relay of it (SSE only). */
  tap?: ((events: Buffer) => Buffer) | undefined;
}

/** The end of the last whole event in `data` (0 when there is none yet). */
function wholeEventsEnd(data: Buffer): number {
  return Math.max(data.lastIndexOf('\n\n') + 2, data.lastIndexOf('\r\n\r\n') + 4, 0);
}

function failureMessage(error: unknown): string {
  return error instanceof UpstreamTimeoutError
    ? error.message
    : `the upstream stopped mid-stream (${(error as Error).message || 'connection lost'})`;
}

/**
 * The upstream body as a web stream that reads only when the client does (backpressure), and
 * whose cancellation (client gone) destroys the upstream request. With `sse`, only whole events
 * are passed on, and a stream the upstream cuts off ends with an OpenAI error event (and `[DONE]`
 * for chat).
 */
export function relayBody(reply: UpstreamReply, options: RelayOptions): ReadableStream<Uint8Array> {
  const iterator = reply.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const stream = options.sse?.start();
  let pending: Buffer = Buffer.alloc(0);
  let finished = false;
  const finish = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    options.onEnd?.(outcome);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          let next: IteratorResult<Buffer>;
          try {
            next = await iterator.next();
          } catch (error) {
            if (stream) {
              controller.enqueue(stream.failure(failureMessage(error)));
              finish('upstream-error');
              controller.close();
            } else {
              finish('upstream-error');
              controller.error(error);
            }
            return;
          }
          if (next.done) {
            if (stream && !stream.ended) {
              controller.enqueue(
                stream.failure(failureMessage(new Error('the upstream ended the stream early'))),
              );
              finish('upstream-error');
            } else {
              finish('complete');
            }
            controller.close();
            return;
          }
          if (!stream) {
            controller.enqueue(next.value);
            return;
          }
          const data = pending.length > 0 ? Buffer.concat([pending, next.value]) : next.value;
          const end = wholeEventsEnd(data);
          if (end <= 1) {
            pending = data;
            continue;
          }
          const whole = data.subarray(0, end);
          pending = Buffer.from(data.subarray(end));
          stream.see(whole);
          const relayed = options.tap ? options.tap(whole) : whole;
          if (relayed.length === 0) continue;
          controller.enqueue(relayed);
          return;
        }
      },
      async cancel() {
        finish('client-gone');
        reply.body.destroy();
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads a whole (small) upstream body as text. */
export async function readText(reply: UpstreamReply, limit = 4 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      reply.body.destroy();
      throw new Error(`upstream body is larger than ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What @hono/node-server needs to hear that the handler wrote the response itself. */
const ALREADY_SENT = 'x-hono-already-sent';

/** A whole body written onto node's response (a JSON answer read and checked first). */
export function sendWhole(
  outgoing: ServerResponse,
  status: number,
  headers: Headers,
  body: string,
): Response {
  outgoing.writeHead(status, Object.fromEntries(headers));
  outgoing.end(body);
  return new Response(null, { status, headers: { [ALREADY_SENT]: 'true' } });
}

/**
 * The same relay as `relayBody`, written straight onto node's response: no web-stream hop per
 * chunk. Backpressure pauses the upstream; a client that goes away destroys the upstream request.
 */
export function pipeBody(
  reply: UpstreamReply,
  outgoing: ServerResponse,
  headers: Headers,
  options: RelayOptions,
): Response {
  const upstream = reply.body;
  const stream = options.sse?.start();
  let pending: Buffer | undefined;
  let finished = false;
  const finish = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    options.onEnd?.(outcome);
  };
  const failed = (error: unknown) => {
    if (finished) return;
    if (stream && !outgoing.destroyed) {
      outgoing.end(stream.failure(failureMessage(error)));
    } else {
      outgoing.destroy();
    }
    finish('upstream-error');
  };
  outgoing.writeHead(reply.status, Object.fromEntries(headers));
  outgoing.flushHeaders();
  upstream.on('data', (chunk: Buffer) => {
    let data = chunk;
    if (stream) {
      if (pending) data = Buffer.concat([pending, chunk]);
      const end = wholeEventsEnd(data);
      if (end <= 1) {
        pending = data;
        return;
      }
      pending = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
      data = end < data.length ? data.subarray(0, end) : data;
      stream.see(data);
      if (options.tap) data = options.tap(data);
      if (data.length === 0) return;
    }
    if (!outgoing.write(data)) upstream.pause();
  });
  outgoing.on('drain', () => upstream.resume());
  upstream.once('end', () => {
    if (stream && !stream.ended) {
      failed(new Error('the upstream ended the stream early'));
      return;
    }
    outgoing.end();
    finish('complete');
  });
  upstream.once('error', failed);
  upstream.once('close', () => {
    if (!upstream.complete) failed(new Error('connection lost'));
  });
  outgoing.once('close', () => {
    if (finished) return;
    finish('client-gone');
    upstream.destroy();
  });
  return new Response(null, { status: reply.status, headers: { [ALREADY_SENT]: 'true' } });
}
