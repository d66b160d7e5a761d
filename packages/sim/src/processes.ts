import { spawn, type SpawnOptions } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reaperRunner, SIM_ENV } from './layout.js';

/** Whether a process exists (zombies count as gone: they cannot run anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /s.test(stat);
  } catch {
    return true;
  }
}

/** Whether a process belongs to the simulation rooted at `root` (guards against pid reuse). */
export function belongsToSim(pid: number, root: string): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    return environ.split('\0').includes(`${SIM_ENV.root}=${root}`);
  } catch {
    // No /proc (macOS): trust the registry.
    return isAlive(pid);
  }
}

/** Whether any live (non-zombie) process of a process group is left; the leader may die before the rest. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return isAlive(pgid);
  }
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    // No /proc (macOS): a group that still takes signals counts as alive.
    return true;
  }
  // Orphans are reaped by PID 1 whenever it gets to it; a zombie has closed its sockets already.
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      // exited while we looked
    }
  }
  return false;
}

/** Signals a whole process group; ignores groups that are already gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    try {
      process.kill(pgid, signal);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM, then SIGKILL after `graceMs` for whatever is left; resolves when all are gone. */
export async function killGroups(pgids: number[], graceMs = 2000): Promise<void> {
  for (const pgid of graceMs > 0 ? pgids : []) {
    signalGroup(pgid, 'SIGTERM');
    // A process frozen by the blackhole fault only sees SIGTERM once it runs again.
    signalGroup(pgid, 'SIGCONT');
  }
  const deadline = Date.now() + graceMs;
  while (pgids.some(groupAlive) && Date.now() < deadline) await sleep(50);
  for (const pgid of pgids) signalGroup(pgid, 'SIGKILL');
  const hardDeadline = Date.now() + 2000;
  while (pgids.some(groupAlive) && Date.now() < hardDeadline) await sleep(20);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function registryDir(stateDir: string): string {
  return join(stateDir, 'pids');
}

/**
 * Starts a process in its own process group, records it under `<stateDir>/pids` so the
 * orchestrator can kill it even after the program that started it is gone, and lets it outlive us.
 */
export function spawnDetached(
  stateDir: string,
  command: string,
  args: string[],
  options: SpawnOptions,
): number {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  child.on('error', () => undefined);
  child.unref();
  mkdirSync(registryDir(stateDir), { recursive: true });
  writeFileSync(join(registryDir(stateDir), String(pid)), command);
  return pid;
}

/** Records a process group started elsewhere (e.g. an SSH exec) so `killRegistered` reaches it. */
export function registerGroup(stateDir: string, pgid: number, label: string): void {
  mkdirSync(registryDir(stateDir), { recursive: true });
  writeFileSync(join(registryDir(stateDir), String(pgid)), label);
}

export function unregisterGroup(stateDir: string, pgid: number): void {
  rmSync(join(registryDir(stateDir), String(pgid)), { force: true });
}

function registryEntries(stateDir: string): string[] {
  try {
    return readdirSync(registryDir(stateDir));
  } catch {
    return [];
  }
}

/** Kills every registered process group of one Spark that still belongs to the simulation. */
export async function killRegistered(stateDir: string, root: string): Promise<void> {
  const entries = registryEntries(stateDir);
  const pgids = entries
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0 && belongsToSim(pid, root));
  await killGroups(pgids);
  for (const entry of entries) rmSync(join(registryDir(stateDir), entry), { force: true });
}

/**
 * Kills the registered process groups of every owner (Sparks, cloud) until none is left: a shell
 * that is being killed may just have started, and registered, a container.
 */
export async function killAllRegistered(stateDirs: readonly string[], root: string): Promise<void> {
  for (let round = 0; round < 5; round++) {
    if (stateDirs.every((dir) => registryEntries(dir).length === 0)) return;
    await Promise.all(stateDirs.map((dir) => killRegistered(dir, root)));
  }
}

function reaperPidFile(root: string): string {
  return join(root, 'reaper.pid');
}

/**
 * Stops what an earlier run on this root left behind: its reaper first (a late sweep would kill the
 * new run's processes, which register in the same place), then every registered process.
 */
export async function stopLeftovers(root: string, stateDirs: readonly string[]): Promise<void> {
  let reaperPid = 0;
  try {
    reaperPid = Number(readFileSync(reaperPidFile(root), 'utf8'));
  } catch {
    // no earlier run
  }
  if (Number.isInteger(reaperPid) && reaperPid > 0 && belongsToSimStrict(reaperPid, root))
    await killGroups([reaperPid], 0);
  await killAllRegistered(stateDirs, root);
}

export interface Reaper {
  /** The owner stops the simulation itself: the reaper is not needed any more. */
  dismiss(): Promise<void>;
}

/**
 * Starts the simulation's reaper: a detached process that waits until its stdin, a pipe only this
 * process holds, closes, and then kills every registered process of the simulation. The kernel
 * closes the pipe however this process ends (SIGKILL included), so the simulation, whose services
 * are detached like containers, never outlives the program that started it.
 */
export function startReaper(root: string, stateDirs: readonly string[]): Reaper {
  mkdirSync(root, { recursive: true });
  const log = openSync(join(root, 'reaper.log'), 'a');
  let pid: number | undefined;
  try {
    // `cat` returns at end of file, which only the owner's death brings (dismiss kills the reaper).
    const child = spawn(
      '/bin/sh',
      ['-c', 'cat > /dev/null; exec "$@"', 'sim-reaper', ...reaperRunner(root), root, ...stateDirs],
      {
        detached: true,
        env: { ...process.env, [SIM_ENV.root]: root },
        stdio: ['pipe', log, log],
      },
    );
    pid = child.pid;
    child.on('error', () => undefined);
    child.stdin?.on('error', () => undefined);
    // Neither the child nor the pipe may keep the owner's event loop alive.
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    child.unref();
  } finally {
    closeSync(log);
  }
  if (pid === undefined) throw new Error('could not start the simulation reaper');
  const reaperPid = pid;
  writeFileSync(reaperPidFile(root), String(reaperPid));
  return {
    async dismiss() {
      await killGroups([reaperPid], 0);
      rmSync(reaperPidFile(root), { force: true });
    },
  };
}

/** Every live process whose environment names this simulation (Linux only; empty elsewhere). */
export function simProcesses(root: string): number[] {
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid && isAlive(pid) && belongsToSimStrict(pid, root));
}

function belongsToSimStrict(pid: number, root: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${SIM_ENV.root}=${root}`);
  } catch {
    return false;
  }
}
