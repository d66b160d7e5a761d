import { existsSync, statSync } from 'node:fs';
import type { LauncherGeneration } from '../layout.js';
import { out, relay, type LaunchNode, type NodeShell } from './shell.js';

/** One run of the launcher once its nodes are known. */
export interface Launch {
  shell: NodeShell;
  generation: LauncherGeneration;
  name: string;
  image: string;
  headIp: string;
  peers: string[];
  /** Set when containers were already running: the script then leaves them alone on exit. */
  clusterWasRunning: boolean;
}

export const head = (launch: Launch): LaunchNode => ({ ip: launch.headIp, local: true });
export const workers = (launch: Launch): LaunchNode[] => launch.peers.map((ip) => ({ ip, local: false }));

/** `cleanup`: stops the container on the head, then over SSH on every worker (errors ignored). */
export async function cleanup(launch: Launch): Promise<void> {
  if (launch.clusterWasRunning) {
    out('Cluster was already running when script started. Skipping cleanup.');
    return;
  }
  out('');
  out('Stopping cluster...');
  out(`Stopping head node (${launch.headIp})...`);
  await launch.shell.docker(head(launch), ['stop', launch.name]);
  for (const worker of workers(launch)) {
    out(`Stopping worker node (${worker.ip})...`);
    await launch.shell.ssh(worker.ip, `docker stop ${launch.name}`);
  }
  out('Cluster stopped.');
}

/** `status`: a line per node, plus `ray status` of the head when Ray is in use. Always exits 0. */
export async function status(launch: Launch, ray: boolean): Promise<number> {
  out('Checking status...');
  if (await launch.shell.listed(head(launch), launch.name)) {
    out(`[HEAD] ${launch.headIp}: Container '${launch.name}' is RUNNING.`);
    if (ray) {
      out('--- Ray Status ---');
      const result = await launch.shell.docker(head(launch), ['exec', launch.name, 'ray', 'status']);
      relay(result);
      if (result.code !== 0) out('Failed to get ray status.');
      out('------------------');
    }
  } else {
    out(`[HEAD] ${launch.headIp}: Container '${launch.name}' is NOT running.`);
  }
  for (const worker of workers(launch)) {
    const result = await launch.shell.ssh(worker.ip, `docker ps | grep -q '${launch.name}'`);
    out(
      `[WORKER] ${worker.ip}: Container '${launch.name}' is ${result.code === 0 ? 'RUNNING' : 'NOT running'}.`,
    );
  }
  return 0;
}

/** `check_cluster_running`: containers on the head *or any worker* mean the launch is skipped. */
export async function checkClusterRunning(launch: Launch): Promise<void> {
  let running = false;
  if (await launch.shell.running(head(launch), launch.name)) {
    out(`Warning: Container '${launch.name}' is already running on head node (${launch.headIp}).`);
    running = true;
  }
  for (const worker of workers(launch)) {
    const result = await launch.shell.ssh(
      worker.ip,
      `docker ps --format '{{.Names}}' | grep -q '^${launch.name}$'`,
    );
    if (result.code === 0) {
      out(`Warning: Container '${launch.name}' is already running on worker node (${worker.ip}).`);
      running = true;
    }
  }
  if (running) {
    out('Cluster containers are already running. Skipping launch.');
    launch.clusterWasRunning = true;
  }
}

/** `wait_for_cluster` (Ray): polls `ray status` in the head container, 30 tries. */
export async function waitForRay(launch: Launch): Promise<boolean> {
  out('Waiting for cluster to be ready...');
  for (let attempt = 0; attempt < 30; attempt++) {
    const result = await launch.shell.docker(head(launch), ['exec', launch.name, 'ray', 'status']);
    if (result.code === 0) {
      out('Cluster head is responsive.');
      await launch.shell.settle();
      return true;
    }
    await launch.shell.settle();
  }
  out('Timeout waiting for cluster to start.');
  return false;
}

/** `-tp × -pp × -dp` from a command line (`--flag=value` normalised first); undefined without any. */
export function requiredNodes(command: string): number | undefined {
  const words = command.replace(/(--[a-z-]*)=/g, '$1 ').split(/\s+/);
  const sizes = { tp: 1, pp: 1, dp: 1 };
  let found = false;
  words.forEach((word, index) => {
    if (index === 0 || !/^\d+$/.test(word)) return;
    const previous = words[index - 1];
    if (previous === '-tp' || previous === '--tensor-parallel-size') sizes.tp = Number(word);
    else if (previous === '-pp' || previous === '--pipeline-parallel-size') sizes.pp = Number(word);
    else if (previous === '-dp' || previous === '--data-parallel-size') sizes.dp = Number(word);
    else return;
    found = true;
  });
  return found ? sizes.tp * sizes.pp * sizes.dp : undefined;
}

/** The mod checks both generations make before anything runs. */
export function modProblem(path: string): string | undefined {
  const kind = pathKind(path);
  if (kind === 'none') return `Error: Mod path '${path}' does not exist.`;
  if (kind === 'dir' && pathKind(`${path}/run.sh`) !== 'file')
    return `Error: Mod directory '${path}' must contain 'run.sh'.`;
  if (kind === 'file' && !path.endsWith('.zip'))
    return `Error: --apply-mod '${path}' must be a directory or a .zip file.`;
  return undefined;
}

function pathKind(path: string): 'dir' | 'file' | 'none' {
  if (!existsSync(path)) return 'none';
  return statSync(path).isDirectory() ? 'dir' : 'file';
}
