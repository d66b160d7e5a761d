import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dockerCommand, type Io } from '../docker/cli.js';
import { ContainerStore } from '../docker/store.js';
import { type SparkContext, type SparkInfo, sparkContextFromEnv } from '../layout.js';
import { sleep } from '../processes.js';
import { quote, sshRun } from './remote.js';

// The fake spark-vllm-docker `launch-cluster.sh` (G2 behaviour of contracts/spark-vllm-docker.md).

interface Options {
  nodes?: string[];
  image: string;
  name: string;
  solo: boolean;
  daemon: boolean;
  ray: boolean;
  env: string[];
  volumes: string[];
  masterPort: number;
  noCacheDirs: boolean;
  checkConfig: boolean;
  mods: string[];
  localIp?: string;
  ethIf: string;
  ibIf: string;
}

interface Node {
  ip: string;
  spark: SparkInfo | undefined;
  local: boolean;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string): number => {
  out(line);
  return 1;
};

function readDotEnv(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1]) values[match[1]] = (match[2] ?? '').trim().replace(/^["']|["']$/g, '');
  }
  return values;
}

type ParseResult = { options: Options; action: string; command: string[] } | { error: string; code: number };

function parseArgs(args: string[], scriptDir: string): ParseResult {
  let configFile = join(scriptDir, '.env');
  const configIndex = args.indexOf('--config');
  if (configIndex >= 0 && args[configIndex + 1]) configFile = args[configIndex + 1] ?? configFile;
  const dotEnv = readDotEnv(configFile);
  const options: Options = {
    nodes: dotEnv.CLUSTER_NODES ? dotEnv.CLUSTER_NODES.split(',').filter(Boolean) : undefined,
    image: 'vllm-node',
    name: dotEnv.CONTAINER_NAME ?? 'vllm_node',
    solo: false,
    daemon: false,
    ray: false,
    env: Object.entries(dotEnv)
      .filter(([key]) => key.startsWith('CONTAINER_') && key !== 'CONTAINER_NAME')
      .map(([key, value]) => `${key.slice('CONTAINER_'.length)}=${value}`),
    volumes: [],
    masterPort: Number(dotEnv.MASTER_PORT ?? 29501),
    noCacheDirs: false,
    checkConfig: false,
    mods: [],
    localIp: dotEnv.LOCAL_IP,
    ethIf: dotEnv.ETH_IF ?? 'enp1s0f0np0',
    ibIf: dotEnv.IB_IF ?? 'rocep1s0f0,roceP2p1s0f0',
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const value = () => {
      const next = args[++index];
      if (next === undefined) throw new Error(`Error: ${arg} requires a value`);
      return next;
    };
    try {
      switch (arg) {
        case 'start':
        case 'stop':
        case 'status':
          return { options, action: arg, command: [] };
        case 'exec':
          return { options, action: 'exec', command: args.slice(index + 1) };
        case '-n':
        case '--nodes':
          options.nodes = value().split(',').filter(Boolean);
          break;
        case '-t':
          options.image = value();
          break;
        case '--name':
          options.name = value();
          break;
        case '--eth-if':
          options.ethIf = value();
          break;
        case '--ib-if':
          options.ibIf = value();
          break;
        case '--apply-mod':
          options.mods.push(value());
          break;
        case '--check-config':
          options.checkConfig = true;
          break;
        case '-d':
          options.daemon = true;
          break;
        case '--nccl-debug':
          if (args[index + 1] && /^(VERSION|WARN|INFO|TRACE)$/.test(args[index + 1] ?? '')) index++;
          break;
        case '--solo':
          options.solo = true;
          break;
        case '--ray':
          options.ray = true;
          break;
        case '--no-ray':
          options.ray = false;
          break;
        case '-e':
          options.env.push(value());
          break;
        case '-v':
          options.volumes.push(value());
          break;
        case '--master-port':
        case '--head-port':
          options.masterPort = Number(value());
          break;
        case '--no-cache-dirs':
          options.noCacheDirs = true;
          break;
        case '--config':
        case '-p':
        case '--launch-script':
        case '--apply-vllm-pr':
          value();
          break;
        case '--setup':
        case '--earlyoom':
        case '--non-privileged':
        case '--keep-entrypoint':
          break;
        case '-h':
        case '--help':
          return {
            error: 'Usage: launch-cluster.sh [options] <start|stop|status|exec> [command...]',
            code: 0,
          };
        default:
          return {
            error: arg.startsWith('-') ? `Error: Unknown option: ${arg}` : `Error: Unknown action: ${arg}`,
            code: 1,
          };
      }
    } catch (error) {
      return { error: (error as Error).message, code: 1 };
    }
  }
  if (options.checkConfig) return { options, action: 'check-config', command: [] };
  return { error: 'Error: No action specified. Use one of: start, stop, status, exec.', code: 1 };
}

