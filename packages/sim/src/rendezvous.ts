import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimConfig } from './layout.js';
import { isAlive } from './processes.js';

/**
 * torch.distributed's store on the head (`--master-addr`:`--master-port`): each `--headless` rank joins it,
 * and the head's vLLM waits for every rank before it loads. A rank that died never joined.
 */
export function rendezvousDir(stateDir: string, masterPort: string | number): string {
  return join(stateDir, 'rendezvous', String(masterPort));
}

/** The head's store for a master address (a Spark's cluster or LAN address), if one is simulated. */
export function masterRendezvous(
  config: SimConfig,
  masterAddr: string,
  masterPort: string,
): string | undefined {
  const head = config.sparks.find((spark) => spark.clusterIp === masterAddr || spark.host === masterAddr);
  return head ? rendezvousDir(head.stateDir, masterPort) : undefined;
}

export function joinRendezvous(dir: string, rank: string, pid: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, rank), String(pid));
}

export function leaveRendezvous(dir: string, rank: string): void {
  rmSync(join(dir, rank), { force: true });
}

/**
 * Rank 0 listens on the master port: false when another live head already does (torch's TCPStore
 * cannot bind it), else the store is this head's.
 */
export function claimMaster(dir: string, pid: number): boolean {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '0');
  try {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== pid && isAlive(holder)) return false;
  } catch {
    // No head holds the port.
  }
  writeFileSync(file, String(pid));
  return true;
}

/** How many ranks other than 0 joined and still run. */
export function joinedRanks(dir: string): number {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  return entries.filter((rank) => {
    try {
      return rank !== '0' && isAlive(Number(readFileSync(join(dir, rank), 'utf8')));
    } catch {
      return false;
    }
  }).length;
}
