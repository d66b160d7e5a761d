import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../processes.js';
import {
  checkClusterRunning,
  cleanup,
  head,
  modProblem,
  requiredNodes,
  status,
  waitForRay,
  workers,
  type Launch,
} from './common.js';
import { allNodes, detectInterfaces, detectNodes, type Detection } from './detect.js';
import { readDotEnv, type DotEnv } from './dotenv.js';
import { parseG2, printfQ, type G2Options } from './g2-args.js';
import { err, out, relay, type NodeShell } from './shell.js';
import type { Trap } from './signals.js';
import { usage } from './usage.js';

const CACHE_DIRS = ['.cache/vllm', '.cache/flashinfer', '.triton', '.tilelang'];
const SENTINEL = '/tmp/.launch-cluster-head-exit';

function pathKind(path: string): 'dir' | 'file' | 'none' {
  if (!existsSync(path)) return 'none';
  return statSync(path).isDirectory() ? 'dir' : 'file';
}

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
function dockerArgs(options: G2Options, dotenv: DotEnv, home: string): string {
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

/** The fake `launch-cluster.sh` of spark-vllm-docker G2 (contracts/spark-vllm-docker.md). */
export async function launchG2(
  shell: NodeShell,
  args: string[],
  script: string,
  trap: Trap,
): Promise<number> {
  const { context } = shell;
  const parsed = parseG2(args);
  if ('exit' in parsed) {
    for (const line of parsed.lines) out(line);
    if (parsed.usage) for (const line of usage('G2', script)) out(line);
    return parsed.exit;
  }
  const { options } = parsed;
  const home = process.env.HOME ?? context.spark.home;
  const scriptDir = process.env.SIM_SCRIPT_DIR ?? join(home, 'spark-vllm-docker');
  const configFile = options.configFile || join(scriptDir, '.env');
  let dotenv: DotEnv = {};
  const loaded = readDotEnv(configFile);
  if (loaded) {
    out('Loading configuration from .env file...');
    if ('error' in loaded) {
      out(loaded.error);
      return 1;
    }
    dotenv = loaded.values;
    out(
      `Loaded .env variables: ${Object.keys(dotenv)
        .map((key) => `DOTENV_${key} `)
        .join('')}`,
    );
  } else if (options.configFile) {
    out(`Error: Config file not found: ${configFile}`);
    return 1;
  }
  // Command-line flags win, except a default --name / --master-port, which .env replaces.
  if (!options.nodesArg && dotenv.CLUSTER_NODES) options.nodesArg = dotenv.CLUSTER_NODES;
  if (!options.ethIf && dotenv.ETH_IF) options.ethIf = dotenv.ETH_IF;
  if (!options.ibIf && dotenv.IB_IF) options.ibIf = dotenv.IB_IF;
  if (options.masterPort === '29501' && dotenv.MASTER_PORT) options.masterPort = dotenv.MASTER_PORT;
  if (options.name === 'vllm_node' && dotenv.CONTAINER_NAME) options.name = dotenv.CONTAINER_NAME;
  const docker = dockerArgs(options, dotenv, home);
  for (const mod of options.mods) {
    const problem = modProblem(mod, pathKind);
    if (problem) {
      out(problem);
      return 1;
    }
  }

  const detection: Detection = {
    ethIf: options.ethIf,
    ibIf: options.ibIf,
    localIp: dotenv.LOCAL_IP ?? '',
    nodesArg: options.nodesArg,
    peers: [],
    cidr: '',
  };
  if (options.solo) {
    detection.localIp ||= '127.0.0.1';
    detection.nodesArg = detection.localIp;
    out('Solo mode enabled. Skipping node detection.');
  } else if (
    !detectInterfaces(context, 'G2', detection) ||
    !(await detectNodes(shell, 'G2', detection, dotenv.CLUSTER_NODES))
  ) {
    return 1;
  }
  if (!detection.nodesArg) {
    out('Error: Nodes argument (-n) is mandatory or could not be auto-detected.');
    for (const line of usage('G2', script)) out(line);
    return 1;
  }
  if (!allNodes(detection).includes(detection.localIp)) {
    out(`Error: Local IP (${detection.localIp}) is not in the list of nodes (${detection.nodesArg}).`);
    return 1;
  }
  let solo = options.solo;
  if (!solo && detection.peers.length === 0) {
    out('Only local node detected/configured. Activating solo mode (no Ray cluster).');
    solo = true;
  }
  if (solo && options.rayExplicit) {
    out('Error: --ray is incompatible with --solo or a single-node configuration.');
    return 1;
  }
  if (solo && options.noRayExplicit) {
    out('Error: --no-ray is incompatible with --solo or a single-node configuration.');
    return 1;
  }
  const noRay = options.noRay && !solo;
  const launch: Launch = {
    shell,
    generation: 'G2',
    name: options.name,
    image: options.image,
    headIp: detection.localIp,
    peers: solo ? [] : detection.peers,
    clusterWasRunning: false,
  };
  out(`Head Node: ${launch.headIp}`);
  out(`Worker Nodes: ${launch.peers.join(' ')}`);
  out(`Container Name: ${launch.name}`);
  out(`Image Name: ${launch.image}`);
  out(`Action: ${options.action}`);
  if (options.action === 'start' || options.action === 'exec' || options.checkConfig) {
    if (!(await sshCheck(launch))) return 1;
  }
  if (!options.action && !options.checkConfig) {
    out('Error: No action specified. Use: start | stop | status | exec');
    for (const line of usage('G2', script)) out(line);
    return 1;
  }
  if (options.checkConfig) {
    out('Configuration Check Complete.');
    out(`  Image Name: ${launch.image}`);
    out(`  ETH Interface: ${detection.ethIf}`);
    out(`  IB Interface: ${detection.ibIf}`);
    out(`  Docker Args: ${docker}`);
    out('  Docker Network: host');
    out(
      `  Mounting Cache Dirs: ${options.cacheDirs ? CACHE_DIRS.map((dir) => join(home, dir)).join(' ') : '(Disabled)'}`,
    );
    return 0;
  }
  if (options.action === 'stop') {
    await cleanup(launch);
    return 0;
  }
  if (options.action === 'status') return status(launch, !noRay);
  if (!options.daemon) trap.arm(() => cleanup(launch));

  let command = options.command;
  if (options.action === 'exec') {
    if (
      !solo &&
      !noRay &&
      /(^|\s)vllm\s+serve(\s|$)/.test(command) &&
      !/--distributed-executor-backend(=|\s|$)/.test(command)
    ) {
      err('Adding --distributed-executor-backend ray for Ray mode.');
      command = `${command} --distributed-executor-backend ray`;
    }
    const required = solo || launch.peers.length === 0 ? undefined : requiredNodes(command);
    const total = 1 + launch.peers.length;
    if (required !== undefined && required > total) {
      out(
        `Error: Command requires ${required} nodes (${sizes(command)}) but only ${total} node(s) are configured.`,
      );
      return 1;
    }
    if (required !== undefined && required < total) {
      out(
        `Note: Command requires ${required} node(s) (${sizes(command)}); using ${required} of ${total} configured node(s).`,
      );
      launch.peers = launch.peers.slice(0, required - 1);
    }
  }
  if (
    !(await startCluster(
      launch,
      detection,
      docker,
      home,
      solo || noRay,
      options.cacheDirs,
      options.masterPort,
    ))
  )
    return 1;
  if (options.action === 'start') {
    if (options.daemon) {
      out('Cluster started in background (Daemon mode).');
      return 0;
    }
    out('Cluster started. Tailing logs from head node...');
    out('Press Ctrl+C to stop the cluster.');
    await shell.dockerLive(['logs', '-f', launch.name]);
    return 0;
  }
  out(`Executing command: ${command}`);
  if (noRay && launch.peers.length > 0 && /vllm serve/.test(command))
    return execNoRayCluster(launch, command, options.masterPort, options.daemon);
  return execOnHead(launch, command, options.daemon);
}

function sizes(command: string): string {
  const words = command.replace(/(--[a-z-]*)=/g, '$1 ').split(/\s+/);
  const size = (...flags: string[]) => {
    const at = words.findIndex((word) => flags.includes(word));
    return at >= 0 && /^\d+$/.test(words[at + 1] ?? '') ? words[at + 1] : '1';
  };
  return `tp=${size('-tp', '--tensor-parallel-size')} * pp=${size('-pp', '--pipeline-parallel-size')} * dp=${size('-dp', '--data-parallel-size')}`;
}

async function sshCheck(launch: Launch): Promise<boolean> {
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
async function startCluster(
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
  await launch.shell.docker(head(launch), [
    'exec',
    '-d',
    launch.name,
    'bash',
    '-c',
    `ray start --block --head --port ${masterPort} --node-ip-address ${launch.headIp} >> /proc/1/fd/1 2>&1`,
  ]);
  for (const worker of workers(launch)) {
    out(`Starting Ray WORKER node on ${worker.ip}...`);
    const payload = `ray start --block --address=${launch.headIp}:${masterPort} --node-ip-address ${worker.ip} >> /proc/1/fd/1 2>&1`;
    await launch.shell.ssh(worker.ip, `docker exec -d ${launch.name} bash -c ${printfQ(payload)}`);
  }
  return waitForRay(launch);
}

/** `_exec_on_head`: detached (not checked) or in the foreground with its exit code. */
async function execOnHead(launch: Launch, command: string, daemon: boolean): Promise<number> {
  if (daemon) {
    relay(
      await launch.shell.docker(head(launch), [
        'exec',
        '-d',
        launch.name,
        'bash',
        '-c',
        `${command} >> /proc/1/fd/1 2>&1`,
      ]),
    );
    out(`Command dispatched in background (Daemon mode). Container: ${launch.name}`);
    return 0;
  }
  return launch.shell.dockerLive(['exec', '-i', launch.name, 'bash', '-c', command]);
}

const withoutBackend = (command: string) => command.replace(/--distributed-executor-backend(=|\s+)\S+/g, '');

/** `exec_no_ray_cluster`: each worker rank detached over SSH (not checked), then the head (checked). */
async function execNoRayCluster(
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
    relay(
      await launch.shell.ssh(worker.ip, `docker exec -d ${printfQ(launch.name)} bash -c ${printfQ(payload)}`),
    );
  }
  const headCommand = `${clean} --nnodes ${total} --node-rank 0 --master-addr ${launch.headIp} --master-port ${masterPort}`;
  out(`Executing command on head node (rank 0): ${headCommand}`);
  const payload = daemon
    ? `${headCommand} >> /proc/1/fd/1 2>&1`
    : `${headCommand} >> /proc/1/fd/1 2>&1; echo $? > ${SENTINEL}`;
  const dispatched = await launch.shell.docker(head(launch), [
    'exec',
    '-d',
    launch.name,
    'bash',
    '-c',
    payload,
  ]);
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
