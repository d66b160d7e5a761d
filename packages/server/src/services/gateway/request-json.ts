import { DomainError } from '../domain-error.js';

export interface ParsedRequest {
  model: string | undefined;
  stream: boolean;
  includeUsage: boolean;
  streamOptions: unknown;
}

/** The fields of a JSON request body the gateway acts on; 400 when it is not a JSON object. */
export function parseRequest(raw: Buffer): ParsedRequest {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError('BAD_REQUEST', 'body is not valid JSON', { openAiCode: 'invalid_json' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('BAD_REQUEST', 'body must be a JSON object', { openAiCode: 'invalid_request' });
  }
  const { model, stream, stream_options: streamOptions } = body as Record<string, unknown>;
  if (model !== undefined && typeof model !== 'string') {
    throw new DomainError('BAD_REQUEST', '`model` must be a string', {
      openAiCode: 'invalid_request',
      param: 'model',
    });
  }
  const includeUsage =
    typeof streamOptions === 'object' &&
    streamOptions !== null &&
    (streamOptions as { include_usage?: unknown }).include_usage === true;
  return { model, stream: stream === true, includeUsage, streamOptions };
}

/**
 * The request with `stream_options.include_usage` set. When the client sent no `stream_options`,
 * the field is put in front of the others, so the rest of the body goes on byte for byte.
 */
export function withIncludeUsage(raw: Buffer, streamOptions: unknown): Buffer {
  if (streamOptions === undefined) {
    const open = raw.indexOf('{');
    return Buffer.concat([
      raw.subarray(0, open + 1),
      Buffer.from('"stream_options":{"include_usage":true},'),
      raw.subarray(open + 1),
    ]);
  }
  const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  const options = typeof streamOptions === 'object' && streamOptions !== null ? streamOptions : {};
  return Buffer.from(JSON.stringify({ ...body, stream_options: { ...options, include_usage: true } }));
}
