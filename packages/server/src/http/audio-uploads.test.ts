import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../services/domain-error.js';
import { AudioUploads } from './audio-uploads.js';

const BOUNDARY = 'b0undary';
let dir: string;
let uploads: AudioUploads;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audio-uploads-'));
  uploads = new AudioUploads({ dir: join(dir, 'spool'), maxConcurrent: 2 });
  await uploads.prepare();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A multipart request whose file part is `megabytes` MB, produced chunk by chunk; `pulled` counts them. */
function request(megabytes: number, fields: Record<string, string> = {}, fileField = 'file') {
  const chunk = new Uint8Array(1024 * 1024).fill(1);
  const parts = [
    ...Object.entries(fields).map(
      ([name, value]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  ].join('');
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === 0) controller.enqueue(new TextEncoder().encode(parts));
      else if (state.pulled <= megabytes) controller.enqueue(chunk);
      else {
        controller.enqueue(new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
      }
      state.pulled += 1;
    },
  });
  const made = new Request('http://spark-control.invalid/', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: 'half',
  });
  return { request: made, state };
}

describe('AudioUploads', () => {
  it('spools the file part to disk with the form fields, and deletes it on dispose', async () => {
    const upload = await uploads.accept(request(2, { chunk_sec: '30' }).request, 10 * 1024 * 1024);
    expect(upload.file).toMatchObject({ name: 'a.wav', type: 'audio/wav', size: 2 * 1024 * 1024 });
    expect(upload.fields.get('chunk_sec')).toBe('30');
    expect((await readFile(upload.file.path)).every((byte) => byte === 1)).toBe(true);
    await upload.dispose();
    expect(existsSync(upload.file.path)).toBe(false);
    expect(uploads.active).toBe(0);
  });

  it('stops reading an upload past the limit: 413, nothing left on disk', async () => {
    const { request: tooBig, state } = request(64);
    const error = await uploads.accept(tooBig, 1024 * 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(413);
    expect(state.pulled).toBeLessThan(16);
    expect(await readdir(join(dir, 'spool'))).toEqual([]);
    expect(uploads.active).toBe(0);
  });

  it('answers 400 for a form without a file part', async () => {
    const error = await uploads
      .accept(request(1, {}, 'other').request, 10 * 1024 * 1024)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, message: 'file: an audio file is required' });
  });

  it('empties the spool directory a crash left behind', async () => {
    const upload = await uploads.accept(request(1).request, 10 * 1024 * 1024);
    await uploads.prepare();
    expect(existsSync(upload.file.path)).toBe(false);
    await upload.dispose();
  });
});
