import { isIpv6 } from '@spark-control/schema';

/** `http://host:port/path` for an address literal (IPv6 in brackets). */
export function serviceUrl(address: string, port: number, path: string): string {
  const host = isIpv6(address) ? `[${address}]` : address;
  return `http://${host}:${port}${path}`;
}

/** Why a request failed, in words a tile can show. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'refusing connections';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection dropped';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case undefined:
      // fetch refuses some ports outright (the WHATWG "bad port" list: 6000, 6665-6669, …).
      if (cause?.message) return cause.message;
      return error instanceof Error ? error.message : String(error);
    default:
      return code;
  }
}

type TimedInit = RequestInit & { timeoutMs: number; signal?: AbortSignal | undefined };

/** A bounded request whose body is read with `read` (always, so the socket returns to the pool). */
async function timed<T>(url: string, init: TimedInit, read: (response: Response) => Promise<T>) {
  const { timeoutMs, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  const response = await fetch(url, {
    ...rest,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const value = await read(response);
  return { response, value, latencyMs: Math.round(performance.now() - started) };
}

/** A bounded GET/POST with a text body. */
export async function timedFetch(
  url: string,
  init: TimedInit,
): Promise<{ response: Response; body: string; latencyMs: number }> {
  const { response, value, latencyMs } = await timed(url, init, (reply) => reply.text());
  return { response, body: value, latencyMs };
}

/** Same, for binary bodies. */
export async function timedFetchBytes(
  url: string,
  init: TimedInit,
): Promise<{ response: Response; bytes: Uint8Array; latencyMs: number }> {
  const { response, value, latencyMs } = await timed(
    url,
    init,
    async (reply) => new Uint8Array(await reply.arrayBuffer()),
  );
  return { response, bytes: value, latencyMs };
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
