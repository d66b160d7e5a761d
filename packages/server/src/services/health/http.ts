import { isIpv6 } from '@spark-control/schema';
import { readBytes, sharedUpstreamClient, type UpstreamClient } from '../../adapters/upstream/client.js';
import {
  ClientGoneError,
  UpstreamTimeoutError,
  UpstreamUnreachableError,
} from '../../adapters/upstream/errors.js';

/** `http://host:port/path` for an address literal (IPv6 in brackets). */
export function serviceUrl(address: string, port: number, path: string): string {
  const host = isIpv6(address) ? `[${address}]` : address;
  return `http://${host}:${port}${path}`;
}

/** Why a request failed, in words a tile can show. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof UpstreamTimeoutError || error instanceof ClientGoneError)
    return `no answer within ${timeoutMs} ms`;
  if (error instanceof UpstreamUnreachableError) {
    switch (error.reason) {
      case 'ECONNREFUSED':
        return 'refusing connections';
      case 'ECONNRESET':
      case 'UND_ERR_SOCKET':
        return 'connection dropped';
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return 'host unreachable';
      default:
        return error.reason;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

interface TimedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The largest answer a probe reads. */
const PROBE_BODY_LIMIT = 16 * 1024 * 1024;

/** A bounded request on the upstream client whose body is read whole (so the connection is reused). */
async function timed(url: string, init: TimedInit, client: UpstreamClient) {
  const target = new URL(url);
  const headers = { ...init.headers };
  let body: Buffer | undefined;
  if (typeof init.body === 'string') body = Buffer.from(init.body);
  else if (init.body) {
    // A multipart body encoded once, with its boundary.
    const encoded = new Response(init.body);
    headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
    body = Buffer.from(await encoded.arrayBuffer());
  }
  const started = performance.now();
  const answer = await client.request({
    origin: target.origin,
    method: init.method ?? 'GET',
    path: `${target.pathname}${target.search}`,
    headers,
    body,
    signal: init.signal,
    timeoutMs: init.timeoutMs,
  });
  const bytes = await readBytes(answer.body, PROBE_BODY_LIMIT);
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (typeof value === 'string') responseHeaders.set(name, value);
    else for (const item of value ?? []) responseHeaders.append(name, item);
  }
  // Only the status and headers: the body is returned read.
  const response = new Response(null, { status: answer.status, headers: responseHeaders });
  return { response, bytes, latencyMs: Math.round(performance.now() - started) };
}

/** A bounded GET/POST with a text body. */
export async function timedFetch(
  url: string,
  init: TimedInit,
  client = sharedUpstreamClient(),
): Promise<{ response: Response; body: string; latencyMs: number }> {
  const { response, bytes, latencyMs } = await timed(url, init, client);
  return { response, body: bytes.toString('utf8'), latencyMs };
}

/** Same, for binary bodies. */
export async function timedFetchBytes(
  url: string,
  init: TimedInit,
  client = sharedUpstreamClient(),
): Promise<{ response: Response; bytes: Uint8Array; latencyMs: number }> {
  const { response, bytes, latencyMs } = await timed(url, init, client);
  return { response, bytes: new Uint8Array(bytes), latencyMs };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
