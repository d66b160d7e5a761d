import diagnostics from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:net';
import { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';
import type { DiarizedTranscript, DiarizeResult } from './speech-service.js';
import { encodeWav } from './wav.js';

const RATE = 16_000;

/** Channels of `seconds` of audio; `parts` paint tones onto a channel between two times. */
function audio(
  channelCount: number,
  seconds: number,
  parts: { channel: number; from: number; to: number; amplitude: number; period: number; copyOf?: number }[],
): Buffer {
  const channels = Array.from({ length: channelCount }, () => new Int16Array(Math.round(seconds * RATE)));
  for (const part of parts) {
    const target = channels[part.channel]!;
    for (let i = Math.round(part.from * RATE); i < Math.round(part.to * RATE); i += 1) {
      const source =
        part.copyOf === undefined ? Math.sin(i / part.period) : channels[part.copyOf]![i]! / 32767;
      target[i] = Math.max(-32768, Math.min(32767, target[i]! + Math.round(part.amplitude * source)));
    }
  }
  return encodeWav({ sampleRate: RATE, channels });
}

const plain = (text: string) => text.toLowerCase().replace(/[^a-z ]/g, '');

describe('speech routes against the simulated parakeet', () => {
  let sim: SimFixture;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;
  const hostsCalled = new Set<string>();
  let upstreamRequests = 0;
  // Every request the gateway's upstream client (undici) sends; the test's own calls to the gateway are not counted.
  const onRequest = (message: unknown) => {
    const origin = String((message as { request: { origin: string | URL } }).request.origin);
    if (origin === g?.base) return;
    upstreamRequests += 1;
    hostsCalled.add(new URL(origin).hostname);
  };

  const upload = async (path: string, file: Buffer, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('file', new Blob([file], { type: 'audio/wav' }), 'talk.wav');
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return fetch(`${g.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: form,
    });
  };

  beforeAll(async () => {
    fixture = await startSimGateway({ sim: { services: true, loadDelayMs: 200 } });
    ({ sim, g } = fixture);
    diagnostics.subscribe('undici:request:create', onRequest);
    // parakeet answers 503 until its model is loaded
    for (let tries = 0; (await upload('/api/audio/diarize', audio(1, 0.4, []))).status !== 200; tries += 1) {
      if (tries > 100) throw new Error('parakeet never loaded');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120_000);
  afterAll(async () => {
    diagnostics.unsubscribe('undici:request:create', onRequest);
    await fixture?.close();
  });

  // A 0–5 s, B 5–9 s, C 9–16 s, each on its own channel (the simulated diarizer's speaker).
  const threeSpeakers = audio(3, 16, [
    { channel: 0, from: 0, to: 5.2, amplitude: 6000, period: 5 },
    { channel: 1, from: 5.2, to: 8.8, amplitude: 6000, period: 4 },
    { channel: 2, from: 8.8, to: 16, amplitude: 6000, period: 3 },
  ]);

  it('diarizes long audio in overlapping windows with labels stitched across them', async () => {
    const whole = await upload('/api/audio/diarize', threeSpeakers);
    expect(whole.status).toBe(200);
    const wholeBody = (await whole.json()) as DiarizeResult;
    const chunked = await upload('/api/audio/diarize', threeSpeakers, { chunk_sec: '6', overlap_sec: '2' });
    expect(chunked.status).toBe(200);
    const body = (await chunked.json()) as DiarizeResult;
    expect(body.chunks).toBe(4);
    expect(body.num_speakers).toBe(3);
    expect(body.segments).toEqual([
      { start: 0, end: 5.2, speaker: 'SPEAKER_00' },
      { start: 5.2, end: 8.8, speaker: 'SPEAKER_01' },
      { start: 8.8, end: 16, speaker: 'SPEAKER_02' },
    ]);
    expect(body.segments).toEqual(wholeBody.segments);
  });

  // Six voices one after the other, one second each: more than the diarizer separates.
  const sixSpeakers = audio(
    6,
    6,
    [0, 1, 2, 3, 4, 5].map((channel) => ({
      channel,
      from: channel,
      to: channel + 1,
      amplitude: 6000,
      period: 2 + channel,
    })),
  );

  it('caps a request for more speakers than the diarizer separates, with a note', async () => {
    const plainRequest = (await (await upload('/api/audio/diarize', threeSpeakers)).json()) as DiarizeResult;
    expect(plainRequest).toMatchObject({ num_speakers: 3, speaker_cap: 4, notes: [] });

    const response = await upload('/api/audio/diarize', sixSpeakers, { num_speakers: '6' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as DiarizeResult;
    expect(body.num_speakers).toBe(4);
    expect(body.speaker_cap).toBe(4);
    expect(body.notes).toEqual([expect.stringMatching(/^num_speakers: 6 capped to 4, the most speakers/)]);
    // The fifth and sixth voices share the last label.
    expect(body.segments.map((turn) => turn.speaker)).toEqual([
      'SPEAKER_00',
      'SPEAKER_01',
      'SPEAKER_02',
      'SPEAKER_03',
    ]);
    // (the simulated diarizer works in 0.4 s steps)
    expect(body.segments.at(-1)?.start).toBeCloseTo(3, 0);
    expect(body.segments.at(-1)?.end).toBe(6);

    const maxOnly = (await (
      await upload('/api/audio/diarize', sixSpeakers, { max_speakers: '8', chunk_sec: '3', overlap_sec: '1' })
    ).json()) as DiarizeResult;
    expect(maxOnly.num_speakers).toBe(4);
    expect(maxOnly.notes).toEqual([expect.stringMatching(/^max_speakers: 8 capped to 4/)]);

    const transcript = (await (
      await upload('/api/audio/transcribe-diarized', sixSpeakers, { max_speakers: '5' })
    ).json()) as DiarizedTranscript;
    expect(transcript.speakers).toHaveLength(4);
    expect(transcript.notes).toEqual([expect.stringMatching(/^max_speakers: 5 capped to 4/)]);
  });

  it('refuses more speakers than the cap when the caller insists, before any audio leaves', async () => {
    for (const path of ['/api/audio/diarize', '/api/audio/transcribe-diarized']) {
      const before = upstreamRequests;
      const refused = await upload(path, sixSpeakers, { num_speakers: '6', strict_speakers: 'true' });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^num_speakers: 6 is more speakers than the diarizer separates \(at most 4\)/,
      );
      expect(upstreamRequests).toBe(before);
    }
    const within = await upload('/api/audio/diarize', threeSpeakers, {
      num_speakers: '3',
      strict_speakers: 'true',
    });
    expect(within.status).toBe(200);
  });

  it('validates the diarize fields', async () => {
    const strictWord = await upload('/api/audio/diarize', threeSpeakers, { strict_speakers: 'yes' });
    expect(strictWord.status).toBe(400);
    expect(((await strictWord.json()) as { error: { message: string } }).error.message).toBe(
      'strict_speakers: must be true or false',
    );
    const crossed = await upload('/api/audio/diarize', threeSpeakers, {
      min_speakers: '3',
      max_speakers: '2',
    });
    expect(crossed.status).toBe(400);
    expect(((await crossed.json()) as { error: { message: string } }).error.message).toBe(
      'min_speakers: must not exceed max_speakers',
    );
    const capped = (await (
      await upload('/api/audio/diarize', threeSpeakers, { max_speakers: '2' })
    ).json()) as DiarizeResult;
    expect(capped.num_speakers).toBe(2);
    const bad = await upload('/api/audio/diarize', threeSpeakers, { chunk_sec: 'long' });
    expect(bad.status).toBe(400);
    const notWav = await upload('/api/audio/diarize', Buffer.from('ID3 not a wav'), { chunk_sec: '5' });
    expect(notWav.status).toBe(415);
    const malformed = await fetch(`${g.base}/api/audio/diarize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  // Two speakers on two channels: local 0–1.2 s, remote 1.6–2.4 s, local again 2.8–3.2 s.
  const conversation = audio(2, 3.6, [
    { channel: 0, from: 0, to: 1.2, amplitude: 6000, period: 5 },
    { channel: 1, from: 1.6, to: 2.4, amplitude: 6000, period: 4 },
    { channel: 0, from: 2.8, to: 3.2, amplitude: 6000, period: 5 },
  ]);

  it('merges transcript words with diarizer speakers by time overlap', async () => {
    const response = await upload('/api/audio/transcribe-diarized', conversation);
    expect(response.status).toBe(200);
    const body = (await response.json()) as DiarizedTranscript;
    expect(body.mode).toBe('diarized');
    expect(body.speakers).toEqual(['SPEAKER_00', 'SPEAKER_01']);
    expect(body.utterances.map((u) => [u.speaker, plain(u.text)])).toEqual([
      ['SPEAKER_00', 'alpha bravo charlie'],
      ['SPEAKER_01', 'delta echo'],
      ['SPEAKER_00', 'foxtrot'],
    ]);
    expect(body.words).toHaveLength(6);
  });

  // Local mic: its own word at 0–0.4 s; remote bleed alone at 0.8–1.2 s; a quiet local word under
  // loud remote bleed at 1.6–2.0 s. Remote channel: loud at 0.8–1.2 s and 1.6–2.0 s.
  const call = audio(2, 2.4, [
    { channel: 0, from: 0, to: 0.4, amplitude: 5000, period: 2.3 },
    { channel: 1, from: 0.8, to: 1.2, amplitude: 8000, period: 5 },
    { channel: 1, from: 1.6, to: 2.0, amplitude: 8000, period: 5 },
    { channel: 0, from: 0.8, to: 2.0, amplitude: 0.2 * 32767, period: 1, copyOf: 1 },
    { channel: 0, from: 1.6, to: 2.0, amplitude: 1000, period: 2.3 },
  ]);

  it('transcribes dual-channel audio per channel: bleed dropped, a quiet local word under loud bleed kept', async () => {
    const response = await upload('/api/audio/transcribe-diarized', call, { channels: 'dual' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as DiarizedTranscript;
    expect(body.mode).toBe('dual-channel');
    const labelled = body.words.map((word) => `${word.speaker}@${word.start}`);
    expect(labelled.sort()).toEqual(['local@0', 'local@1.6', 'remote@0.8', 'remote@1.6']);
    // The loudest-channel diarizer alone would have given that moment to the remote side.
    const mixed = (await (await upload('/api/audio/transcribe-diarized', call)).json()) as DiarizedTranscript;
    expect(mixed.words.filter((word) => word.start === 1.6).map((word) => word.speaker)).toEqual([
      'SPEAKER_01',
    ]);
  });

  it('rejects dual-channel mode for audio without two channels', async () => {
    const response = await upload('/api/audio/transcribe-diarized', threeSpeakers, { channels: 'dual' });
    expect(response.status).toBe(400);
  });

  it('sends audio only to the configured Spark', async () => {
    const sparkHost = sim.cluster.sparks[1]!.host;
    await g.client.audio.transcriptions.create({
      file: await toFile(conversation, 'talk.wav', { type: 'audio/wav' }),
      model: 'whisper-1',
    });
    expect(hostsCalled.size).toBeGreaterThan(0);
    expect([...hostsCalled]).toEqual([sparkHost]);

    // With the stt role gone, an "http" service named parakeet on another host gets nothing.
    const strangerHost = sparkHost.replace(/\.\d+$/, '.200');
    let connections = 0;
    const stranger: Server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => stranger.listen(0, strangerHost, resolve));
    const port = (stranger.address() as { port: number }).port;
    g.overrides.settings = (settings) => ({
      ...settings,
      sparks: settings.sparks.map((spark, index) =>
        index === 1 ? { ...spark, roles: spark.roles.filter((role) => role !== 'stt') } : spark,
      ),
      customServices: [
        { id: 'parakeet', label: '', kind: 'http', host: strangerHost, port, path: '/health' },
      ],
    });
    try {
      const response = await upload('/api/audio/transcribe-diarized', conversation);
      expect(response.status).toBe(503);
      const viaSdk = await g.client.audio.transcriptions
        .create({ file: await toFile(conversation, 'talk.wav', { type: 'audio/wav' }), model: 'whisper-1' })
        .catch((caught: unknown) => caught as { status: number });
      expect((viaSdk as { status: number }).status).toBe(503);
      expect(connections).toBe(0);
    } finally {
      g.overrides.settings = undefined;
      await new Promise<void>((resolve) => stranger.close(() => resolve()));
    }
  });

  describe('uploads', () => {
    const hang = async (timeoutSec: number) => {
      g.overrides.gateway = { upstreamTimeoutSec: timeoutSec };
      await sim.cluster.control.setFaults(sim.cluster.sparks[1]!.id, {
        http: { parakeet: { mode: 'hang' } },
      });
    };
    const heal = async () => {
      g.overrides.gateway = {};
      await sim.cluster.control.setFaults(sim.cluster.sparks[1]!.id, {});
    };

    /** A multipart upload of `megabytes` MB generated as it is sent, so the test holds none of it. */
    const streamedUpload = (megabytes: number) => {
      const boundary = 'sparkcontrolboundary';
      const chunk = new Uint8Array(1024 * 1024).fill(7);
      let sent = -1;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === -1) {
            controller.enqueue(
              new TextEncoder().encode(
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
              ),
            );
          } else if (sent < megabytes) {
            controller.enqueue(chunk);
          } else {
            controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
            controller.close();
          }
          sent += 1;
        },
      });
      return fetch(`${g.base}/api/audio/diarize`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_TOKEN}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
        duplex: 'half',
      });
    };

    it('streams a long upload through a spool file: the server never holds it in memory', async () => {
      await hang(1);
      try {
        const baseline = process.memoryUsage();
        let peak = 0;
        const sampler = setInterval(() => {
          const now = process.memoryUsage();
          peak = Math.max(
            peak,
            now.arrayBuffers - baseline.arrayBuffers + (now.heapUsed - baseline.heapUsed),
          );
        }, 5);
        const response = await streamedUpload(256);
        clearInterval(sampler);
        // The hung parakeet got the upload streamed to it and never answered.
        expect(response.status).toBe(504);
        expect(peak).toBeLessThan(64 * 1024 * 1024);
      } finally {
        await heal();
      }
    });

    it('takes two uploads at a time and refuses a third with 503 and Retry-After, reading none of it', async () => {
      await hang(2);
      try {
        const small = audio(1, 0.4, []);
        const running = [upload('/api/audio/diarize', small), upload('/api/audio/diarize', small)];
        for (let tries = 0; g.uploads.active < 2 && tries < 200; tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const refused = await upload('/api/audio/diarize', small);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('10');
        expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
          /2 audio uploads are being processed/,
        );
        expect((await Promise.all(running)).map((response) => response.status)).toEqual([504, 504]);
        expect(g.uploads.active).toBe(0);
      } finally {
        await heal();
      }
      expect((await upload('/api/audio/diarize', audio(1, 0.4, []))).status).toBe(200);
    });
  });
});
