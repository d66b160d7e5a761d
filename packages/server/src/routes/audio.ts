import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { requireScope } from '../http/middleware.js';
import { inHouseShape } from '../services/gateway/openai-error.js';
import { formData } from '../services/gateway/request-body.js';
import type { GatewayStats } from '../services/gateway/stats.js';
import type { AudioFile, DiarizeOptions, SpeechService } from '../services/speech/speech-service.js';
import { gatewayTiming } from './gateway.js';

/** Long recordings: about 100 minutes of 16 kHz stereo PCM16. */
export const LONG_AUDIO_LIMIT = 400 * 1024 * 1024;

function numberField(form: FormData, name: string, options: { integer: boolean; min: number; max: number }) {
  const raw = form.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
    throw new ApiError('VALIDATION_FAILED', `${name}: must be a${options.integer ? ' whole' : ''} number`);
  }
  if (value < options.min || value > options.max) {
    throw new ApiError('VALIDATION_FAILED', `${name}: must be between ${options.min} and ${options.max}`);
  }
  return value;
}

function booleanField(form: FormData, name: string): boolean | undefined {
  const raw = form.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ApiError('VALIDATION_FAILED', `${name}: must be true or false`);
}

async function audioForm(
  request: Request,
): Promise<{ form: FormData; file: AudioFile; options: DiarizeOptions }> {
  const form = await inHouseShape(() => formData(request, LONG_AUDIO_LIMIT));
  const file = form.get('file');
  if (!(file instanceof File)) throw new ApiError('VALIDATION_FAILED', 'file: an audio file is required');
  const options: DiarizeOptions = {
    chunkSec: numberField(form, 'chunk_sec', { integer: false, min: 0, max: 3600 }),
    overlapSec: numberField(form, 'overlap_sec', { integer: false, min: 0, max: 600 }),
    minSpeakers: numberField(form, 'min_speakers', { integer: true, min: 1, max: 64 }),
    maxSpeakers: numberField(form, 'max_speakers', { integer: true, min: 1, max: 64 }),
    numSpeakers: numberField(form, 'num_speakers', { integer: true, min: 1, max: 64 }),
    strictSpeakers: booleanField(form, 'strict_speakers'),
  };
  return {
    form,
    file: {
      bytes: Buffer.from(await file.arrayBuffer()),
      name: file.name || 'audio.wav',
      type: file.type || 'audio/wav',
    },
    options,
  };
}

/**
 * Speaker-aware speech routes (scope `gateway`), mounted at `/api/audio`. Audio and transcripts
 * go only to the configured Spark's parakeet service.
 */
export function audioRoutes(deps: { speech: SpeechService; stats?: GatewayStats | undefined }) {
  return new Hono<AppEnv>()
    .use(gatewayTiming(deps.stats))
    .use(requireScope('gateway'))
    .post('/diarize', async (c) => {
      const { file, options } = await audioForm(c.req.raw);
      return c.json(await inHouseShape(() => deps.speech.diarize(file, options, c.req.raw.signal)));
    })
    .post('/transcribe-diarized', async (c) => {
      const { form, file, options } = await audioForm(c.req.raw);
      const channels = form.get('channels') ?? 'mono';
      if (channels !== 'mono' && channels !== 'dual') {
        throw new ApiError('VALIDATION_FAILED', 'channels: must be mono or dual');
      }
      const language = form.get('language');
      return c.json(
        await inHouseShape(() =>
          deps.speech.transcribeDiarized(
            file,
            {
              ...options,
              dualChannel: channels === 'dual',
              language: typeof language === 'string' ? language : undefined,
            },
            c.req.raw.signal,
          ),
        ),
      );
    });
}