/** Node count a vLLM command needs: tensor × pipeline × data parallel sizes (one GPU per Spark). */
function requiredNodes(command: string[]): number | undefined {
  if (!command.includes('serve')) return undefined;
  const size = (...names: string[]) => {
    for (let index = 0; index < command.length; index++) {
      const arg = command[index] ?? '';
      for (const name of names) {
        if (arg === name) return Number(command[index + 1] ?? 1);
        if (arg.startsWith(`${name}=`)) return Number(arg.slice(name.length + 1));
      }
    }
    return 1;
  };
  return (
    size('-tp', '--tensor-parallel-size') *
    size('-pp', '--pipeline-parallel-size') *
    size('-dp', '--data-parallel-size')
  );
}

function withoutBackendFlag(command: string[]): string[] {
  const result: string[] = [];
  for (let index = 0; index < command.length; index++) {
    const arg = command[index] ?? '';
    if (arg === '--distributed-executor-backend') index++;
    else if (!arg.startsWith('--distributed-executor-backend=')) result.push(arg);
  }
  return result;
}

class Launcher {
  constructor(
    readonly context: SparkContext,
    readonly options: Options,
  ) {}

  node(ip: string): Node {
    const spark = this.context.config.sparks.find((candidate) => candidate.host === ip);
    const local = ip === this.localIp() || ip === '127.0.0.1' || spark?.id === this.context.spark.id;
    return { ip, spark: local ? this.context.spark : spark, local };
  }

  localIp(): string {
    return this.options.localIp ?? (this.options.solo ? '127.0.0.1' : this.context.spark.host);
  }

  /** Runs `docker …` on a node: in-process on this Spark, over SSH on the others. */
  async docker(
    node: Node,
    args: string[],
    extraRaw = '',
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    if (node.local) {
      let stdout = '';
      let stderr = '';
      const io: Io = { out: (text) => (stdout += text), err: (text) => (stderr += text) };
      const extra = extraRaw.trim() === '' ? [] : extraRaw.trim().split(/\s+/);
      const code = await dockerCommand(this.context, [...args, ...extra], io);
      return { code, stdout, stderr };
    }
    if (!node.spark) return { code: 255, stdout: '', stderr: `ssh: Could not resolve hostname ${node.ip}\n` };
    return sshRun(
      this.context.spark.home,
      node.spark,
      `docker ${args.map(quote).join(' ')} ${extraRaw}`.trim(),
    );
  }

  async running(node: Node): Promise<boolean> {
    const result = await this.docker(node, ['ps', '--format', '{{.Names}}']);
    return result.stdout.split('\n').some((line) => line.includes(this.options.name));
  }

