import { sleep } from '../processes.js';
import { head, workers, type Launch } from './common.js';
import { printfQ } from './g2-args.js';
import type { RemoteResult } from '../fakes/remote.js';
import { err, out, relay, type LaunchNode } from './shell.js';

const SENTINEL = '/tmp/.launch-cluster-head-exit';

/**
 * `docker exec -d <container> bash -c <payload>` on a node: detached, so the result says only whether
 * it was dispatched. A worker's goes over `ssh`, the payload quoted with `printf %q` as the script does.
 */
export function execDetached(launch: Launch, node: LaunchNode, payload: string): Promise<RemoteResult> {
  if (node.local) return launch.shell.docker(node, ['exec', '-d', launch.name, 'bash', '-c', payload]);
  return launch.shell.ssh(node.ip, `docker exec -d ${printfQ(launch.name)} bash -c ${printfQ(payload)}`);
}

/** `_exec_on_head`: detached (not checked) or in the foreground with its exit code. */
export async function execOnHead(launch: Launch, command: string, daemon: boolean): Promise<number> {
  if (daemon) {
    relay(await execDetached(launch, head(launch), `${command} >> /proc/1/fd/1 2>&1`));
    out(`Command dispatched in background (Daemon mode). Container: ${launch.name}`);
    return 0;
  }
  return launch.shell.dockerLive(['exec', '-i', launch.name, 'bash', '-c', command]);
}

const withoutBackend = (command: string) => command.replace(/--distributed-executor-backend(=|\s+)\S+/g, '');

/** `exec_no_ray_cluster`: each worker rank detached over SSH (not checked), then the head (checked). */
export async function execNoRayCluster(
  launch: Launch,
  command: string,
  masterPort: string,
  daemon: boolean,
): Promise<number> {
  const total = 1 + launch.peers.length;
  const clean = withoutBackend(command);
  for (const [offset, worker] of workers(launch).entries()) {
    const rank = offset + 1;
    const payload = `${clean} --nnodes ${total} --node-rank ${rank} --master-addr ${launch.headIp} --master-port ${masterPort} --headless >> /proc/1/fd/1 2>&1`;
    out(`Launching worker (rank ${rank}) on ${worker.ip}...`);
    relay(await execDetached(launch, worker, payload));
  }
  const headCommand = `${clean} --nnodes ${total} --node-rank 0 --master-addr ${launch.headIp} --master-port ${masterPort}`;
  out(`Executing command on head node (rank 0): ${headCommand}`);
  const payload = daemon
    ? `${headCommand} >> /proc/1/fd/1 2>&1`
    : `${headCommand} >> /proc/1/fd/1 2>&1; echo $? > ${SENTINEL}`;
  const dispatched = await execDetached(launch, head(launch), payload);
  if (dispatched.code !== 0) {
    relay(dispatched);
    err(`Error: failed to start the command inside container '${launch.name}'.`);
    return 1;
  }
  if (daemon) {
    out(`Command dispatched in background (Daemon mode). Container: ${launch.name}`);
    return 0;
  }
  return waitForHeadExec(launch);
}

/** `_wait_for_head_exec`: streams the head's log until the sentinel holds the command's exit code. */
async function waitForHeadExec(launch: Launch): Promise<number> {
  const since = new Date().toISOString();
  let shown = 0;
  for (;;) {
    const logs = await launch.shell.docker(head(launch), ['logs', '--since', since, launch.name]);
    if (logs.stdout.length > shown) {
      process.stdout.write(logs.stdout.slice(shown));
      shown = logs.stdout.length;
    }
    const sentinel = await launch.shell.docker(head(launch), ['exec', launch.name, 'cat', SENTINEL]);
    if (/^\d+$/.test(sentinel.stdout.trim())) return Number(sentinel.stdout.trim());
    if (!(await launch.shell.running(head(launch), launch.name))) {
      err(`Container '${launch.name}' is no longer running; head command did not report completion.`);
      return 1;
    }
    await sleep(200);
  }
}
