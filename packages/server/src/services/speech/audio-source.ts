import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { frameBytes, wavHeader, type WavLayout } from './wav.js';

/** An uploaded audio file, spooled to disk: the gateway never holds it in memory. */
export interface AudioFile {
  path: string;
  size: number;
  name: string;
  type: string;
}

/** Audio to send on: its size, and a fresh stream of its bytes each time it is opened. */
export interface AudioSource {
  name: string;
  type: string;
  size: number;
  open(): Readable;
}

export function fileSource(file: AudioFile): AudioSource {
  return { name: file.name, type: file.type, size: file.size, open: () => createReadStream(file.path) };
}

function dataRange(path: string, layout: WavLayout, from: number, to: number): Readable {
  const start = layout.dataOffset + from * frameBytes(layout);
  const end = layout.dataOffset + to * frameBytes(layout);
  return end > start ? createReadStream(path, { start, end: end - 1 }) : Readable.from([]);
}

/** The frames `[from, to)` of a PCM16 WAV file as a WAV of their own. */
export function windowSource(path: string, layout: WavLayout, from: number, to: number): AudioSource {
  const frames = Math.max(0, to - from);
  return {
    name: 'chunk.wav',
    type: 'audio/wav',
    size: 44 + frames * frameBytes(layout),
    open: () =>
      prefixed(wavHeader(layout.sampleRate, layout.channels, frames), dataRange(path, layout, from, to)),
  };
}

/** One channel of a PCM16 WAV file as a mono WAV, picked out of the interleaved frames as they stream. */
export function channelSource(path: string, layout: WavLayout, channel: number): AudioSource {
  const width = frameBytes(layout);
  const pick = () => {
    let rest = Buffer.alloc(0);
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
        const frames = Math.floor(data.length / width);
        const out = Buffer.alloc(frames * 2);
        for (let frame = 0; frame < frames; frame += 1) {
          const at = frame * width + channel * 2;
          out[frame * 2] = data[at] ?? 0;
          out[frame * 2 + 1] = data[at + 1] ?? 0;
        }
        rest = Buffer.from(data.subarray(frames * width));
        callback(null, out);
      },
    });
  };
  return {
    name: `channel-${channel + 1}.wav`,
    type: 'audio/wav',
    size: 44 + layout.frames * 2,
    open: () =>
      prefixed(
        wavHeader(layout.sampleRate, 1, layout.frames),
        dataRange(path, layout, 0, layout.frames).pipe(pick()),
      ),
  };
}

function prefixed(head: Buffer, rest: Readable): Readable {
  return Readable.from(
    (async function* () {
      yield head;
      yield* rest;
    })(),
  );
}

/** A multipart/form-data body streamed from `file`, with its exact length (uploads need no chunked encoding). */
export function multipartBody(
  fields: readonly (readonly [string, string])[],
  file: AudioSource,
): { contentType: string; length: number; open: () => Readable } {
  const boundary = `----spark-control-${randomBytes(12).toString('hex')}`;
  const quoted = (value: string) => value.replace(/["\r\n\\]/g, '_');
  const head = Buffer.from(
    [
      ...fields.map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`,
      ),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(file.name)}"\r\nContent-Type: ${quoted(file.type)}\r\n\r\n`,
    ].join(''),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.size + tail.length,
    open: () =>
      Readable.from(
        (async function* () {
          yield head;
          yield* file.open();
          yield tail;
        })(),
      ),
  };
}
