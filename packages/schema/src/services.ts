import * as v from 'valibot';

/**
 * The service registry and the health monitor's view of it, shared by the server (which
 * probes), the API (which reports) and the dashboard (which draws the tiles).
 */

/** What a monitored service is; the kind chooses the probe and the deep check. */
export const SERVICE_KINDS = ['vllm', 'parakeet', 'kokoro', 'embeddings', 'qdrant', 'http', 'bot'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * `up` answers and is ready; `degraded` answers but is slow or not ready (parakeet loading);
 * `down` does not answer or answers with an error; `swapping` is planned maintenance (a model
 * swap is running); `disabled` is switched off in the settings and never contacted; `unknown`
 * has not been probed yet; `unloaded` is a placement's vLLM whose model was unloaded on purpose
 * (by hand or when idle) and that does not answer: empty, not an outage.
 */
export const SERVICE_STATUSES = [
  'up',
  'degraded',
  'down',
  'swapping',
  'disabled',
  'unknown',
  'unloaded',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** The detail of an `unloaded` vLLM tile, the same from the monitor and from the dashboard's swap events. */
export const UNLOADED_DETAIL = 'Unloaded — no model loaded';

/** One entry of the registry: where a service is and how to probe it. */
export interface ServiceDescriptor {
  id: string;
  kind: ServiceKind;
  label: string;
  /** The Spark it runs on; null for a custom service given by host. */
  sparkId: string | null;
  /** Host as configured (IPv4/IPv6 literal or hostname); resolved once per sweep. */
  host: string;
  port: number;
  /** Health path for `http` and `bot` services. */
  path: string;
  /** Built in (from a Spark role) or added under customServices. */
  source: 'builtin' | 'custom';
  enabled: boolean;
  /** The placement a built-in vLLM serves: a swap there makes it `swapping`. */
  placementId?: string;
}

/** The result of one tiny real request (deep health). */
export interface DeepHealth {
  ok: boolean;
  at: string;
  latencyMs: number;
  /** What was asked and what came back, or why it failed. */
  detail: string;
}

/** A tile: the registry entry with its current status. */
export interface ServiceView {
  id: string;
  sparkId: string | null;
  kind: ServiceKind;
  label: string;
  host: string;
  port: number;
  source: 'builtin' | 'custom';
  status: ServiceStatus;
  /** Why the status is what it is, in words (`refusing connections`, `model loading`, …). */
  detail: string;
  latencyMs: number | null;
  checkedAt: string | null;
  /** When the current status began (as far as the monitor has seen). */
  since: string | null;
  /** Share of time available (up or degraded) over the window, planned swaps excluded; null without data. */
  uptime24h: number | null;
  uptime30d: number | null;
  deep: DeepHealth | null;
  /** The model a vLLM service serves (first `/v1/models` id). */
  servedModel?: string;
  /** The placement a built-in vLLM serves. */
  placementId?: string;
}

export interface ServiceTransition {
  at: string;
  from: ServiceStatus;
  to: ServiceStatus;
  detail: string;
}

export interface ServiceSample {
  at: string;
  status: ServiceStatus;
  latencyMs: number | null;
}

/** Per-minute aggregate of older samples. */
export interface ServiceMinute {
  minute: string;
  samples: number;
  available: number;
  excluded: number;
  latencyAvgMs: number | null;
  latencyMaxMs: number | null;
}

export interface ServiceHistory {
  id: string;
  transitions: ServiceTransition[];
  samples: ServiceSample[];
  minutes: ServiceMinute[];
}

/** The hardware card of one Spark, read over SSH. */
export interface SparkHardware {
  sparkId: string;
  label: string;
  host: string;
  checkedAt: string;
  ssh: { reachable: boolean; latencyMs: number | null; error: string | null };
  /** Unified memory from /proc/meminfo (nvidia-smi reports N/A on GB10). */
  memory: { totalBytes: number; usedBytes: number; availableBytes: number } | null;
  gpu: { name: string; utilizationPct: number | null; temperatureC: number | null } | null;
  /** Free space where the Hugging Face cache lives. */
  disk: { path: string; totalBytes: number; freeBytes: number } | null;
  wireguard: { interface: string; address: string } | null;
  uptimeSec: number | null;
  /**
   * The ConnectX address spark-vllm-docker compares `-n` with: `sparks[].clusterIp` when set (and found
   * on the Spark), else discovered; null when none was found (`clusterIpProblem` says why).
   */
  clusterIp: string | null;
  clusterIpProblem: string | null;
  /** The launch script found at `vllm.launchScript` and its generation; null when it is missing. */
  launcher: { generation: LauncherGeneration; path: string } | null;
}

/** spark-vllm-docker's two launchers: G1 (Ray always, `start -d` + own exec), G2 (`-d exec`, `.env`). */
export type LauncherGeneration = 'G1' | 'G2';

export type BotContainerState =
  'running' | 'exited' | 'created' | 'restarting' | 'paused' | 'dead' | 'absent' | 'unknown';

export interface BotView {
  configured: boolean;
  sparkId: string | null;
  container: string;
  state: BotContainerState;
  detail: string;
  update: { running: boolean; runId: string | null; startedAt: string | null };
}

export const CopyKeyBodySchema = v.strictObject({
  password: v.pipe(
    v.string('must be text'),
    v.nonEmpty('must not be blank'),
    v.maxLength(1024, 'is too long'),
  ),
});
