import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { DomainError } from '../services/domain-error.js';
import { multipartType, tooLarge } from './openai/request-body.js';
import type { AudioFile } from '../services/speech/audio-source.js';

/** A multipart audio upload spooled to disk, with its form fields. */
export interface AudioUpload {
  file: AudioFile;
  fields: ReadonlyMap<string, string>;
  /** Deletes the spooled file and frees the upload's slot; call it once the answer is computed. */
  dispose(): Promise<void>;
}

const malformed = () =>
  new DomainError('BAD_REQUEST', 'the multipart body is malformed', { openAiCode: 'invalid_multipart' });

/**
 * Audio uploads streamed into a spool directory instead of memory, at most `maxConcurrent` at a
 * time: one more is refused with 503 and Retry-After before a byte of it is read.
 */
export class AudioUploads {
  #active = 0;

  constructor(private readonly options: { dir: string; maxConcurrent: number }) {}

  get active(): number {
    return this.#active;
  }

  /** Empties the spool directory: files left there by a crash are nobody's. */
  async prepare(): Promise<void> {
    await rm(this.options.dir, { recursive: true, force: true });
    await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
  }

  async accept(request: Request, limit: number): Promise<AudioUpload> {
    if (this.#active >= this.options.maxConcurrent) {
      throw new DomainError(
        'UNAVAILABLE',
        `${this.options.maxConcurrent} audio uploads are being processed; try again shortly`,
        { openAiCode: 'uploads_busy', retryAfterSec: 10 },
      );
    }
    this.#active += 1;
    const path = join(this.options.dir, `${randomUUID()}.upload`);
    let disposed = false;
    const dispose = async () => {
      if (disposed) return;
      disposed = true;
      this.#active -= 1;
      await rm(path, { force: true });
    };
    try {
      return { ...(await spool(request, path, limit)), dispose };
    } catch (error) {
      await dispose();
      throw error;
    }
  }
}

/** Parses the multipart body as it arrives, writing the part named `file` to `path`. */
async function spool(
  request: Request,
  path: string,
  limit: number,
): Promise<{ file: AudioFile; fields: Map<string, string> }> {
  const type = multipartType(request);
  if (Number(request.headers.get('content-length') ?? Number.NaN) > limit) throw tooLarge(limit);
  if (!request.body) throw malformed();
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const fields = new Map<string, string>();
  let file: AudioFile | undefined;
  let written: Promise<void> | undefined;
  let overLimit = false;
  const parser = Busboy({
    headers: { 'content-type': type },
    limits: { files: 1, fileSize: limit, fields: 32, fieldSize: 4096, parts: 64 },
  });
  parser.on('file', (name, stream, filename, _encoding, mimeType) => {
    if (name !== 'file' || written) {
      stream.resume();
      return;
    }
    stream.once('limit', () => {
      overLimit = true;
      // Stop reading the rest of an upload that is too large anyway.
      source.destroy(tooLarge(limit));
    });
    file = { path, size: 0, name: filename || 'audio.wav', type: mimeType || 'audio/wav' };
    written = pipeline(stream, createWriteStream(path, { mode: 0o600 }));
  });
  parser.on('field', (name, value) => fields.set(name, value));
  try {
    await pipeline(source, parser);
    await written;
  } catch (error) {
    void written?.catch(() => undefined);
    if (overLimit) throw tooLarge(limit);
    if (error instanceof DomainError) throw error;
    throw malformed();
  }
  if (!file) {
    throw new DomainError('BAD_REQUEST', 'file: an audio file is required', {
      openAiCode: 'invalid_multipart',
    });
  }
  file.size = (await stat(path)).size;
  return { file, fields };
}
