import { afterEach, describe, expect, it } from 'vitest';
import type { RunningService } from './http.js';
import { KOKORO_SAMPLE_RATE, startKokoro } from './kokoro.js';
import { captureLog, fetchErrorCode, postJson, tempStateDir } from './testing.js';
import { decodeWav } from './wav.js';

let service: RunningService | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

async function launch() {
  const state = tempStateDir();
  cleanup = state.cleanup;
  service = await startKokoro({
    stateDir: state.dir,
    port: 0,
    loadDelayMs: 150,
    tokenDelayMs: 1,
    log: captureLog(),
  });
  const base = `http://127.0.0.1:${service.port}`;
  return { base, stateDir: state.dir };
}

const speech = (base: string, body: Record<string, unknown>) =>
  postJson(`${base}/v1/audio/speech`, { model: 'kokoro', voice: 'af_heart', ...body });

describe('kokoro', () => {
  it('refuses connections while warming up, then serves health, models and voices', async () => {
    const { base } = await launch();
    expect(await fetchErrorCode(`${base}/health`)).toBe('ECONNREFUSED');
    await service?.ready;
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'healthy' });
    const models = (await (await fetch(`${base}/v1/models`)).json()) as {
      data: { id: string; owned_by: string }[];
    };
    expect(models.data.map((m) => m.id)).toEqual(['tts-1', 'tts-1-hd', 'kokoro', 'gpt-4o-mini-tts']);
    expect(models.data[0]?.owned_by).toBe('kokoro');
    const voices = (await (await fetch(`${base}/v1/audio/voices`)).json()) as {
      voices: { id: string; name: string }[];
    };
    expect(voices.voices).toContainEqual({ id: 'af_heart', name: 'af_heart' });
    const legacy = (await (await fetch(`${base}/v1/audio/voices?legacy=true`)).json()) as {
      voices: string[];
    };
    expect(legacy.voices).toContain('af_heart');
  });

  it('streams a valid 24 kHz mono WAV whose length grows with the text', async () => {
    const { base } = await launch();
    await service?.ready;
    const res = await speech(base, { input: 'Hello world. This is a test.', response_format: 'wav' });
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=speech.wav');
    const short = decodeWav(new Uint8Array(await res.arrayBuffer()));
    expect(short.sampleRate).toBe(KOKORO_SAMPLE_RATE);
    expect(short.channels).toHaveLength(1);
    const long = decodeWav(
      new Uint8Array(
        await (
          await speech(base, {
            input: 'Hello world. This is a test. '.repeat(3),
            response_format: 'wav',
            stream: false,
          })
        ).arrayBuffer(),
      ),
    );
    expect(long.channels[0]?.length).toBeGreaterThan(2.5 * (short.channels[0]?.length ?? 0));
    const fast = decodeWav(
      new Uint8Array(
        await (
          await speech(base, { input: 'Hello world. This is a test.', response_format: 'wav', speed: 2 })
        ).arrayBuffer(),
      ),
    );
    expect(fast.channels[0]?.length).toBeLessThan(0.6 * (short.channels[0]?.length ?? 0));
    const pcm = await speech(base, { input: 'Hello world. This is a test.', response_format: 'pcm' });
    expect(pcm.headers.get('content-type')).toBe('audio/pcm');
    expect((await pcm.arrayBuffer()).byteLength).toBe((short.channels[0]?.length ?? 0) * 2);
    const mp3 = await speech(base, { input: 'Hello.', voice: 'af_bella(2)+af_sky' });
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    expect(
      Buffer.from(await mp3.arrayBuffer())
        .subarray(0, 3)
        .toString('latin1'),
    ).toBe('ID3');
  });

  it('rejects bad models, unknown voices and out-of-range speed like Kokoro-FastAPI', async () => {
    const { base } = await launch();
    await service?.ready;
    const model = await speech(base, { input: 'x', model: 'whisper' });
    expect(model.status).toBe(400);
    expect(await model.json()).toMatchObject({
      detail: { error: 'invalid_model', type: 'invalid_request_error' },
    });
    const voice = await speech(base, { input: 'x', voice: 'zz_nobody' });
    expect(voice.status).toBe(400);
    expect(((await voice.json()) as { detail: { message: string } }).detail.message).toContain(
      "Voice 'zz_nobody' not found. Available voices:",
    );
    const speed = await speech(base, { input: 'x', speed: 5 });
    expect(speed.status).toBe(422);
    expect(((await speed.json()) as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual([
      'body',
      'speed',
    ]);
    expect((await speech(base, { input: 'x', voice: 'nova' })).status).toBe(200);
  });
});
