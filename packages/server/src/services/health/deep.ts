import type { DeepHealth, ServiceDescriptor } from '@spark-control/schema';
import { describeFetchError, isRecord, parseJson, serviceUrl, timedFetch, timedFetchBytes } from './http.js';
import { toneWav } from './wav.js';

const WAV_HEADER_BYTES = 44;

type Check = { ok: boolean; detail: string };

/**
 * One tiny real request: a 1-token completion, a 1-second transcription, one word of speech,
 * one embedding, one Qdrant collection listing, or the health GET of an http/bot service.
 * Never throws.
 */
export async function deepCheck(
  service: ServiceDescriptor,
  address: string,
  options: { timeoutMs: number; signal?: AbortSignal | undefined; now?: () => Date },
): Promise<DeepHealth> {
  const deadline = Date.now() + options.timeoutMs;
  const started = performance.now();
  const url = (path: string) => serviceUrl(address, service.port, path);
  const remaining = () => Math.max(1, deadline - Date.now());
  const json = (path: string, body?: unknown) =>
    timedFetch(url(path), {
      timeoutMs: remaining(),
      signal: options.signal,
      ...(body === undefined
        ? { method: 'GET' }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  let result: Check;
  try {
    switch (service.kind) {
      case 'vllm':
        result = await deepVllm(json);
        break;
      case 'parakeet':
        result = await deepParakeet(url, remaining, options.signal);
        break;
      case 'kokoro':
        result = await deepKokoro(url, remaining, options.signal);
        break;
      case 'embeddings':
        result = await deepEmbeddings(json);
        break;
      case 'qdrant':
        result = await deepQdrant(json);
        break;
      case 'http':
      case 'bot': {
        const { response } = await json(service.path);
        result = { ok: response.ok, detail: `GET ${service.path} answered ${response.status}` };
        break;
      }
    }
  } catch (error) {
    result = { ok: false, detail: describeFetchError(error, options.timeoutMs) };
  }
  return {
    ok: result.ok,
    at: (options.now?.() ?? new Date()).toISOString(),
    latencyMs: Math.round(performance.now() - started),
    detail: result.detail,
  };
}

type Json = (path: string, body?: unknown) => ReturnType<typeof timedFetch>;

const failed = (what: string, status: number, body: string): Check => ({
  ok: false,
  detail: `${what} answered ${status}${body ? `: ${body.slice(0, 160)}` : ''}`,
});

async function deepVllm(json: Json): Promise<Check> {
  const models = await json('/v1/models');
  if (!models.response.ok) return failed('/v1/models', models.response.status, models.body);
  const parsed = parseJson(models.body);
  const first = isRecord(parsed) && Array.isArray(parsed.data) ? (parsed.data[0] as unknown) : undefined;
  if (!isRecord(first) || typeof first.id !== 'string') return { ok: false, detail: 'no model is served' };
  const completion = await json('/v1/completions', {
    model: first.id,
    prompt: 'ping',
    max_tokens: 1,
    temperature: 0,
  });
  if (!completion.response.ok) {
    return failed('/v1/completions', completion.response.status, completion.body);
  }
  const body = parseJson(completion.body);
  const choices = isRecord(body) && Array.isArray(body.choices) ? body.choices : [];
  return choices.length > 0
    ? { ok: true, detail: `${first.id} completed 1 token` }
    : { ok: false, detail: 'completion has no choices' };
}

async function deepParakeet(
  url: (path: string) => string,
  remaining: () => number,
  signal: AbortSignal | undefined,
): Promise<Check> {
  const form = new FormData();
  // The dashboard type-checks this file with the DOM lib, whose Blob wants an ArrayBuffer-backed view.
  const wav = toneWav({ seconds: 1 }) as Uint8Array<ArrayBuffer>;
  form.append('file', new Blob([wav], { type: 'audio/wav' }), 'deep-check.wav');
  form.append('model', 'whisper-1');
  form.append('response_format', 'json');
  form.append('diarize', 'false');
  const { response, body } = await timedFetch(url('/v1/audio/transcriptions'), {
    method: 'POST',
    body: form,
    timeoutMs: remaining(),
    signal,
  });
  if (!response.ok) return failed('transcription', response.status, body);
  const parsed = parseJson(body);
  return isRecord(parsed) && typeof parsed.text === 'string'
    ? { ok: true, detail: 'transcribed 1 s of audio' }
    : { ok: false, detail: 'transcription has no text' };
}

async function deepKokoro(
  url: (path: string) => string,
  remaining: () => number,
  signal: AbortSignal | undefined,
): Promise<Check> {
  const { response, bytes } = await timedFetchBytes(url('/v1/audio/speech'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'kokoro',
      input: 'Ready.',
      voice: 'af_heart',
      response_format: 'wav',
      stream: false,
    }),
    timeoutMs: remaining(),
    signal,
  });
  if (!response.ok) return failed('speech', response.status, Buffer.from(bytes).toString('utf8'));
  // A failure mid-stream only truncates the body, so check there is audio after the header.
  return bytes.length > WAV_HEADER_BYTES
    ? { ok: true, detail: `spoke one word (${bytes.length} bytes)` }
    : { ok: false, detail: `speech body has only ${bytes.length} bytes` };
}

async function deepEmbeddings(json: Json): Promise<Check> {
  const { response, body } = await json('/embed', { inputs: 'ping' });
  if (!response.ok) return failed('/embed', response.status, body);
  const parsed = parseJson(body);
  const vector = Array.isArray(parsed) ? (parsed[0] as unknown) : undefined;
  return Array.isArray(vector) && vector.length > 0
    ? { ok: true, detail: `embedded one word (${vector.length} dimensions)` }
    : { ok: false, detail: 'embedding answer is not a list of vectors' };
}

async function deepQdrant(json: Json): Promise<Check> {
  const { response, body } = await json('/collections');
  if (!response.ok) return failed('/collections', response.status, body);
  const parsed = parseJson(body);
  const result = isRecord(parsed) ? parsed.result : undefined;
  return isRecord(result) && Array.isArray(result.collections)
    ? { ok: true, detail: `listed ${result.collections.length} collections` }
    : { ok: false, detail: 'collections answer has no result.collections' };
}
