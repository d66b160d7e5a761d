import { open } from 'node:fs/promises';

/** PCM16 WAV, the one audio format the gateway itself cuts (chunked diarization, dual channel). */
export interface PcmAudio {
  sampleRate: number;
  /** One Int16Array per channel. */
  channels: Int16Array[];
}

export class WavError extends Error {}

/** Where the samples of a PCM16 WAV file are: read from its header, never loading the samples. */
export interface WavLayout {
  sampleRate: number;
  channels: number;
  /** Byte offset of the first sample. */
  dataOffset: number;
  frames: number;
}

const HEADER_BYTES = 44;

/** Bytes per frame (one sample of every channel). */
export const frameBytes = (layout: Pick<WavLayout, 'channels'>) => 2 * layout.channels;

export function durationOf(layout: WavLayout): number {
  return layout.frames / layout.sampleRate;
}

/** Reads the chunk list of a RIFF/WAVE file up to its `data` chunk; only 16-bit PCM is accepted. */
export async function readWavLayout(path: string): Promise<WavLayout> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const riff = await read(0, 12);
    if (
      riff.length < 12 ||
      riff.toString('ascii', 0, 4) !== 'RIFF' ||
      riff.toString('ascii', 8, 12) !== 'WAVE'
    ) {
      throw new WavError('not a RIFF/WAVE file');
    }
    let offset = 12;
    let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
    while (offset + 8 <= size) {
      const head = await read(offset, 8);
      const id = head.toString('ascii', 0, 4);
      const chunkSize = head.readUInt32LE(4);
      const body = offset + 8;
      if (id === 'fmt ') {
        const fmt = await read(body, 16);
        if (chunkSize < 16 || fmt.length < 16) throw new WavError('truncated fmt chunk');
        format = {
          code: fmt.readUInt16LE(0),
          channels: fmt.readUInt16LE(2),
          sampleRate: fmt.readUInt32LE(4),
          bits: fmt.readUInt16LE(14),
        };
      } else if (id === 'data') {
        if (!format) throw new WavError('data chunk before fmt chunk');
        if (format.code !== 1 || format.bits !== 16) throw new WavError('only 16-bit PCM WAV is supported');
        if (format.channels < 1 || format.sampleRate < 1)
          throw new WavError('bad channel count or sample rate');
        // A recorder that never finished the header writes a bogus size: the file's end bounds it.
        const dataBytes = Math.min(chunkSize, size - body);
        return {
          sampleRate: format.sampleRate,
          channels: format.channels,
          dataOffset: body,
          frames: Math.floor(dataBytes / frameBytes(format)),
        };
      }
      offset = body + chunkSize + (chunkSize % 2);
    }
    throw new WavError('no data chunk');
  } finally {
    await file.close();
  }
}

/** The 44-byte header of a PCM16 WAV holding `frames` frames. */
export function wavHeader(sampleRate: number, channels: number, frames: number): Buffer {
  const dataBytes = frames * channels * 2;
  const out = Buffer.alloc(HEADER_BYTES);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels * 2, 28);
  out.writeUInt16LE(channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  return out;
}

/** A whole PCM16 WAV in memory (tests, short clips). */
export function encodeWav(audio: PcmAudio): Buffer {
  const channelCount = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const out = Buffer.alloc(HEADER_BYTES + frames * channelCount * 2);
  wavHeader(audio.sampleRate, channelCount, frames).copy(out);
  for (let frame = 0; frame < frames; frame += 1) {
    audio.channels.forEach((channel, index) => {
      out.writeInt16LE(channel[frame] ?? 0, HEADER_BYTES + (frame * channelCount + index) * 2);
    });
  }
  return out;
}

/** The frames `[from, to)` of every channel, read from the file. */
export async function readFrames(
  path: string,
  layout: WavLayout,
  from: number,
  to: number,
): Promise<PcmAudio> {
  const start = Math.max(0, Math.min(from, layout.frames));
  const end = Math.max(start, Math.min(to, layout.frames));
  const bytes = Buffer.alloc((end - start) * frameBytes(layout));
  const file = await open(path, 'r');
  try {
    await file.read(bytes, 0, bytes.length, layout.dataOffset + start * frameBytes(layout));
  } finally {
    await file.close();
  }
  const channels = Array.from({ length: layout.channels }, () => new Int16Array(end - start));
  for (let frame = 0; frame < end - start; frame += 1) {
    for (let channel = 0; channel < layout.channels; channel += 1) {
      channels[channel]![frame] = bytes.readInt16LE((frame * layout.channels + channel) * 2);
    }
  }
  return { sampleRate: layout.sampleRate, channels };
}
