import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkClusterRunning, head, waitForRay, workers, type Launch } from './common.js';
import type { Detection } from './detect.js';
import type { DotEnv } from './dotenv.js';
import { printfQ, type G2Options } from './g2-args.js';
import { execDetached } from './g2-exec.js';
import { out, relay } from './shell.js';

export const CACHE_DIRS = ['.cache/vllm', '.cache/flashinfer', '.triton', '.tilelang'];
/** `get_env_flags`: the per-node networking variables of `docker run`. */
function envFlags(ip: string, detection: Detection): string {
  const eth = detection.ethIf;
  return [
    `VLLM_HOST_IP=${ip}`,
    `RAY_NODE_IP_ADDRESS=${ip}`,
    `RAY_OVERRIDE_NODE_IP_ADDRESS=${ip}`,
    `MN_IF_NAME=${eth}`,
    `UCX_NET_DEVICES=${eth}`,
    `NCCL_SOCKET_IFNAME=${eth}`,
    `NCCL_IB_HCA=${detection.ibIf}`,
    'NCCL_IB_DISABLE=0',
    `OMPI_MCA_btl_tcp_if_include=${eth}`,
    `GLOO_SOCKET_IFNAME=${eth}`,
    `TP_SOCKET_IFNAME=${eth}`,
    'RAY_memory_monitor_refresh_ms=0',
    'RAY_num_prestart_python_workers=0',
    'RAY_object_store_memory=1073741824',
  ]
    .map((entry) => `-e ${entry}`)
    .join(' ');
}

/** DOCKER_ARGS as the script builds it: paths expanded on the head, the extra args appended unparsed. */
export function dockerArgs(options: G2Options, dotenv: DotEnv, home: string): string {
  const hfCache = process.env.HF_HOME || join(home, '.cache', 'huggingface');
  const parts = [
    '-e NCCL_IGNORE_CPU_AFFINITY=1',
    '-e PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True',
    `-v ${hfCache}:/root/.cache/huggingface`,
  ];
  if (process.env.VLLM_SPARK_EXTRA_DOCKER_ARGS) parts.push(process.env.VLLM_SPARK_EXTRA_DOCKER_ARGS);
  for (const entry of options.env) parts.push(`-e ${entry}`);
  if (options.ncclDebug) parts.push(`-e NCCL_DEBUG=${options.ncclDebug}`);
  for (const [key, value] of Object.entries(dotenv)) {
    if (!key.startsWith('CONTAINER_') || key === 'CONTAINER_NAME') continue;
    parts.push(`-e ${key.slice('CONTAINER_'.length)}=${value}`);
    out(`Adding container env: ${key.slice('CONTAINER_'.length)}`);
  }
  if (options.cacheDirs) for (const dir of CACHE_DIRS) parts.push(`-v ${join(home, dir)}:/root/${dir}`);
  for (const mapping of options.volumes) parts.push(`-v ${mapping}`);
  return parts.join(' ');
}

export async function sshCheck(launch: Launch): Promise<boolean> {
  if (launch.peers.length === 0) return true;
  out('Checking SSH connectivity to worker nodes...');
  for (const worker of launch.peers) {
    const probe = await launch.shell.ssh(worker, 'true');
    if (probe.code !== 0) {
      out(`Error: Passwordless SSH to ${worker} failed.`);
      out('  Please ensure SSH keys are configured and the host is reachable.');
      return false;
    }
    out(`  SSH to ${worker}: OK`);
  }
  return true;
}

/** `verify_cluster_image_consistency`: the image id must match on the head and every worker. */
async function verifyImages(launch: Launch): Promise<boolean> {
  if (launch.peers.length === 0) return true;
  out('Verifying Docker image consistency across cluster nodes...');
  const inspect = ['image', 'inspect', '--format', '{{.Id}}', launch.image];
  const headId = (await launch.shell.docker(head(launch), inspect)).stdout.trim();
  if (!headId) {
    out(`Error: Could not inspect image '${launch.image}' on head node (${launch.headIp}).`);
    out('       Make sure the image exists and is accessible to the current user.');
    return false;
  }
  out(`  [HEAD] ${launch.headIp}: ${headId}`);
  let failed = false;
  for (const worker of workers(launch)) {
    const result = await launch.shell.ssh(
      worker.ip,
      `docker image inspect --format '{{.Id}}' ${printfQ(launch.image)}`,
    );
    const id = result.code === 0 ? result.stdout.trim() : '';
    if (!id) {
      out(`Error: Could not inspect image '${launch.image}' on worker node (${worker.ip}).`);
      out('       The image may be missing or inaccessible to the remote user.');
      failed = true;
    } else if (id !== headId) {
      out(`Error: Docker image mismatch on worker node (${worker.ip}):`);
      out(`       Head:   ${headId}`);
      out(`       Worker: ${id}`);
      failed = true;
    } else {
      out(`  [WORKER] ${worker.ip}: ${id} (match)`);
    }
  }
  if (failed) {
    out(`Error: Cluster launch aborted because image '${launch.image}' is not in sync.`);
    out(
      `       Sync it with: ./build-and-copy.sh --no-build -t ${printfQ(launch.image)} --copy-to <worker-hosts>`,
    );
    return false;
  }
  out('Docker image consistency check passed.');
  return true;
}

/** `start_cluster`: idle containers on every node (their `docker run` results are not checked). */
export async function startCluster(
  launch: Launch,
  detection: Detection,
  docker: string,
  home: string,
  withoutRay: boolean,
  cacheDirs: boolean,
  masterPort: string,
): Promise<boolean> {
  await checkClusterRunning(launch);
  if (launch.clusterWasRunning) return true;
  if (!(await verifyImages(launch))) return false;
  const common = `--gpus all -d --rm --network host --name ${launch.name} --entrypoint= ${docker} ${launch.image}`;
  const privileges = '--privileged --ulimit nofile=1048576:1048576 --ipc=host';
  out(`Starting Head Node on ${launch.headIp}...`);
  if (cacheDirs) for (const dir of CACHE_DIRS) mkdirSync(join(home, dir), { recursive: true });
  relay(
    await launch.shell.docker(
      head(launch),
      [],
      `run ${privileges} ${envFlags(launch.headIp, detection)} ${common} sleep infinity`,
    ),
  );
  for (const worker of workers(launch)) {
    out(`Starting Worker Node on ${worker.ip}...`);
    if (cacheDirs)
      await launch.shell.ssh(worker.ip, `mkdir -p ${CACHE_DIRS.map((dir) => join(home, dir)).join(' ')}`);
    relay(
      await launch.shell.ssh(
        worker.ip,
        `docker run ${privileges} ${envFlags(worker.ip, detection)} ${common} sleep infinity`,
      ),
    );
  }
  if (withoutRay) {
    await launch.shell.settle();
    return true;
  }
  out(`Starting Ray HEAD node on ${launch.headIp}...`);
  await execDetached(
    launch,
    head(launch),
    `ray start --block --head --port ${masterPort} --node-ip-address ${launch.headIp} >> /proc/1/fd/1 2>&1`,
  );
  for (const worker of workers(launch)) {
    out(`Starting Ray WORKER node on ${worker.ip}...`);
    const payload = `ray start --block --address=${launch.headIp}:${masterPort} --node-ip-address ${worker.ip} >> /proc/1/fd/1 2>&1`;
    await execDetached(launch, worker, payload);
  }
  return waitForRay(launch);
}
