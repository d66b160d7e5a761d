import { join } from 'node:path';
import {
  checkClusterRunning,
  cleanup,
  head,
  modProblem,
  status,
  waitForRay,
  workers,
  type Launch,
} from './common.js';
import { allNodes, detectInterfaces, detectLocalIp, detectNodes, type Detection } from './detect.js';
import { parseG1 } from './g1-args.js';
import { out, relay, type NodeShell } from './shell.js';
import type { Trap } from './signals.js';
import { usage } from './usage.js';

/** The fake `launch-cluster.sh` of spark-vllm-docker G1 (commit 74c02c3): Ray always, no `.env`, no `--solo`. */
export async function launchG1(
  shell: NodeShell,
  args: string[],
  script: string,
  trap: Trap,
): Promise<number> {
  const { context } = shell;
  const options = parseG1(args);
  if (options === 'usage') {
    for (const line of usage('G1', script)) out(line);
    return 1;
  }
  const home = process.env.HOME ?? context.spark.home;
  const docker = [
    '-e NCCL_IGNORE_CPU_AFFINITY=1',
    `-v ${join(home, '.cache', 'huggingface')}:/root/.cache/huggingface`,
    ...(process.env.VLLM_SPARK_EXTRA_DOCKER_ARGS ? [process.env.VLLM_SPARK_EXTRA_DOCKER_ARGS] : []),
    ...(options.ncclDebug ? [`-e NCCL_DEBUG=${options.ncclDebug}`] : []),
  ].join(' ');
  for (const mod of options.mods) {
    const problem = modProblem(mod);
    if (problem) {
      out(problem);
      return 1;
    }
  }
  const detection: Detection = {
    ethIf: options.ethIf,
    ibIf: options.ibIf,
    localIp: '',
    nodesArg: options.nodesArg,
    peers: [],
    cidr: '',
  };
  if (!detectInterfaces(context, 'G1', detection) || !(await detectNodes(shell, 'G1', detection, undefined)))
    return 1;
  if (!detection.nodesArg) {
    out('Error: Nodes argument (-n) is mandatory or could not be auto-detected.');
    for (const line of usage('G1', script)) out(line);
    return 1;
  }
  if (!detectLocalIp(context, 'G1', detection)) return 1;
  if (!allNodes(detection).includes(detection.localIp)) {
    out(`Error: Local IP (${detection.localIp}) is not in the list of nodes (${detection.nodesArg}).`);
    return 1;
  }
  const launch: Launch = {
    shell,
    generation: 'G1',
    name: options.name,
    image: options.image,
    headIp: detection.localIp,
    peers: detection.peers,
    clusterWasRunning: false,
  };
  out(`Head Node: ${launch.headIp}`);
  out(`Worker Nodes: ${launch.peers.join(' ')}`);
  out(`Container Name: ${launch.name}`);
  out(`Image Name: ${launch.image}`);
  out(`Action: ${options.action}`);
  if (
    (options.action === 'start' || options.action === 'exec' || options.checkConfig) &&
    launch.peers.length > 0
  ) {
    out('Checking SSH connectivity to worker nodes...');
    for (const worker of launch.peers) {
      if ((await shell.ssh(worker, 'true')).code !== 0) {
        out(`Error: Passwordless SSH to ${worker} failed.`);
        out('  Please ensure SSH keys are configured and the host is reachable.');
        return 1;
      }
      out(`  SSH to ${worker}: OK`);
    }
  }
  if (options.checkConfig) {
    out('Configuration Check Complete.');
    out(`  Image Name: ${launch.image}`);
    out(`  ETH Interface: ${detection.ethIf}`);
    out(`  IB Interface: ${detection.ibIf}`);
    return 0;
  }
  if (options.action === 'stop') {
    await cleanup(launch);
    return 0;
  }
  if (options.action === 'status') return status(launch, true);
  // G1 stops the cluster after every exec, `-d` or not.
  if (!options.daemon || options.action === 'exec') trap.arm(() => cleanup(launch));

  await checkClusterRunning(launch);
  if (!launch.clusterWasRunning) {
    out(`Starting Head Node on ${launch.headIp}...`);
    const node = `./run-cluster-node.sh --role head --host-ip ${launch.headIp} --eth-if ${detection.ethIf} --ib-if ${detection.ibIf}`;
    relay(
      await shell.docker(
        head(launch),
        [],
        `run -d --privileged --gpus all --rm --ipc=host --network host --name ${launch.name} ${docker} ${launch.image} ${node}`,
      ),
    );
    for (const worker of workers(launch)) {
      out(`Starting Worker Node on ${worker.ip}...`);
      relay(
        await shell.ssh(
          worker.ip,
          `docker run -d --privileged --gpus all --rm --ipc=host --network host --name ${launch.name} ${docker} ${launch.image} ./run-cluster-node.sh --role node --host-ip ${worker.ip} --eth-if ${detection.ethIf} --ib-if ${detection.ibIf} --head-ip ${launch.headIp}`,
        ),
      );
    }
    if (!(await waitForRay(launch))) {
      await trap.exit();
      return 1;
    }
  }
  if (options.action === 'exec') {
    out(`Executing command on head node: ${options.command}`);
    const code = await shell.dockerLive(['exec', '-i', launch.name, 'bash', '-i', '-c', options.command]);
    await trap.exit();
    return code;
  }
  if (options.daemon) {
    out('Cluster started in background (Daemon mode).');
    return 0;
  }
  out('Cluster started. Tailing logs from head node...');
  out('Press Ctrl+C to stop the cluster.');
  await shell.dockerLive(['logs', '-f', launch.name]);
  await trap.exit();
  return 0;
}
