import type { SwapPhase } from '@spark-control/schema';

/** Where each phase starts on the 0…1 progress bar. */
export const PHASE_START: Record<Exclude<SwapPhase, 'failed' | 'cancelled'>, number> = {
  preflight: 0,
  stopping: 0.05,
  'releasing-memory': 0.12,
  launching: 0.2,
  loading: 0.25,
  ready: 1,
};

/** vLLM's startup markers (vllm-openai.md) and how far along loading each one is. */
const LOADING_MARKERS: [RegExp, number, string][] = [
  [/vLLM API server version|non-default args:/, 0.3, 'vLLM started'],
  [/Resolved architecture:|Using max model len/, 0.33, 'model configured'],
  [/Starting to load model/, 0.4, 'loading weights'],
  [/Loading weights took/, 0.62, 'weights loaded'],
  [/Model loading took/, 0.68, 'model in memory'],
  [/torch\.compile takes/, 0.76, 'compiled'],
  [/Available KV cache memory:|GPU KV cache size:/, 0.8, 'KV cache allocated'],
  [/Graph capturing finished/, 0.9, 'CUDA graphs captured'],
  [/init engine \(profile, create kv cache, warmup model\) took/, 0.93, 'engine warmed up'],
  [/Starting vLLM API server|Available routes are:/, 0.96, 'API server starting'],
  [/Application startup complete\./, 0.98, 'startup complete'],
];

/** The progress and label a log line marks, if it is a startup marker. */
export function loadingMarker(line: string): { progress: number; label: string } | undefined {
  const match = LOADING_MARKERS.find(([pattern]) => pattern.test(line));
  return match ? { progress: match[1], label: match[2] } : undefined;
}