  runArgs(node: Node): { args: string[]; extra: string } {
    const home = node.spark?.home ?? this.context.spark.home;
    const args = [
      'run',
      '--gpus',
      'all',
      '-d',
      '--rm',
      '--network',
      'host',
      '--privileged',
      '--ipc=host',
      '--ulimit',
      'nofile=1048576:1048576',
      '--entrypoint=',
      '-e',
      'NCCL_IGNORE_CPU_AFFINITY=1',
      '-e',
      'PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True',
      '-e',
      `VLLM_HOST_IP=${node.ip}`,
      '-e',
      `NCCL_SOCKET_IFNAME=${this.options.ethIf}`,
      '-e',
      `NCCL_IB_HCA=${this.options.ibIf}`,
      ...this.options.env.flatMap((entry) => ['-e', entry]),
      '-v',
      `${join(home, '.cache', 'huggingface')}:/root/.cache/huggingface`,
      ...(this.options.noCacheDirs
        ? []
        : ['.cache/vllm', '.cache/flashinfer', '.triton', '.tilelang'].flatMap((dir) => [
            '-v',
            `${join(home, dir)}:/root/${dir}`,
          ])),
      ...this.options.volumes.flatMap((volume) => ['-v', volume]),
      '--name',
      this.options.name,
    ];
    // VLLM_SPARK_EXTRA_DOCKER_ARGS goes in unparsed, before the image.
    const extra = (process.env.VLLM_SPARK_EXTRA_DOCKER_ARGS ?? '')
      .replaceAll('$HOME', home)
      .replaceAll('${HOME}', home);
    return { args, extra };
  }

  async startContainer(node: Node, role: 'Head' | 'Worker'): Promise<boolean> {
    out(`Starting ${role} Node on ${node.ip}...`);
    const { args, extra } = this.runArgs(node);
    const image = [this.options.image, 'sleep', 'infinity'];
    let result;
    if (node.local) {
      const extraWords = extra.trim() === '' ? [] : extra.trim().split(/\s+/);
      result = await this.docker(node, [...args, ...extraWords, ...image]);
    } else if (node.spark) {
      result = await sshRun(
        this.context.spark.home,
        node.spark,
        `docker ${args.map(quote).join(' ')} ${extra} ${image.map(quote).join(' ')}`,
      );
    } else {
      result = { code: 255, stdout: '', stderr: '' };
    }
    if (result.code !== 0) {
      process.stdout.write(result.stderr);
      out(`Error: Failed to start container on ${node.ip}.`);
      return false;
    }
    return true;
  }

  async stopAll(nodes: Node[]): Promise<void> {
    out('Stopping cluster...');
    for (const node of nodes) await this.docker(node, ['stop', this.options.name]);
    out('Cluster stopped.');
  }
}

