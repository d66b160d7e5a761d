import { Hono, type Context } from 'hono';
import {
  consoleLog,
  faultMiddleware,
  jsonResponse,
  serveApp,
  type Env,
  type RunningService,
  type ServiceOptions,
} from './http.js';
import { analyzeAudio, toSrt, toVtt, type Analysis } from './parakeet-audio.js';
import { decodeWav, WavError, type PcmAudio } from './wav.js';

const MODEL_ID = 'nvidia/parakeet-tdt-0.6b-v2';
const FORMATS = ['json', 'text', 'verbose_json', 'srt', 'vtt'];
/**
 * Speakers the diarizer separates: 4, as the owner's deployed diarizer does (speech.md "Diarization
 * endpoint" assumed 8). Voices beyond it are folded into the last label.
 */
export const MAX_SPEAKERS = 4;

const detail = (status: number, message: unknown) => jsonResponse(status, { detail: message });
const missingField = (field: string) =>
  detail(422, [{ type: 'missing', loc: ['body', field], msg: 'Field required', input: null }]);

interface Upload {
  form: FormData;
  audio: PcmAudio;
}

async function readUpload(c: Context<Env>): Promise<Upload | Response> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    return missingField('file');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') return missingField('file');
  try {
    return { form, audio: decodeWav(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    if (error instanceof WavError)
      return detail(415, `Unsupported or undecodable audio file '${file.name}': ${error.message}`);
    throw error;
  }
}

/** An optional integer form field; a Response when it is not an integer. */
function intField(form: FormData, name: string): number | undefined | Response {
  const raw = form.get(name);
  if (raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw))
    return detail(422, [
      {
        type: 'int_parsing',
        loc: ['body', name],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: raw,
      },
    ]);
  return Number(raw);
}

const flag = (form: FormData, name: string, fallback: boolean) => {
  const raw = form.get(name);
  return typeof raw === 'string' ? ['true', '1', 'yes', 'on'].includes(raw.toLowerCase()) : fallback;
};

function transcriptionBody(analysis: Analysis, form: FormData, diarize: boolean): Response {
  const format = (form.get('response_format') as string | null) ?? 'json';
  if (!FORMATS.includes(format))
    return detail(400, `Unsupported response_format '${format}'. Use one of: ${FORMATS.join(', ')}`);
  const granularities = form
    .getAll('timestamp_granularities[]')
    .concat(form.getAll('timestamp_granularities'));
  const prefixText = diarize && flag(form, 'include_diarization_in_text', false);
  const seen = new Set<number>();
  const segments = analysis.segments.map((s, id) => {
    let text = s.text;
    if (prefixText) {
      text = `${seen.has(s.speaker) ? '' : 'Speaker '}${s.speaker + 1}: ${s.text}`;
      seen.add(s.speaker);
    }
    return { ...s, id, text };
  });
  const text = segments.map((s) => s.text).join(' ');
  switch (format) {
    case 'text':
      return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    case 'srt':
      return new Response(toSrt(segments), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    case 'vtt':
      return new Response(toVtt(segments), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    case 'verbose_json':
      return jsonResponse(200, {
        task: 'transcribe',
        language: 'en',
        duration: analysis.duration,
        text,
        segments: segments.map((s) => ({
          id: s.id,
          seek: 0,
          start: s.start,
          end: s.end,
          text: s.text,
          tokens: [],
          temperature: 0.0,
          avg_logprob: 0.0,
          compression_ratio: 1.0,
          no_speech_prob: 0.0,
          ...(diarize ? { speaker: `speaker_SPEAKER_${String(s.speaker).padStart(2, '0')}` } : {}),
        })),
        ...(granularities.includes('word')
          ? {
              words: segments.flatMap((s) =>
                s.words.map((w) => ({ word: w.word, start: w.start, end: w.end })),
              ),
            }
          : {}),
      });
    default:
      return jsonResponse(200, { text });
  }
}

export function parakeetApp(stateDir: string, isLoaded: () => boolean): Hono<Env> {
  const app = new Hono<Env>();
  app.use(faultMiddleware('parakeet', stateDir, (status) => detail(status, 'Simulated fault')));
  app.notFound(() => detail(404, 'Not Found'));
  app.get('/health', (c) =>
    c.json({
      status: 'ok',
      model_loaded: isLoaded(),
      model_id: MODEL_ID,
      cuda_available: true,
      diarization_available: true,
    }),
  );
  app.get('/v1/models', (c) =>
    c.json({
      object: 'list',
      data: ['whisper-1', 'parakeet-tdt-0.6b-v2'].map((id) => ({
        id,
        object: 'model',
        created: 1_735_689_600,
        owned_by: 'nvidia',
      })),
    }),
  );
  const notLoaded = () => detail(503, 'Model not loaded yet. Please try again in a few moments.');
  const transcribe = (forceNoDiarize: boolean) => async (c: Context<Env>) => {
    if (!isLoaded()) return notLoaded();
    const upload = await readUpload(c);
    if (upload instanceof Response) return upload;
    const diarize = !forceNoDiarize && flag(upload.form, 'diarize', true);
    return transcriptionBody(analyzeAudio(upload.audio, MAX_SPEAKERS), upload.form, diarize);
  };
  app.post('/v1/audio/transcriptions', transcribe(false));
  app.post('/no_dia/v1/audio/transcriptions', transcribe(true));
  app.post('/diarize', async (c) => {
    if (!isLoaded()) return notLoaded();
    const upload = await readUpload(c);
    if (upload instanceof Response) return upload;
    const fields = ['min_speakers', 'max_speakers', 'num_speakers'].map((name) =>
      intField(upload.form, name),
    );
    const invalid = fields.find((f) => f instanceof Response);
    if (invalid) return invalid;
    const [min, max, num] = fields as (number | undefined)[];
    if (num !== undefined && num > MAX_SPEAKERS)
      return detail(400, `num_speakers=${num} exceeds the maximum of ${MAX_SPEAKERS} speakers`);
    if (min !== undefined && max !== undefined && min > max)
      return detail(400, 'min_speakers must not exceed max_speakers');
    const cap = Math.min(MAX_SPEAKERS, num ?? max ?? MAX_SPEAKERS);
    const analysis = analyzeAudio(upload.audio, Math.max(1, cap));
    return c.json({
      segments: analysis.segments.map((s) => ({
        start: s.start,
        end: s.end,
        speaker: `SPEAKER_${String(s.speaker).padStart(2, '0')}`,
      })),
      num_speakers: analysis.speakers,
    });
  });
  return app;
}

/** Parakeet ASR (+ diarization) on port 8000; `/health` answers at once, `model_loaded` turns true after the load delay. */
export async function startParakeet(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? consoleLog;
  let loaded = false;
  const started = Date.now();
  const loadDelay = options.loadDelayMs ?? 1000;
  const service = await serveApp(
    parakeetApp(options.stateDir, () => loaded || Date.now() - started >= loadDelay),
    options,
    8000,
    {
      onListening: (port) =>
        log.info(
          `INFO:     Uvicorn running on http://${options.host ?? '127.0.0.1'}:${port} (Press CTRL+C to quit)`,
        ),
    },
  );
  const timer = setTimeout(() => {
    loaded = true;
    log.info(`INFO:     Model ${MODEL_ID} loaded`);
  }, loadDelay);
  timer.unref();
  void service.exited.then(() => clearTimeout(timer));
  return service;
}
