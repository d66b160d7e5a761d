import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { takeHttpFault, type HttpFault, type SimServiceKind } from '../faults.js';
import { freePort } from '../ports.js';

export type Env = { Bindings: HttpBindings; Variables: { fault: HttpFault | undefined } };

/** Where a service writes its log lines (the fake docker appends stdout/stderr to the container log). */
export interface ServiceLog {
  info(line: string): void;
  error(line: string): void;
}

export const consoleLog: ServiceLog = {
  info: (line) => void process.stdout.write(`${line}\n`),
  error: (line) => void process.stderr.write(`${line}\n`),
};

export interface ServiceOptions {
  /** Bind address; 127.0.0.1 when absent. */
  host?: string;
  /** 0 (or absent) picks a free port. */
  port?: number;
  /** The simulated Spark's state directory (faults.json lives there). */
  stateDir: string;
  /** Service arguments; for vllm exactly those after `vllm serve`. */
  args?: string[];
  /** Simulated model load time. */
  loadDelayMs?: number;
  /** Delay between streamed tokens. */
  tokenDelayMs?: number;
  /** vLLM with `--nnodes` > 1: how long the head waits for its other ranks (torch's default: 600 s). */
  rendezvousTimeoutMs?: number;
  /** vLLM: how long memory of an ended process still counts as used on its Spark (default 2000). */
  memoryReleaseLagMs?: number;
  /** vLLM: the simulated container it runs in; its memory is held under that name. None: it holds none. */
  container?: string;
  log?: ServiceLog;
}

export interface RunningService {
  port: number;
  /** Resolves once the service answers requests; rejects when it dies during startup. */
  ready: Promise<void>;
  /** Resolves with the exit code the process would have (graceful close → 0). */
  exited: Promise<number>;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An HTTP listener that can be opened late (vLLM refuses connections while it loads) and closed hard. */
export class Listener {
  readonly server: Server;
  private listening = false;
  private closed = false;

  constructor(app: Hono<Env>) {
    this.server = createAdaptorServer({ fetch: app.fetch }) as Server;
  }

  listen(host: string, port: number): Promise<number> {
    if (this.closed) return Promise.reject(new Error('listener closed'));
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        this.listening = true;
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    this.closed = true;
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** `port`, or a free one when it is 0, for services that listen only later. */
export async function reservePort(host: string, port: number): Promise<number> {
  return port > 0 ? port : freePort(host);
}

/** Throws EADDRINUSE if someone else listens on host:port. */
export async function checkPortFree(host: string, port: number): Promise<void> {
  const { createServer } = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
export const reasonPhrase = (status: number) => REASONS[status] ?? 'Error';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * Applies the fault configured for this service in `<stateDir>/faults.json` to each request.
 * `errorBody` renders a `status` fault in the service's own error shape.
 */
export function faultMiddleware(
  kind: SimServiceKind,
  stateDir: string,
  errorBody: (status: number) => Response,
  exempt: (path: string) => boolean = () => false,
): MiddlewareHandler<Env> {
  return async (c, next) => {
    const fault = exempt(c.req.path) ? undefined : takeHttpFault(stateDir, kind, c.req.path);
    c.set('fault', fault);
    if (!fault) return next();
    switch (fault.mode) {
      case 'hang':
        // Accept and never answer: the socket stays open until the client gives up or the service closes.
        return RESPONSE_ALREADY_SENT;
      case 'status': {
        const status = fault.status ?? 500;
        const response = errorBody(status);
        if (fault.retryAfterSec !== undefined)
          response.headers.set('retry-after', String(fault.retryAfterSec));
        return response;
      }
      case 'malformed':
        return new Response(
          '{"id":"sim","object":"chat.completion","choices":[{"index":0,"message":{"role":',
          {
            status: 200,
            headers: { 'content-type': 'application/json' },
          },
        );
      case 'truncated': {
        await next();
        // Streams written straight to the socket truncate themselves (see SseWriter).
        if (c.res.headers.get('x-hono-already-sent')) return;
        const body = Buffer.from(await c.res.arrayBuffer());
        const outgoing = c.env.outgoing;
        const headers: Record<string, string> = {};
        c.res.headers.forEach((value, key) => (headers[key] = value));
        headers['content-length'] = String(body.length);
        outgoing.writeHead(c.res.status, headers);
        outgoing.write(body.subarray(0, Math.floor(body.length / 2)));
        outgoing.socket?.destroy();
        c.res = RESPONSE_ALREADY_SENT;
        return;
      }
    }
  };
}

/** Server-sent events exactly as vLLM / OpenAI frame them: `data: <json>\n\n`, ending with `data: [DONE]`. */
export class SseWriter {
  private sent = 0;
  private readonly truncateAfter: number | undefined;

  constructor(
    private readonly res: ServerResponse,
    fault: HttpFault | undefined,
  ) {
    this.truncateAfter = fault?.mode === 'truncated' ? 2 : undefined;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
  }

  /** True once the client went away or the stream was cut. */
  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  send(data: unknown): void {
    if (this.closed) return;
    if (this.truncateAfter !== undefined && this.sent >= this.truncateAfter) {
      // A truncated stream: half an event, then the connection drops.
      this.res.write(`data: ${JSON.stringify(data).slice(0, 10)}`);
      this.kill();
      return;
    }
    this.sent += 1;
    this.res.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** A named event, as vLLM's Responses API frames each one (`event: <type>` before `data:`). */
  sendEvent(type: string, data: unknown): void {
    if (this.closed) return;
    if (this.truncateAfter !== undefined && this.sent >= this.truncateAfter) {
      this.res.write(`event: ${type}\ndata: ${JSON.stringify(data).slice(0, 10)}`);
      this.kill();
      return;
    }
    this.sent += 1;
    this.res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  done(): void {
    if (this.closed) return;
    this.res.end('data: [DONE]\n\n');
  }

  /** Ends a stream that has no `[DONE]` terminator (the Responses API ends on `response.completed`). */
  end(): void {
    if (this.closed) return;
    this.res.end();
  }

  /** Drops the connection without a terminator (the upstream died). */
  kill(): void {
    this.res.socket?.destroy();
    this.res.destroy();
  }
}

/** Runs `write` against the raw response so chunks leave as they are produced. */
export function streamRaw(c: Context<Env>, write: (res: ServerResponse) => Promise<void>): Promise<Response> {
  return write(c.env.outgoing).then(() => RESPONSE_ALREADY_SENT);
}

/**
 * Serves `app` as a process would: with `listenAfterMs` the port refuses connections until then
 * (model warm-up before the listener binds).
 */
export async function serveApp(
  app: Hono<Env>,
  options: ServiceOptions,
  defaultPort: number,
  setup: { listenAfterMs?: number; onListening?: (port: number) => void } = {},
): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const listener = new Listener(app);
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let closed = false;
  const wanted = options.port ?? defaultPort;
  const port = setup.listenAfterMs ? await reservePort(host, wanted) : await listener.listen(host, wanted);
  const ready = (async () => {
    if (setup.listenAfterMs) {
      await sleep(setup.listenAfterMs);
      if (closed) throw new Error('closed during startup');
      await listener.listen(host, port);
    }
    setup.onListening?.(port);
  })();
  ready.catch(() => {
    closed = true;
    resolveExit(1);
  });
  return {
    port,
    ready,
    exited,
    close: async () => {
      closed = true;
      await listener.close();
      resolveExit(0);
    },
  };
}
