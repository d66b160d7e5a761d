import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import { DomainError } from '../../services/domain-error.js';

export const JSON_LIMIT = 16 * 1024 * 1024;
/** OpenAI's own limit for audio uploads. */
export const AUDIO_LIMIT = 25 * 1024 * 1024;

export function tooLarge(limit: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `body must be at most ${limit} bytes`);
}

/**
 * A whole JSON request body as bytes: 415 for another content type, 413 above `limit`. Read from
 * node's request when the server hands it over (no web Request is built), else from the web Request.
 */
export async function jsonBytes(request: Request | IncomingMessage, limit = JSON_LIMIT): Promise<Buffer> {
  const type =
    (request instanceof Request ? request.headers.get('content-type') : request.headers['content-type']) ??
    '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'body must be JSON (Content-Type: application/json)');
  }
  return request instanceof Request ? readBytes(request, limit) : readNodeBytes(request, limit);
}

async function readNodeBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? Number.NaN) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The multipart boundary, or 415 when the body is not multipart/form-data. */
export function multipartType(request: Request): string {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'body must be multipart/form-data with a boundary');
  }
  return type;
}

/** The request body as a node stream that fails with 413 past `limit` (checked up front when declared). */
export function limitedStream(request: Request, limit: number): Readable {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return Readable.from([]);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) callback(tooLarge(limit));
      else callback(null, chunk);
    },
  });
  return Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(counter);
}