async function main(): Promise<number> {
  // Like bash, keep going when the terminal is gone (the stop trap must still run after a hang-up).
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const context = sparkContextFromEnv();
  const scriptDir = process.env.SIM_SCRIPT_DIR ?? join(context.spark.home, 'spark-vllm-docker');
  const parsed = parseArgs(process.argv.slice(2), scriptDir);
  if ('error' in parsed) {
    out(parsed.error);
    return parsed.code;
  }
  const { options, action } = parsed;
  // Like the script's early `trap`: a signal before the cluster is up is kept and handled once it is.
  let pendingSignal = false;
  const early = () => (pendingSignal = true);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, early);
  let { command } = parsed;
  const launcher = new Launcher(context, options);

  // Which nodes: --solo, -n / CLUSTER_NODES, else discovery of the other simulated Sparks over SSH.
  let ips: string[];
  if (options.solo) {
    ips = [launcher.localIp()];
  } else if (options.nodes) {
    const localIp = launcher.localIp();
    if (!options.nodes.includes(localIp))
      return fail(`Error: Local IP (${localIp}) is not in the list of nodes (${options.nodes.join(',')}).`);
    ips = options.nodes;
  } else {
    ips = [context.spark.host];
    for (const spark of context.config.sparks.filter((candidate) => candidate.id !== context.spark.id)) {
      const probe = await sshRun(
        context.spark.home,
        spark,
        'nvidia-smi --query-gpu=name --format=csv,noheader',
        3000,
      );
      if (probe.code === 0 && probe.stdout.includes('NVIDIA GB10')) ips.push(spark.host);
    }
    if (ips.length === 1) {
      out('Only local node detected/configured. Activating solo mode (no Ray cluster).');
      options.solo = true;
    }
  }

  if (action === 'exec') {
    const needed = requiredNodes(command);
    if (needed !== undefined && !options.solo) {
      if (needed > ips.length)
        return fail(
          `Error: Command requires ${needed} node(s), but only ${ips.length} node(s) are configured.`,
        );
      if (needed < ips.length) {
        out(
          `Note: Command requires ${needed} node(s), but ${ips.length} were provided. Using the first ${needed}.`,
        );
        ips = ips.slice(0, needed);
      }
    }
  }
  const nodes = ips.map((ip) => launcher.node(ip));
  const [head, ...workers] = nodes;
  if (!head) return fail('Error: No nodes configured.');
  const cluster = workers.length > 0;

  if (action === 'status') {
    for (const [index, node] of nodes.entries()) {
      const state = (await launcher.running(node)) ? 'RUNNING' : 'NOT running';
      out(`[${index === 0 ? 'HEAD' : 'WORKER'}] ${node.ip}: Container '${options.name}' is ${state}.`);
    }
    return 0;
  }
  if (action === 'stop') {
    await launcher.stopAll([...workers, head]);
    return 0;
  }

  out(`Head Node: ${head.ip}`);
  if (cluster) {
    out(`Worker Nodes: ${workers.map((node) => node.ip).join(' ')}`);
    out('Checking SSH connectivity to worker nodes...');
    for (const worker of workers) {
      const probe = worker.spark
        ? await sshRun(context.spark.home, worker.spark, 'true')
        : { code: 255, stderr: `ssh: Could not resolve hostname ${worker.ip}: Name or service not known\n` };
      if (probe.code !== 0) {
        process.stderr.write(probe.stderr);
        return fail(`Error: Passwordless SSH to ${worker.ip} failed.`);
      }
      out(`  SSH to ${worker.ip}: OK`);
    }
  }
  if (action === 'check-config') {
    out(`Container: ${options.name}`);
    out(`Image: ${options.image}`);
    out(`ETH_IF: ${options.ethIf}`);
    out(`IB_IF: ${options.ibIf}`);
    out(`Mode: ${options.solo || !cluster ? 'solo' : options.ray ? 'ray' : 'no-ray'}`);
    return 0;
  }
  for (const mod of options.mods) {
    const dir = mod.replace(/^~(?=\/)/, context.spark.home);
    const runScript = join(dir.startsWith('/') ? dir : join(scriptDir, dir), 'run.sh');
    if (!existsSync(runScript)) return fail(`Error: Mod '${mod}' does not contain a run.sh.`);
  }

  let reuse = false;
  if (await launcher.running(head)) {
    out(`Warning: Container '${options.name}' is already running on head node (${head.ip}).`);
    out('Cluster containers are already running. Skipping launch.');
    reuse = true;
  } else {
    if (cluster) {
      const ids = await Promise.all(
        nodes.map(async (node) =>
          (
            await launcher.docker(node, ['image', 'inspect', '--format', '{{.Id}}', options.image])
          ).stdout.trim(),
        ),
      );
      if (ids.some((id) => id === '' || id !== ids[0]))
        return fail(`Error: Cluster launch aborted because image '${options.image}' is not in sync.`);
    }
    if (!(await launcher.startContainer(head, 'Head'))) return 1;
    for (const worker of workers) if (!(await launcher.startContainer(worker, 'Worker'))) return 1;
    if (options.ray && cluster) out('Cluster head is responsive.');
    for (const mod of options.mods) out(`Applying mod ${mod}...`);
  }

  const cleanup = async () => {
    if (!reuse) await launcher.stopAll([...workers, head]);
  };

  if (action === 'start') {
    if (options.daemon) {
      out('Cluster started in background (Daemon mode).');
      return 0;
    }
    // Hold the cluster (and keep node's event loop alive) until a signal arrives. The trap is set before
    // the message: a reader that hangs up as soon as it sees it must not hit the default signal action.
    const hold = setInterval(() => undefined, 60_000);
    const signalled = new Promise<void>((resolve) => {
      // `on`, not `once`: a second signal during the stop must not kill the trap.
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve());
      if (pendingSignal) resolve();
    });
    out('Cluster started. Press Ctrl+C to stop.');
    await signalled;
    clearInterval(hold);
    await cleanup();
    return 0;
  }

  // exec
  if (command.length === 0) return fail('Error: exec requires a command.');
  const multiNode = cluster && !options.ray;
  if (
    options.ray &&
    cluster &&
    command.includes('serve') &&
    !command.includes('--distributed-executor-backend')
  ) {
    command = [...command, '--distributed-executor-backend', 'ray'];
  }
  if (multiNode) {
    command = withoutBackendFlag(command);
    const rankArgs = (rank: number) => [
      '--nnodes',
      String(nodes.length),
      '--node-rank',
      String(rank),
      '--master-addr',
      head.ip,
      '--master-port',
      String(options.masterPort),
    ];
    for (const [offset, worker] of workers.entries()) {
      const workerCommand = [...command, ...rankArgs(offset + 1), '--headless'].map(quote).join(' ');
      const result = await launcher.docker(worker, [
        'exec',
        '-d',
        options.name,
        'bash',
        '-c',
        `${workerCommand} >> /proc/1/fd/1 2>&1`,
      ]);
      if (result.code !== 0) return fail(`Error: Failed to start command on worker ${worker.ip}.`);
    }
    command = [...command, ...rankArgs(0)];
  }
  const line = command.map(quote).join(' ');
  if (options.daemon) {
    const result = await launcher.docker(head, [
      'exec',
      '-d',
      options.name,
      'bash',
      '-c',
      `${line} >> /proc/1/fd/1 2>&1`,
    ]);
    if (result.code !== 0) {
      process.stdout.write(result.stderr);
      return 1;
    }
    out(`Command dispatched in background (Daemon mode). Container: ${options.name}`);
    return 0;
  }

  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      void cleanup().then(() => process.exit(130));
    });
  }
  if (pendingSignal) {
    await cleanup();
    return 130;
  }
  let code: number;
  if (multiNode) {
    // The head runs detached; follow its log until the sentinel reports the exit code.
    const store = new ContainerStore(context.spark.stateDir);
    const sentinel = join(store.rootDir(options.name), 'tmp', '.launch-cluster-head-exit');
    rmSync(sentinel, { force: true });
    const logFile = store.logFile(options.name);
    let position = existsSync(logFile) ? statSync(logFile).size : 0;
    await launcher.docker(head, [
      'exec',
      '-d',
      options.name,
      'bash',
      '-c',
      `${line} >> /proc/1/fd/1 2>&1; echo $? > /tmp/.launch-cluster-head-exit`,
    ]);
    for (;;) {
      if (existsSync(logFile)) {
        const content = readFileSync(logFile);
        if (content.length > position) {
          process.stdout.write(content.subarray(position));
          position = content.length;
        }
      }
      if (existsSync(sentinel)) break;
      if (interrupted || !store.get(options.name)) break;
      await sleep(200);
    }
    code = existsSync(sentinel) ? Number(readFileSync(sentinel, 'utf8').trim()) : 1;
  } else {
    code = await dockerCommand(context, ['exec', '-i', options.name, 'bash', '-c', line]);
  }
  await cleanup();
  return code;
}

process.exitCode = await main();
