import { afterEach, describe, expect, it } from 'vitest';
import { writeFaults } from '../faults.js';
import type { RunningService } from './http.js';
import { startParakeet } from './parakeet.js';
import { captureLog, tempStateDir } from './testing.js';
import { concatPcm, encodeWav, tone } from './wav.js';

const RATE = 16_000;
const loud = (s: number) => tone(RATE, s, 0.5);
const quiet = (s: number) => tone(RATE, s, 0);
/** 0.8 s speech, 0.4 s silence, 1.2 s speech (mono). */
const MONO = encodeWav({ sampleRate: RATE, channels: [concatPcm([loud(0.8), quiet(0.4), loud(1.2)])] });
/** Left channel speaks 0.8 s, then the right channel 0.8 s, then the left again 0.4 s. */
const STEREO = encodeWav({
  sampleRate: RATE,
  channels: [concatPcm([loud(0.8), quiet(0.8), loud(0.4)]), concatPcm([quiet(0.8), loud(0.8), quiet(0.4)])],
});

let service: RunningService | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

async function launch(loadDelayMs = 0) {
  const state = tempStateDir();
  cleanup = state.cleanup;
  service = await startParakeet({ stateDir: state.dir, port: 0, loadDelayMs, log: captureLog() });
  await service.ready;
  return { base: `http://127.0.0.1:${service.port}`, stateDir: state.dir };
}

function upload(path: string, audio: Uint8Array | undefined, fields: [string, string][] = []) {
  const form = new FormData();
  if (audio) form.append('file', new Blob([new Uint8Array(audio)], { type: 'audio/wav' }), 'a.wav');
  for (const [k, v] of fields) form.append(k, v);
  return (base: string) => fetch(`${base}${path}`, { method: 'POST', body: form });
}

