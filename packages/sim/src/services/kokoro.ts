import type { ServerResponse } from 'node:http';
import { Hono } from 'hono';
import {
  consoleLog,
  faultMiddleware,
  jsonResponse,
  serveApp,
  sleep,
  streamRaw,
  type Env,
  type RunningService,
  type ServiceOptions,
} from './http.js';
import { fnv1a } from './reply.js';
import { pcmBytes, wavHeader } from './wav.js';

export const KOKORO_SAMPLE_RATE = 24_000;
/** Simulated speaking rate at speed 1.0. */
export const SECONDS_PER_CHAR = 0.06;
export const KOKORO_MODELS = ['tts-1', 'tts-1-hd', 'kokoro', 'gpt-4o-mini-tts'];
export const KOKORO_VOICES = [
  'af_alloy',
  'af_bella',
  'af_heart',
  'af_nicole',
  'af_sarah',
  'af_sky',
  'am_adam',
  'am_echo',
  'am_michael',
  'bf_emma',
  'bf_isabella',
  'bm_george',
  'bm_lewis',
];
const OPENAI_VOICES: Record<string, string> = {
  alloy: 'am_adam',
  ash: 'af_nicole',
  coral: 'af_sky',
  echo: 'af_bella',
  fable: 'af_sarah',
  onyx: 'bm_george',
  nova: 'bf_isabella',
  sage: 'am_michael',
  shimmer: 'af_heart',
};
const CONTENT_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
};
/** Leading bytes of the placeholder bodies for compressed formats (not decodable audio). */
const MAGIC: Record<string, Buffer> = {
  mp3: Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
  opus: Buffer.from('OggS\x00\x02', 'latin1'),
  aac: Buffer.from([0xff, 0xf1, 0x50, 0x80]),
  flac: Buffer.from('fLaC', 'latin1'),
};

const kokoroError = (status: number, error: string, message: string, type = 'invalid_request_error') =>
  jsonResponse(status, { detail: { error, message, type } });

/** Resolves `af_bella(2)+af_sky-am_adam` or an OpenAI alias; returns the unknown voice name on failure. */
export function resolveVoice(voice: string): { ok: true; voices: string[] } | { ok: false; unknown: string } {
  const parts = voice.split(/[+-]/).map((p) => p.trim().replace(/\(\s*[\d.]+\s*\)$/, ''));
  const resolved: string[] = [];
  for (const part of parts) {
    const name = OPENAI_VOICES[part] ?? part;
    if (!KOKORO_VOICES.includes(name)) return { ok: false, unknown: part };
    resolved.push(name);
  }
  return { ok: true, voices: resolved };
}

/** Sentences: the unit Kokoro streams one piece at a time. */
export const splitSentences = (text: string) =>
  text.match(/[^.!?]+[.!?]*\s*/g)?.filter((s) => s.trim()) ?? [];

/** Deterministic speech-like PCM for one sentence: a voice-dependent tone, length proportional to the text. */
export function synthesize(sentence: string, voice: string, speed: number, volume: number): Int16Array {
  const samples = Math.max(
    1,
    Math.round((sentence.trim().length * SECONDS_PER_CHAR * KOKORO_SAMPLE_RATE) / speed),
  );
  const frequency = 120 + (fnv1a(voice) % 160);
  const out = new Int16Array(samples);
  const amplitude = Math.min(1, 0.3 * volume) * 32767;
  for (let i = 0; i < samples; i += 1)
    out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * frequency * i) / KOKORO_SAMPLE_RATE));
  return out;
}

function encodePiece(format: string, pcm: Int16Array): Buffer {
  const bytes = pcmBytes([pcm]);
  if (format === 'wav' || format === 'pcm') return bytes;
  // Placeholder for compressed formats: about 1/8 of the PCM size, zero-filled.
  return Buffer.alloc(Math.max(1, Math.floor(bytes.length / 8)));
}

