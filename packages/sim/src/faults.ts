import { readFileSync, statSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Faults injected into one simulated Spark. The control API writes them to
 * `<stateDir>/faults.json`; every simulated process (SSH server, fake docker, HTTP services)
 * reads the file, so a fault set from a test reaches processes started long before.
 */
export type SimServiceKind = 'vllm' | 'parakeet' | 'kokoro' | 'embeddings' | 'qdrant' | 'cloud';

export interface HttpFault {
  /** hang: accept, never answer. status: answer with `status`. malformed: broken JSON body. truncated: body cut short. */
  mode: 'hang' | 'status' | 'malformed' | 'truncated';
  status?: number;
  /** Header Retry-After for 429, in seconds. */
  retryAfterSec?: number;
  /** Apply to this many requests, then clear; unlimited when absent. */
  count?: number;
  /** Only requests whose path starts with this. */
  pathPrefix?: string;
}

export interface SparkFaults {
  vllm?: {
    /** Extra time to load weights (slow load). */
    loadDelayMs?: number;
    /** Die during load with this cause: the log shows why and the process exits 1. */
    failDuringLoad?: 'oom' | 'cuda';
    /** Only loads of these HF ids fail (a real OOM belongs to one model); left out, every load fails. */
    failDuringLoadModels?: string[];
    /** HF ids that do not exist (vLLM logs the HF 404 and exits). */
    missingModels?: string[];
    /** Die while streaming a response after this many chunks (upstream killed mid-stream). */
    dieMidStreamAfterChunks?: number;
    /** HF ids of gated repos: without `HF_TOKEN` in the container vLLM logs the Hub's 401 and exits. */
    gatedModels?: string[];
  };
  /** The ConnectX cable is out: its ports lose carrier and the cluster network is unreachable. */
  cx7LinkDown?: boolean;
  /** The SSH server refuses the other Sparks' node keys (passwordless SSH between Sparks is broken). */
  refuseNodeKeys?: boolean;
  /** Occupy these ports before a launch so the server logs "Address already in use". */
  portsInUse?: number[];
  /** The SSH server closes a connection after it has sent this many bytes. */
  sshDropAfterBytes?: number;
  /** Every port of the Spark accepts TCP and never answers (SSH included). */
  blackhole?: boolean;
  http?: Partial<Record<SimServiceKind, HttpFault>>;
  /** Docker image ids by image name (`docker image inspect`); null makes the image missing on this Spark. */
  images?: Record<string, string | null>;
  /** The NVIDIA-like cloud: models this account may list but not call (404 on use). */
  cloud?: { gatedModels?: string[] };
}

export function faultsFile(stateDir: string): string {
  return join(stateDir, 'faults.json');
}

let cache: { file: string; mtimeMs: number; faults: SparkFaults } | undefined;

/** Reads the current faults (cheap: re-parsed only when the file changed). */
export function readFaults(stateDir: string): SparkFaults {
  const file = faultsFile(stateDir);
  try {
    const { mtimeMs } = statSync(file);
    if (cache?.file === file && cache.mtimeMs === mtimeMs) return cache.faults;
    const faults = JSON.parse(readFileSync(file, 'utf8')) as SparkFaults;
    cache = { file, mtimeMs, faults };
    return faults;
  } catch {
    return {};
  }
}

/** The cause a load of `model` dies of under these faults, if it does. */
export function loadFailureFor(faults: SparkFaults, model: string): 'oom' | 'cuda' | undefined {
  const vllm = faults.vllm;
  if (!vllm?.failDuringLoad) return undefined;
  if (vllm.failDuringLoadModels && !vllm.failDuringLoadModels.includes(model)) return undefined;
  return vllm.failDuringLoad;
}

export function writeFaults(stateDir: string, faults: SparkFaults): void {
  const file = faultsFile(stateDir);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(faults, null, 2));
  renameSync(temporary, file);
  cache = undefined;
}

/** Uses up one application of a counted HTTP fault; returns the fault to apply now, if any. */
export function takeHttpFault(stateDir: string, kind: SimServiceKind, path: string): HttpFault | undefined {
  const faults = readFaults(stateDir);
  const fault = faults.http?.[kind];
  if (!fault || (fault.pathPrefix && !path.startsWith(fault.pathPrefix))) return undefined;
  if (fault.count !== undefined) {
    const remaining = fault.count - 1;
    const http = { ...faults.http };
    if (remaining <= 0) delete http[kind];
    else http[kind] = { ...fault, count: remaining };
    writeFaults(stateDir, { ...faults, http });
  }
  return fault;
}