describe('parakeet transcription', () => {
  it('derives words and segments from the audio, in every response format', async () => {
    const { base } = await launch();
    expect(await (await upload('/v1/audio/transcriptions', MONO)(base)).json()).toEqual({
      text: 'Alpha bravo. Charlie delta echo.',
    });
    const text = await upload('/v1/audio/transcriptions', MONO, [['response_format', 'text']])(base);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(await text.text()).toBe('Alpha bravo. Charlie delta echo.');
    const verbose = (await (
      await upload('/v1/audio/transcriptions', MONO, [
        ['response_format', 'verbose_json'],
        ['timestamp_granularities[]', 'word'],
        ['timestamp_granularities[]', 'segment'],
      ])(base)
    ).json()) as Record<string, unknown>;
    expect(verbose).toMatchObject({
      task: 'transcribe',
      language: 'en',
      duration: 2.4,
      text: 'Alpha bravo. Charlie delta echo.',
    });
    expect(verbose.segments).toMatchObject([
      { id: 0, start: 0, end: 0.8, text: 'Alpha bravo.', speaker: 'speaker_SPEAKER_00' },
      { id: 1, start: 1.2, end: 2.4, text: 'Charlie delta echo.', speaker: 'speaker_SPEAKER_00' },
    ]);
    expect(verbose.words).toEqual([
      { word: 'Alpha', start: 0, end: 0.4 },
      { word: 'bravo.', start: 0.4, end: 0.8 },
      { word: 'Charlie', start: 1.2, end: 1.6 },
      { word: 'delta', start: 1.6, end: 2 },
      { word: 'echo.', start: 2, end: 2.4 },
    ]);
    const noWords = (await (
      await upload('/v1/audio/transcriptions', MONO, [['response_format', 'verbose_json']])(base)
    ).json()) as Record<string, unknown>;
    expect(noWords).not.toHaveProperty('words');
    expect(
      await (await upload('/v1/audio/transcriptions', MONO, [['response_format', 'srt']])(base)).text(),
    ).toBe(
      '1\n00:00:00,000 --> 00:00:00,800\nAlpha bravo.\n\n2\n00:00:01,200 --> 00:00:02,400\nCharlie delta echo.\n',
    );
    const vtt = await (
      await upload('/v1/audio/transcriptions', MONO, [['response_format', 'vtt']])(base)
    ).text();
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:00.800\nAlpha bravo.\n')).toBe(true);
  });

  it('labels speakers by loudest channel, and not at all on /no_dia', async () => {
    const { base } = await launch();
    const diarized = (await (
      await upload('/v1/audio/transcriptions', STEREO, [
        ['response_format', 'verbose_json'],
        ['include_diarization_in_text', 'true'],
      ])(base)
    ).json()) as {
      segments: { speaker: string; text: string }[];
    };
    expect(diarized.segments.map((s) => s.speaker)).toEqual([
      'speaker_SPEAKER_00',
      'speaker_SPEAKER_01',
      'speaker_SPEAKER_00',
    ]);
    expect(diarized.segments.map((s) => s.text)).toEqual([
      'Speaker 1: Alpha bravo.',
      'Speaker 2: Charlie delta.',
      '1: Echo.',
    ]);
    const plain = (await (
      await upload('/no_dia/v1/audio/transcriptions', STEREO, [['response_format', 'verbose_json']])(base)
    ).json()) as { segments: object[] };
    expect(plain.segments[0]).not.toHaveProperty('speaker');
  });

  it('answers FastAPI errors: 422 without file, 415 for undecodable audio, 400 for a bad format, 503 while loading', async () => {
    const { base } = await launch();
    const missing = await upload('/v1/audio/transcriptions', undefined, [['model', 'whisper-1']])(base);
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual([
      'body',
      'file',
    ]);
    const garbage = await upload('/v1/audio/transcriptions', new TextEncoder().encode('not audio'))(base);
    expect(garbage.status).toBe(415);
    expect(await garbage.json()).toEqual({ detail: expect.stringContaining('undecodable') as string });
    expect((await upload('/v1/audio/transcriptions', MONO, [['response_format', 'xml']])(base)).status).toBe(
      400,
    );
    await service?.close();
    cleanup?.();
    const slow = await launch(5_000);
    expect(await (await fetch(`${slow.base}/health`)).json()).toMatchObject({
      status: 'ok',
      model_loaded: false,
    });
    const loading = await upload('/v1/audio/transcriptions', MONO)(slow.base);
    expect(loading.status).toBe(503);
    expect(await loading.json()).toEqual({
      detail: 'Model not loaded yet. Please try again in a few moments.',
    });
  });
});

describe('parakeet /diarize', () => {
  it('returns sorted SPEAKER_NN turns and enforces the speaker cap', async () => {
    const { base, stateDir } = await launch();
    expect(await (await upload('/diarize', STEREO)(base)).json()).toEqual({
      segments: [
        { start: 0, end: 0.8, speaker: 'SPEAKER_00' },
        { start: 0.8, end: 1.6, speaker: 'SPEAKER_01' },
        { start: 1.6, end: 2, speaker: 'SPEAKER_00' },
      ],
      num_speakers: 2,
    });
    const one = (await (await upload('/diarize', STEREO, [['max_speakers', '1']])(base)).json()) as {
      num_speakers: number;
      segments: { speaker: string }[];
    };
    expect(one.num_speakers).toBe(1);
    expect(new Set(one.segments.map((s) => s.speaker))).toEqual(new Set(['SPEAKER_00']));
    // The deployed diarizer's cap is 4 speakers.
    const tooMany = await upload('/diarize', STEREO, [['num_speakers', '5']])(base);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toEqual({ detail: 'num_speakers=5 exceeds the maximum of 4 speakers' });
    expect((await upload('/diarize', STEREO, [['num_speakers', '4']])(base)).status).toBe(200);
    writeFaults(stateDir, { http: { parakeet: { mode: 'status', status: 500, count: 1 } } });
    const failed = await upload('/diarize', STEREO)(base);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ detail: 'Simulated fault' });
  });
});
