import type { ServiceDescriptor } from '@spark-control/schema';
import { describeFetchError, isRecord, parseJson, serviceUrl, timedFetch } from './http.js';

export interface ProbeResult {
  status: 'up' | 'degraded' | 'down';
  latencyMs: number | null;
  detail: string;
  servedModel?: string;
}

export interface ProbeOptions {
  /** Whole probe, every request included. */
  timeoutMs: number;
  /** Answers slower than this are `degraded`. */
  slowMs: number;
  signal?: AbortSignal | undefined;
}

const down = (detail: string, latencyMs: number | null = null): ProbeResult => ({
  status: 'down',
  latencyMs,
  detail,
});

function byLatency(latencyMs: number, options: ProbeOptions, detail: string): ProbeResult {
  return latencyMs > options.slowMs
    ? { status: 'degraded', latencyMs, detail: `slow: answered in ${latencyMs} ms` }
    : { status: 'up', latencyMs, detail };
}

/**
 * One health probe of one service at `address` (an IP literal resolved before the sweep).
 * Never throws: every failure is a `down` result that says why.
 */
export async function probeService(
  service: ServiceDescriptor,
  address: string,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const deadline = Date.now() + options.timeoutMs;
  const get = (path: string) =>
    timedFetch(serviceUrl(address, service.port, path), {
      timeoutMs: Math.max(1, deadline - Date.now()),
      signal: options.signal,
      headers: { accept: '*/*' },
    });
  try {
    switch (service.kind) {
      case 'vllm':
        return await probeVllm(get, options);
      case 'parakeet':
        return await probeParakeet(get, options);
      case 'kokoro':
        return await probeKokoro(get, options);
      case 'embeddings':
        return await probeTei(get, options);
      case 'qdrant':
        return await probeQdrant(get, options);
      case 'http':
      case 'bot':
        return await probeHttp(get, service.path, options);
    }
  } catch (error) {
    return down(describeFetchError(error, options.timeoutMs));
  }
}

type Get = (path: string) => Promise<{ response: Response; body: string; latencyMs: number }>;

/** vLLM refuses connections while it loads; `/health` 200 means it serves, 503 that the engine died. */
async function probeVllm(get: Get, options: ProbeOptions): Promise<ProbeResult> {
  const health = await get('/health');
  if (health.response.status === 503) return down('engine dead (503)', health.latencyMs);
  if (!health.response.ok) return down(`health answered ${health.response.status}`, health.latencyMs);
  let servedModel: string | undefined;
  // /v1 may need an API key (401); the model name is then simply not shown.
  const models = await get('/v1/models').catch(() => undefined);
  if (models?.response.ok) {
    const parsed = parseJson(models.body);
    const first = isRecord(parsed) && Array.isArray(parsed.data) ? (parsed.data[0] as unknown) : undefined;
    if (isRecord(first) && typeof first.id === 'string') servedModel = first.id;
  }
  const result = byLatency(health.latencyMs, options, servedModel ? `serving ${servedModel}` : 'serving');
  return servedModel ? { ...result, servedModel } : result;
}

/** Parakeet answers 200 while loading; readiness is `model_loaded` in the body. */
async function probeParakeet(get: Get, options: ProbeOptions): Promise<ProbeResult> {
  const { response, body, latencyMs } = await get('/health');
  if (!response.ok) return down(`health answered ${response.status}`, latencyMs);
  const parsed = parseJson(body);
  if (isRecord(parsed) && parsed.model_loaded === false) {
    return { status: 'degraded', latencyMs, detail: 'model loading' };
  }
  return byLatency(latencyMs, options, 'model loaded');
}

async function probeKokoro(get: Get, options: ProbeOptions): Promise<ProbeResult> {
  const { response, body, latencyMs } = await get('/health');
  if (!response.ok) return down(`health answered ${response.status}`, latencyMs);
  const parsed = parseJson(body);
  if (!isRecord(parsed) || parsed.status !== 'healthy') {
    return { status: 'degraded', latencyMs, detail: 'health body is not {"status":"healthy"}' };
  }
  return byLatency(latencyMs, options, 'healthy');
}

/** TEI: `/health` is an empty 200, 503 when unhealthy. */
async function probeTei(get: Get, options: ProbeOptions): Promise<ProbeResult> {
  const { response, latencyMs } = await get('/health');
  if (response.status === 503) return down('unhealthy (503)', latencyMs);
  if (!response.ok) return down(`health answered ${response.status}`, latencyMs);
  return byLatency(latencyMs, options, 'healthy');
}

/** Qdrant: `/healthz` answers the text `healthz check passed`. */
async function probeQdrant(get: Get, options: ProbeOptions): Promise<ProbeResult> {
  const { response, body, latencyMs } = await get('/healthz');
  if (!response.ok) return down(`healthz answered ${response.status}`, latencyMs);
  if (!body.includes('healthz check passed')) {
    return { status: 'degraded', latencyMs, detail: 'unexpected healthz answer' };
  }
  return byLatency(latencyMs, options, 'healthz check passed');
}

async function probeHttp(get: Get, path: string, options: ProbeOptions): Promise<ProbeResult> {
  const { response, latencyMs } = await get(path);
  if (response.status >= 200 && response.status < 400) {
    return byLatency(latencyMs, options, `answered ${response.status}`);
  }
  return down(`answered ${response.status}`, latencyMs);
}
