import type { ServiceStatus, ServiceView, SwapCause } from '@spark-control/schema';

export const STATUS_WORDS: Record<ServiceStatus, string> = {
  up: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  swapping: 'Swapping model',
  disabled: 'Disabled',
  unknown: 'Checking…',
  unloaded: 'Unloaded',
};

/** The model a tile names beside its detail: none when the detail names it or nothing is loaded. */
export function modelBesideDetail(service: ServiceView): string | undefined {
  const model = service.servedModel;
  if (!model || service.status === 'unloaded' || service.detail.includes(model)) return undefined;
  return model;
}

/** A failed swap's cause, said the way a person would say it. */
export const CAUSE_WORDS: Record<SwapCause, string> = {
  oom: 'The model did not fit in memory (out of memory, or memory still held).',
  context_too_long: "The model's context length does not fit in the memory left for it.",
  model_not_found: 'The model could not be found (wrong Hugging Face repo or local path).',
  gated_repo: 'The model is gated on Hugging Face and needs an access token.',
  port_in_use: 'Another program is already using the vLLM port.',
  bad_args: 'vLLM or the launch script rejected the launch options.',
  network: 'The Sparks could not reach each other (SSH, ConnectX link, NCCL or Ray).',
  image: 'The vLLM image is missing or differs between the Sparks.',
  leftover_container: 'A container from an earlier launch was in the way.',
  timeout: 'The model did not become ready in time.',
  preflight: 'A check before the swap found a problem; the model that was serving was not stopped.',
  unknown: 'The swap failed for a reason Spark Control could not recognise; see the log below.',
};

export const PHASE_WORDS: Record<string, string> = {
  preflight: 'Checking',
  stopping: 'Stopping old model',
  'releasing-memory': 'Freeing memory',
  launching: 'Launching',
  loading: 'Loading weights',
  ready: 'Ready',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function bytes(value: number): string {
  const gib = value / 1024 ** 3;
  if (gib >= 1024) return `${(gib / 1024).toFixed(1)} TiB`;
  return gib >= 10 ? `${gib.toFixed(0)} GiB` : `${gib.toFixed(1)} GiB`;
}

export function duration(ms: number): string {
  const sec = Math.max(0, Math.round(ms / 1000));
  if (sec < 60) return `${sec}s`;
  const min = Math.floor(sec / 60);
  if (min < 60) return `${min}m ${sec % 60}s`;
  return `${Math.floor(min / 60)}h ${min % 60}m`;
}

export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  return `${duration(now - Date.parse(iso))} ago`;
}

export function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(share >= 0.999 || share < 0.1 ? 0 : 1)}%`;
}
