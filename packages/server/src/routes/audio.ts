import { Hono } from 'hono';
import type { AudioUpload, AudioUploads } from '../http/audio-uploads.js';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { DomainError } from '../services/domain-error.js';
import type { GatewayStats } from '../services/gateway/stats.js';
import type { DiarizeOptions, SpeechService } from '../services/speech/speech-service.js';
import { gatewayTiming } from './gateway.js';

/** Long recordings: about 100 minutes of 16 kHz stereo PCM16. */
export const LONG_AUDIO_LIMIT = 400 * 1024 * 1024;

function numberField(
  fields: ReadonlyMap<string, string>,
  name: string,
  options: { integer: boolean; min: number; max: number },
) {
  const raw = fields.get(name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
    throw new DomainError('VALIDATION_FAILED', `${name}: must be a${options.integer ? ' whole' : ''} number`);
  }
  if (value < options.min || value > options.max) {
    throw new DomainError('VALIDATION_FAILED', `${name}: must be between ${options.min} and ${options.max}`);
  }
  return value;
}

function booleanField(fields: ReadonlyMap<string, string>, name: string): boolean | undefined {
  const raw = fields.get(name);
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new DomainError('VALIDATION_FAILED', `${name}: must be true or false`);
}

function diarizeOptions(fields: ReadonlyMap<string, string>): DiarizeOptions {
  return {
    chunkSec: numberField(fields, 'chunk_sec', { integer: false, min: 0, max: 3600 }),
    overlapSec: numberField(fields, 'overlap_sec', { integer: false, min: 0, max: 600 }),
    minSpeakers: numberField(fields, 'min_speakers', { integer: true, min: 1, max: 64 }),
    maxSpeakers: numberField(fields, 'max_speakers', { integer: true, min: 1, max: 64 }),
    numSpeakers: numberField(fields, 'num_speakers', { integer: true, min: 1, max: 64 }),
    strictSpeakers: booleanField(fields, 'strict_speakers'),
  };
}

/** Runs `work` on the spooled upload and deletes it afterwards, whatever happened. */
async function withUpload<T>(
  uploads: AudioUploads,
  request: Request,
  work: (upload: AudioUpload) => Promise<T>,
): Promise<T> {
  const upload = await uploads.accept(request, LONG_AUDIO_LIMIT);
  try {
    return await work(upload);
  } finally {
    await upload.dispose();
  }
}

/**
 * Speaker-aware speech routes (scope `gateway`), mounted at `/api/audio`. Uploads are spooled to
 * disk and streamed on; audio and transcripts go only to the configured Spark's parakeet service.
 * Failures leave in the house shape (`/api`'s onError maps the services' DomainErrors).
 */
export function audioRoutes(deps: {
  speech: SpeechService;
  uploads: AudioUploads;
  stats?: GatewayStats | undefined;
}) {
  return new Hono<AppEnv>()
    .use(gatewayTiming(deps.stats))
    .use(requireScope('gateway'))
    .post('/diarize', async (c) =>
      c.json(
        await withUpload(deps.uploads, c.req.raw, ({ file, fields }) =>
          deps.speech.diarize(file, diarizeOptions(fields), c.req.raw.signal),
        ),
      ),
    )
    .post('/transcribe-diarized', async (c) =>
      c.json(
        await withUpload(deps.uploads, c.req.raw, ({ file, fields }) => {
          const options = diarizeOptions(fields);
          const channels = fields.get('channels') ?? 'mono';
          if (channels !== 'mono' && channels !== 'dual') {
            throw new DomainError('VALIDATION_FAILED', 'channels: must be mono or dual');
          }
          return deps.speech.transcribeDiarized(
            file,
            { ...options, dualChannel: channels === 'dual', language: fields.get('language') },
            c.req.raw.signal,
          );
        }),
      ),
    );
}
