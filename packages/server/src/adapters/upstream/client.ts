import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { isIpv6 } from '@spark-control/schema';
import { Pool } from 'undici';
import { ipv4FirstLookup, type ResolveAll } from './lookup.js';
import {
  ClientGoneError,
  UpstreamBodyError,
  UpstreamTimeoutError,
  UpstreamUnreachableError,
} from './errors.js';

export interface UpstreamRequest {
  /** `http://host:port` (see `originOf`), or any http(s) origin. */
  origin: string;
  method: string;
  path: string;
  headers?: Record<string, string> | undefined;
  /** A buffer or string can be sent again on a connection the upstream closed; a stream cannot. */
  body?: Buffer | string | Readable | undefined;
  /** The caller going away: the upstream request is torn down and `ClientGoneError` thrown. */
  signal?: AbortSignal | undefined;
  /** Bound on the whole exchange, body included. */
  timeoutMs: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The unread body; read it (or destroy it) so the connection goes back to the pool. */
  body: Readable;
}

/** The system reasons a connection fails with, as the upstream being unreachable. */
const SOCKET_FAILURE = 'UND_ERR_SOCKET';
/** Methods RFC 9110 (9.2.2) lets a client repeat after a failed connection. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * The one HTTP client to the Sparks and the outside (webhooks, the Hub): a keep-alive undici pool
 * per origin, names resolved IPv4 first, one deadline for the whole exchange, and the caller's
 * disconnect carried upstream. Bodies come back as node streams, so a relay writes them straight
 * onto node's response without a web Request/Response in between.
 */
export class UpstreamClient {
  readonly #pools = new Map<string, Pool>();

  constructor(
    private readonly options: {
      connectionsPerOrigin?: number;
      /** The name resolver (the system's by default); its IPv4 addresses are tried first. */
      resolve?: ResolveAll;
    } = {},
  ) {}

  async request(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      return await this.#attempt(request);
    } catch (error) {
      // A keep-alive connection the upstream closed (vLLM restarted) fails once; a fresh one may not.
      // Only an idempotent request is sent again: a POST may have reached vLLM, and a second
      // chat completion would run (and be billed) twice.
      if (
        error instanceof UpstreamUnreachableError &&
        error.reason === SOCKET_FAILURE &&
        IDEMPOTENT.has(request.method) &&
        resendable(request.body)
      ) {
        return this.#attempt(request);
      }
      throw error;
    }
  }

  /** Closes every pooled connection (shutdown and tests). */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  #pool(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connectionsPerOrigin ?? 512,
        // The deadline below covers headers and body together; undici's own timers would split it.
        headersTimeout: 0,
        bodyTimeout: 0,
        keepAliveTimeout: 4000,
        connect: { lookup: ipv4FirstLookup(this.options.resolve) },
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  async #attempt(request: UpstreamRequest): Promise<UpstreamResponse> {
    const { signal, origin, timeoutMs } = request;
    if (signal?.aborted) throw new ClientGoneError();
    if (BAD_PORTS.has(portOf(origin))) throw new UpstreamUnreachableError(origin, 'bad port');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new UpstreamTimeoutError(origin, timeoutMs)), timeoutMs);
    const onClientGone = () => controller.abort(new ClientGoneError());
    signal?.addEventListener('abort', onClientGone, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onClientGone);
    };
    try {
      const response = await this.#pool(origin).request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      const body = response.body as unknown as Readable;
      body.once('close', done);
      return { status: response.statusCode, headers: response.headers, body };
    } catch (error) {
      done();
      throw transportError(origin, error);
    }
  }
}

/**
 * The Fetch standard's "bad ports": other protocols' ports (SMTP, IRC, X11, …) an HTTP request must
 * not be sent to, refused as fetch refuses them.
 */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const portCache = new Map<string, number>();

function portOf(origin: string): number {
  let port = portCache.get(origin);
  if (port === undefined) {
    const url = new URL(origin);
    port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    if (portCache.size < 10_000) portCache.set(origin, port);
  }
  return port;
}

function resendable(body: UpstreamRequest['body']): boolean {
  return body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
}

/** Our own reasons (deadline, client gone) pass; a failed connection is the upstream being unreachable. */
function transportError(origin: string, error: unknown): Error {
  if (error instanceof UpstreamTimeoutError || error instanceof ClientGoneError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return new UpstreamUnreachableError(origin, code, error);
  return error instanceof Error ? error : new Error(String(error));
}

/** `http://host:port` for a host name or address literal (IPv6 in brackets). */
export function originOf(host: string, port: number): string {
  return `http://${isIpv6(host) ? `[${host}]` : host}:${port}`;
}

/**
 * A whole (bounded) body. Past `limit` bytes the body is destroyed and the read fails, as it does
 * when the body breaks off: both are `UpstreamBodyError`s; the deadline stays a timeout.
 */
export async function readBytes(body: Readable, limit = 4 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) {
        body.destroy();
        throw new UpstreamBodyError(`the answer is larger than ${limit} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (
      error instanceof UpstreamBodyError ||
      error instanceof UpstreamTimeoutError ||
      error instanceof ClientGoneError
    ) {
      throw error;
    }
    throw new UpstreamBodyError((error as Error).message || 'connection lost', error);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** A whole (bounded) body as UTF-8 text. */
export async function readText(body: Readable, limit = 4 * 1024 * 1024): Promise<string> {
  return (await readBytes(body, limit)).toString('utf8');
}

/** Drains and drops a body nobody needs, so its connection can be reused. */
export function discard(body: Readable): void {
  body.resume();
  body.once('error', () => undefined);
}

let shared: UpstreamClient | undefined;

/** The process's one client (one pool per origin for the gateway, the monitor, swaps and webhooks). */
export function sharedUpstreamClient(): UpstreamClient {
  shared ??= new UpstreamClient();
  return shared;
}
