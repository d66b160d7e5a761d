import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './processes.js';

/** GB10: 128 GB of unified memory, of which the OS reports a little less as MemTotal. */
export const GB10_MEM_TOTAL_KB = 125_034_288;
/** What the OS, desktop and docker daemon use on an idle Spark. */
const BASE_USED_KB = 5_800_000;
const BASE_CACHED_KB = 2_400_000;

/** One allocation by a simulated process (vLLM preallocates `--gpu-memory-utilization` × total). */
export interface MemoryConsumer {
  pid: number;
  container: string;
  kb: number;
  startedAt: number;
  /** When the process ended; the memory is returned `memoryReleaseLagMs` later. */
  endedAt?: number;
}

function consumersDir(stateDir: string): string {
  return join(stateDir, 'memory');
}

export function addConsumer(stateDir: string, consumer: MemoryConsumer): void {
  mkdirSync(consumersDir(stateDir), { recursive: true });
  writeFileSync(join(consumersDir(stateDir), `${consumer.pid}.json`), JSON.stringify(consumer));
}

/** Marks consumers as ended (by pid, or all of a container); their memory is freed after the lag. */
export function endConsumers(
  stateDir: string,
  match: { pid?: number; container?: string },
  at = Date.now(),
): void {
  for (const consumer of listConsumers(stateDir)) {
    if (consumer.endedAt !== undefined) continue;
    if (match.pid !== undefined && consumer.pid !== match.pid) continue;
    if (match.container !== undefined && consumer.container !== match.container) continue;
    addConsumer(stateDir, { ...consumer, endedAt: at });
  }
}

export function listConsumers(stateDir: string): MemoryConsumer[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(consumersDir(stateDir));
  } catch {
    return [];
  }
  const consumers: MemoryConsumer[] = [];
  for (const entry of entries) {
    try {
      consumers.push(JSON.parse(readFileSync(join(consumersDir(stateDir), entry), 'utf8')) as MemoryConsumer);
    } catch {
      // being rewritten
    }
  }
  return consumers;
}

/** Memory held right now, in kB; notices processes that died without saying so. */
export function usedByConsumersKb(stateDir: string, lagMs: number, now = Date.now()): number {
  let used = 0;
  for (const consumer of listConsumers(stateDir)) {
    let endedAt = consumer.endedAt;
    if (endedAt === undefined && !isAlive(consumer.pid)) {
      endedAt = now;
      addConsumer(stateDir, { ...consumer, endedAt });
    }
    if (endedAt === undefined || now < endedAt + lagMs) used += consumer.kb;
    else rmSync(join(consumersDir(stateDir), `${consumer.pid}.json`), { force: true });
  }
  return used;
}

/** Used, cached, free and available memory in kB, from what the Spark's processes hold right now. */
function memoryFigures(
  stateDir: string,
  lagMs: number,
): { used: number; cached: number; free: number; available: number } {
  const used = Math.min(GB10_MEM_TOTAL_KB - 600_000, BASE_USED_KB + usedByConsumersKb(stateDir, lagMs));
  const cached = Math.min(BASE_CACHED_KB, GB10_MEM_TOTAL_KB - used - 200_000);
  const free = GB10_MEM_TOTAL_KB - used - cached;
  return { used, cached, free, available: free + Math.floor(cached * 0.9) };
}

/** `MemAvailable` of the simulated Spark in kB (what vLLM on GB10 takes as the device's free memory). */
export function availableKb(stateDir: string, lagMs: number): number {
  return memoryFigures(stateDir, lagMs).available;
}

/** `/proc/meminfo` of the simulated Spark, in the kernel's layout. */
export function renderMeminfo(stateDir: string, lagMs: number): string {
  const { used, cached, free, available } = memoryFigures(stateDir, lagMs);
  const fields: [string, number][] = [
    ['MemTotal', GB10_MEM_TOTAL_KB],
    ['MemFree', free],
    ['MemAvailable', available],
    ['Buffers', 61_440],
    ['Cached', cached],
    ['SwapCached', 0],
    ['Active', Math.floor(used * 0.6)],
    ['Inactive', Math.floor(cached * 0.7)],
    ['SwapTotal', 0],
    ['SwapFree', 0],
    ['Dirty', 128],
    ['AnonPages', Math.floor(used * 0.55)],
    ['Mapped', 412_160],
    ['Shmem', 53_248],
    ['Slab', 389_120],
    ['CommitLimit', Math.floor(GB10_MEM_TOTAL_KB / 2)],
    ['Committed_AS', used + 1_000_000],
    ['HugePages_Total', 0],
  ];
  return (
    fields
      .map(
        ([name, kb]) =>
          `${`${name}:`.padEnd(16)}${String(kb).padStart(8)}${name.startsWith('HugePages') ? '' : ' kB'}`,
      )
      .join('\n') + '\n'
  );
}

export function meminfoFile(stateDir: string): string {
  return join(stateDir, 'meminfo');
}

/** Refreshes `<stateDir>/meminfo`, which commands read in place of `/proc/meminfo`. */
export function writeMeminfo(stateDir: string, lagMs: number): string {
  const file = meminfoFile(stateDir);
  mkdirSync(stateDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, renderMeminfo(stateDir, lagMs));
  renameSync(temporary, file);
  return file;
}
