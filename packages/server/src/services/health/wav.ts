/** A mono 16-bit PCM WAV of a quiet tone: the audio of the transcription deep check. */
export function toneWav(options: { seconds: number; sampleRate?: number; frequency?: number }): Uint8Array {
  const sampleRate = options.sampleRate ?? 16_000;
  const frequency = options.frequency ?? 440;
  const samples = Math.round(options.seconds * sampleRate);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i += 1) {
    buffer.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * frequency * i) / sampleRate)), 44 + i * 2);
  }
  return new Uint8Array(buffer);
}
