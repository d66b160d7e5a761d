/** PCM16 WAV, the one audio format the gateway itself cuts (chunked diarization, dual channel). */
export interface PcmAudio {
  sampleRate: number;
  /** One Int16Array per channel. */
  channels: Int16Array[];
}

export class WavError extends Error {}

export function durationOf(audio: PcmAudio): number {
  return (audio.channels[0]?.length ?? 0) / audio.sampleRate;
}

export function decodeWav(bytes: Uint8Array): PcmAudio {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavError('not a RIFF/WAVE file');
  }
  let offset = 12;
  let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
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
      if (format.code !== 1 || format.bits !== 16) throw new WavError('only 16-bit PCM WAV is supported');
      if (format.channels < 1 || format.sampleRate < 1)
        throw new WavError('bad channel count or sample rate');
      const end = Math.min(buf.length, body + size);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const channels = Array.from({ length: format.channels }, () => new Int16Array(frames));
      for (let frame = 0; frame < frames; frame += 1) {
        for (let channel = 0; channel < format.channels; channel += 1) {
          channels[channel]![frame] = buf.readInt16LE(body + (frame * format.channels + channel) * 2);
        }
      }
      return { sampleRate: format.sampleRate, channels };
    }
    offset = body + size + (size % 2);
  }
  throw new WavError('no data chunk');
}

export function encodeWav(audio: PcmAudio): Buffer {
  const channelCount = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const dataBytes = frames * channelCount * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(channelCount, 22);
  out.writeUInt32LE(audio.sampleRate, 24);
  out.writeUInt32LE(audio.sampleRate * channelCount * 2, 28);
  out.writeUInt16LE(channelCount * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let frame = 0; frame < frames; frame += 1) {
    audio.channels.forEach((channel, index) => {
      out.writeInt16LE(channel[frame] ?? 0, 44 + (frame * channelCount + index) * 2);
    });
  }
  return out;
}

/** The audio between two times (seconds), every channel. */
export function sliceAudio(audio: PcmAudio, startSec: number, endSec: number): PcmAudio {
  const from = Math.max(0, Math.round(startSec * audio.sampleRate));
  const to = Math.round(endSec * audio.sampleRate);
  return { sampleRate: audio.sampleRate, channels: audio.channels.map((channel) => channel.slice(from, to)) };
}

export function channelOf(audio: PcmAudio, index: number): PcmAudio {
  const channel = audio.channels[index];
  if (!channel) throw new WavError(`the audio has no channel ${index + 1}`);
  return { sampleRate: audio.sampleRate, channels: [channel] };
}