export function kokoroApp(stateDir: string, pieceDelayMs: number): Hono<Env> {
  const app = new Hono<Env>();
  app.use(
    faultMiddleware('kokoro', stateDir, (status) =>
      kokoroError(status, 'server_error', 'Simulated fault', 'server_error'),
    ),
  );
  app.notFound(() => jsonResponse(404, { detail: 'Not Found' }));
  app.get('/health', (c) => c.json({ status: 'healthy' }));
  app.get('/v1/models', (c) =>
    c.json({
      object: 'list',
      data: KOKORO_MODELS.map((id) => ({ id, object: 'model', created: 1_686_935_002, owned_by: 'kokoro' })),
    }),
  );
  app.get('/v1/audio/voices', (c) =>
    c.json({
      voices:
        c.req.query('legacy') === 'true' ? KOKORO_VOICES : KOKORO_VOICES.map((id) => ({ id, name: id })),
    }),
  );
  app.post('/v1/audio/speech', async (c) => {
    let body: Record<string, unknown>;
    try {
      body = await c.req.json();
    } catch {
      return jsonResponse(422, {
        detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} }],
      });
    }
    if (typeof body.input !== 'string')
      return jsonResponse(422, {
        detail: [{ type: 'missing', loc: ['body', 'input'], msg: 'Field required', input: body }],
      });
    const model = body.model ?? 'kokoro';
    if (typeof model !== 'string' || !KOKORO_MODELS.includes(model))
      return kokoroError(400, 'invalid_model', `Unsupported model: ${JSON.stringify(model)}`);
    const format = typeof body.response_format === 'string' ? body.response_format : 'mp3';
    if (!(format in CONTENT_TYPES))
      return jsonResponse(422, {
        detail: [
          {
            type: 'literal_error',
            loc: ['body', 'response_format'],
            msg: "Input should be 'mp3', 'opus', 'aac', 'flac', 'wav' or 'pcm'",
            input: format,
          },
        ],
      });
    const speed = body.speed ?? 1.0;
    if (typeof speed !== 'number' || speed < 0.25 || speed > 4.0)
      return jsonResponse(422, {
        detail: [
          {
            type: typeof speed === 'number' && speed > 4 ? 'less_than_equal' : 'greater_than_equal',
            loc: ['body', 'speed'],
            msg:
              typeof speed === 'number' && speed > 4
                ? 'Input should be less than or equal to 4'
                : 'Input should be greater than or equal to 0.25',
            input: speed,
          },
        ],
      });
    const voiceName = typeof body.voice === 'string' ? body.voice : 'af_heart';
    const voice = resolveVoice(voiceName);
    if (!voice.ok)
      return kokoroError(
        400,
        'validation_error',
        `Voice '${voice.unknown}' not found. Available voices: ${KOKORO_VOICES.join(', ')}`,
      );
    const volume = typeof body.volume_multiplier === 'number' ? body.volume_multiplier : 1.0;
    const pieces = splitSentences(body.input).map((s) =>
      encodePiece(format, synthesize(s, voice.voices.join('+'), speed, volume)),
    );
    const dataBytes = pieces.reduce((n, p) => n + p.length, 0);
    const head =
      format === 'wav' ? wavHeader(KOKORO_SAMPLE_RATE, 1, dataBytes) : (MAGIC[format] ?? Buffer.alloc(0));
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[format] ?? 'application/octet-stream',
      'content-disposition': `attachment; filename=speech.${format}`,
    };
    if (body.stream === false) return new Response(Buffer.concat([head, ...pieces]), { headers });
    return streamRaw(c, async (res: ServerResponse) => {
      res.writeHead(200, {
        ...headers,
        'x-accel-buffering': 'no',
        'cache-control': 'no-cache',
        'transfer-encoding': 'chunked',
      });
      const truncated = c.get('fault')?.mode === 'truncated';
      if (head.length > 0) res.write(head);
      for (const [i, piece] of pieces.entries()) {
        if (res.destroyed) return;
        await sleep(pieceDelayMs);
        if (truncated && i >= Math.max(1, pieces.length / 2)) {
          res.destroy();
          return;
        }
        res.write(piece);
      }
      res.end();
    });
  });
  return app;
}

/** Kokoro-FastAPI on port 8880: refuses connections while the model warms up. */
export async function startKokoro(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? consoleLog;
  const loadDelay = options.loadDelayMs ?? 1000;
  log.info('INFO:     Loading TTS model and voice packs...');
  return serveApp(kokoroApp(options.stateDir, options.tokenDelayMs ?? 10), options, 8880, {
    listenAfterMs: loadDelay,
    onListening: (port) => {
      log.info(`INFO:     Model warmed up on cuda: kokoro_v1_0, ${KOKORO_VOICES.length} voice packs loaded`);
      log.info('INFO:     Application startup complete.');
      log.info(
        `INFO:     Uvicorn running on http://${options.host ?? '127.0.0.1'}:${port} (Press CTRL+C to quit)`,
      );
    },
  });
}
