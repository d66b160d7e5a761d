import { readText, type UpstreamResponse } from '../../adapters/upstream/client.js';
import type { RequestUsage } from '../usage/usage-meter.js';
import { malformed } from './failures.js';
import type { RelayRequest } from './upstream-relay.js';
import type { GatewayReply } from './reply.js';
import type { UpstreamKind } from './upstreams.js';

/** The largest JSON answer relayed (a long completion with logprobs stays far below). */
const JSON_REPLY_LIMIT = 64 * 1024 * 1024;

export function jsonPost(path: string, body: Buffer, signal: AbortSignal | undefined): RelayRequest {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    body,
    signal,
  };
}

export function jsonReply(value: unknown): GatewayReply {
  return {
    kind: 'whole',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  };
}

/** A JSON answer read whole (its `usage` counted); 502 when it is cut off, too large or does not parse. */
export async function wholeJson(
  kind: UpstreamKind,
  response: UpstreamResponse,
  usage?: RequestUsage,
): Promise<string> {
  let text: string;
  try {
    text = await readText(response.body, JSON_REPLY_LIMIT);
  } catch (error) {
    throw malformed(kind, `its answer broke off (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed(kind, 'its answer is not valid JSON (cut off?)');
  }
  if (usage && typeof parsed === 'object' && parsed !== null) {
    usage.countTokens((parsed as { usage?: unknown }).usage);
  }
  return text;
}
