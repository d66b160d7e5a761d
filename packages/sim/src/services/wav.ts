/** Minimal PCM16 WAV codec shared by the speech simulators and their tests. */

export interface PcmAudio {
  sampleRate: number;
  /** One Int16Array per channel. */
  channels: Int16Array[];
}

export class WavError extends Error {}

export function wavHeader(sampleRate: number, channelCount: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channelCount, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channelCount * 2, 28);
  header.writeUInt16LE(channelCount * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Interleaves channels into little-endian PCM16 bytes (no header). */
export function pcmBytes(channels: Int16Array[]): Buffer {
  const frames = channels[0]?.length ?? 0;
  const out = Buffer.alloc(frames * channels.length * 2);
  for (let f = 0; f < frames; f += 1)
    channels.forEach((channel, c) => out.writeInt16LE(channel[f] ?? 0, (f * channels.length + c) * 2));
  return out;
}

export function encodeWav(audio: PcmAudio): Buffer {
  const data = pcmBytes(audio.channels);
  return Buffer.concat([wavHeader(audio.sampleRate, audio.channels.length, data.length), data]);
}

/** Parses a RIFF/WAVE file with 16-bit PCM; throws WavError for anything else. */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    throw new WavError('not a RIFF/WAVE file');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > buf.length) throw new WavError('truncated fmt chunk');
      format = {
        code: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new WavError('data chunk before fmt chunk');
      if (format.code !== 1 || format.bits !== 16 || format.channels < 1 || format.sampleRate < 1)
        throw new WavError(`unsupported WAV encoding (format ${format.code}, ${format.bits} bits)`);
      const end = Math.min(buf.length, body + size);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const channels = Array.from({ length: format.channels }, () => new Int16Array(frames));
      for (let f = 0; f < frames; f += 1)
        for (let c = 0; c < format.channels; c += 1)
          (channels[c] as Int16Array)[f] = buf.readInt16LE(body + (f * format.channels + c) * 2);
      return { sampleRate: format.sampleRate, channels };
    }
    offset = body + size + (size % 2);
  }
  throw new WavError('no data chunk');
}

/** A test/fixture helper: a tone of `seconds` at `amplitude` (0 = silence) on the given channel. */
export function tone(sampleRate: number, seconds: number, amplitude: number, frequency = 220): Int16Array {
  const out = new Int16Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i += 1)
    out[i] = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
  return out;
}

export function concatPcm(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
