import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CloudProcess, SimControl } from './control.js';
import { startControlApi } from './control-api.js';
import { SimControlClient } from './control-client.js';
import { dockerCommand } from './docker/cli.js';
import { LogIndexer } from './docker/log-index.js';
import {
  type LauncherGeneration,
  readSimConfig,
  registryOwners,
  type SimConfig,
  simConfigFile,
  sparkContext,
  sparkDirs,
  type SparkInfo,
  writeSimConfig,
} from './layout.js';
import { type InitialModel, initialModelCommand, runShell } from './initial-models.js';
import { freePort } from './ports.js';
import { killAllRegistered, sleep, startReaper, stopLeftovers } from './processes.js';
import { authorizeKeys, createSandbox, writeSimBinaries } from './sandbox.js';
import { type SimSshServer, startSshServer } from './ssh-server.js';

export interface StartClusterOptions {
  /** Simulation root (sandboxes, state, fakes); a fresh temporary directory when absent. */
  root?: string;
  /** Number of Sparks (default 2). */
  sparks?: number;
  /** Spark addresses; default 127.0.0.2, 127.0.0.3, … (127.0.0.1 with distinct ports where 127/8 has no aliases). */
  hosts?: string[];
  /** ConnectX (cluster) addresses; default 192.168.177.11, .12, … */
  clusterIps?: string[];
  /** The launch-cluster.sh generation of each Spark (default G2 everywhere). */
  launchers?: LauncherGeneration[];
  /** The launcher's pause after starting containers (G2's `sleep 2`; default 2000 ms). */
  launcherSettleMs?: number;
  /** How long a multi-node vLLM head waits for its other ranks (default 600 000 ms, torch's). */
  rendezvousTimeoutMs?: number;
  /** SSH port of every Spark (default 2222; 0 picks free ports). */
  sshPort?: number;
  /** Password the SSH servers accept (the controller's key-copy flow); password auth is off when absent. */
  password?: string;
  /** Public keys authorized on every Spark (e.g. the controller's). */
  authorizedKeys?: string[];
  /** Start parakeet, kokoro, embeddings and qdrant containers on Spark 2 (default true). */
  services?: boolean;
  /** A model vLLM already serves on Spark 1 when the cluster is up (shorthand for one `initialModels` entry on Spark 0). */
  initialModel?: Omit<InitialModel, 'spark' | 'container'>;
  /** Models vLLM already serves when the cluster is up, each in its own container, started in this order. */
  initialModels?: InitialModel[];
  /** The NVIDIA-like cloud endpoint: false to skip; port default 7071 (0 picks one). */
  cloud?: false | { host?: string; port?: number };
  /** Control API: false to skip; port default 7070 (0 picks one). */
  control?: false | { host?: string; port?: number };
  /** How long stopped vLLM memory takes to be freed (default 2000 ms). */
  memoryReleaseLagMs?: number;
  /** Simulated model load time for every service (the services' own default when absent). */
  loadDelayMs?: number;
  tokenDelayMs?: number;
  /** Start from an empty root: a previous run's processes are stopped, then its files removed. */
  fresh?: boolean;
  /** Aborts start-up: whatever was started is stopped, then startCluster rejects with the reason. */
  signal?: AbortSignal;
}

export interface SimSpark extends SparkInfo {
  /** Ports of the services started on this Spark, by container name. */
  services: Record<string, number>;
}

export interface SimCluster {
  root: string;
  sparks: SimSpark[];
  cloudUrl?: string;
  controlUrl?: string;
  /** In-process control (the same operations the control API offers). */
  control: SimControl;
  /** HTTP client of the control API (undefined when the API is off). */
  client?: SimControlClient;
  /** Stops every process the simulation started. */
  stop(): Promise<void>;
}

/** Default service containers of Spark 2: name, image, port. */
export const SPARK2_SERVICES = [
  { name: 'parakeet', image: 'parakeet-asr', port: 8000 },
  { name: 'kokoro', image: 'ghcr.io/remsky/kokoro-fastapi-gpu', port: 8880 },
  { name: 'embeddings', image: 'ghcr.io/huggingface/text-embeddings-inference', port: 8080 },
  { name: 'qdrant', image: 'qdrant/qdrant', port: 6333 },
] as const;

/** Whether this OS routes all of 127/8 to loopback (Linux yes, macOS no). */
async function loopbackAliases(): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen(0, '127.0.0.2', () => probe.close(() => resolvePromise(true)));
  });
}

/** Resolves once host:port accepts TCP connections. */
export async function waitForPort(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const open = await new Promise<boolean>((resolvePromise) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolvePromise(true);
      });
      socket.once('error', () => resolvePromise(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${host}:${port} did not open within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Starts simulated Sparks: sandboxes, SSH servers, Spark 2's service containers, optionally a model on
 * Spark 1, the cloud endpoint and the control API.
 *
 * @example
 * const sim = await startCluster({ root: '/tmp/sim', password: 'spark' });
 * // ssh spark@127.0.0.2 -p 2222 'docker ps'
 * await sim.stop();
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<SimCluster> {
  const root = resolve(options.root ?? mkdtempSync(join(tmpdir(), 'spark-sim-')));
  const count = options.sparks ?? 2;
  const aliases = options.hosts ? true : await loopbackAliases();
  const basePort = options.sshPort ?? 2222;
  const sparks: SparkInfo[] = [];
  for (let index = 0; index < count; index++) {
    const id = `spark${index + 1}`;
    const host = options.hosts?.[index] ?? (aliases ? `127.0.0.${index + 2}` : '127.0.0.1');
    const sshPort = basePort === 0 ? await freePort(host) : aliases ? basePort : basePort + index;
    sparks.push({
      id,
      host,
      sshPort,
      portOffset: aliases ? 0 : index * 1000,
      clusterIp: options.clusterIps?.[index] ?? `192.168.177.${11 + index}`,
      launcher: options.launchers?.[index] ?? 'G2',
      ...sparkDirs(root, id),
    });
  }
  const config: SimConfig = {
    root,
    sparks,
    memoryReleaseLagMs: options.memoryReleaseLagMs ?? 2000,
    ...(options.loadDelayMs !== undefined ? { loadDelayMs: options.loadDelayMs } : {}),
    ...(options.tokenDelayMs !== undefined ? { tokenDelayMs: options.tokenDelayMs } : {}),
    ...(options.launcherSettleMs !== undefined ? { launcherSettleMs: options.launcherSettleMs } : {}),
    ...(options.rendezvousTimeoutMs !== undefined
      ? { rendezvousTimeoutMs: options.rendezvousTimeoutMs }
      : {}),
  };
  // A root reused from an earlier run: whatever it left running goes, and its containers with it.
  const previous = existsSync(simConfigFile(root)) ? readSimConfig(root) : undefined;
  await stopLeftovers(root, [...registryOwners(config), ...(previous ? registryOwners(previous) : [])]);
  if (options.fresh) rmSync(root, { recursive: true, force: true });
  for (const spark of sparks) {
    for (const dir of ['containers', 'memory'])
      rmSync(join(spark.stateDir, dir), { recursive: true, force: true });
  }
  writeSimConfig(config);
  await writeSimBinaries(root);
  options.signal?.throwIfAborted();
  // Before the first simulated process: from here on nothing the simulation starts outlives this program.
  const reaper = startReaper(root, registryOwners(config));
  let cloud: CloudProcess | undefined;
  let control: SimControl | undefined;
  const servers: SimSshServer[] = [];
  const indexers = sparks.map((spark) => new LogIndexer(join(spark.stateDir, 'containers')));
  let api: { url: string; close(): Promise<void> } | undefined;

  const stop = async () => {
    for (const indexer of indexers) indexer.stop();
    await api?.close();
    for (const server of servers) await server.close();
    await control?.close();
    await cloud?.kill();
    await killAllRegistered(registryOwners(config), root);
    await reaper.dismiss();
  };

  try {
    if (options.cloud !== false) {
      const host = options.cloud?.host ?? '127.0.0.1';
      const port = options.cloud?.port === 0 ? await freePort(host) : (options.cloud?.port ?? 7071);
      cloud = new CloudProcess(config, host, port);
    }
    control = new SimControl(config, cloud);
    const nodeKeys = sparks.map((spark) => createSandbox(root, spark.id).nodePublicKey);
    // Real clusters need passwordless SSH between the Sparks; every node key is authorized everywhere.
    for (const spark of sparks) authorizeKeys(spark.home, [...nodeKeys, ...(options.authorizedKeys ?? [])]);
    for (const indexer of indexers) indexer.start();
    for (const spark of sparks) {
      const server = await startSshServer({
        context: sparkContext(root, spark.id),
        ...(options.password !== undefined ? { password: options.password } : {}),
      });
      spark.sshPort = server.port;
      servers.push(server);
    }
    writeSimConfig(config);
    options.signal?.throwIfAborted();
    cloud?.start();

    const simSparks: SimSpark[] = sparks.map((spark) => ({ ...spark, services: {} }));
    const second = simSparks[1] ?? simSparks[0];
    if (options.services !== false && second) {
      const context = sparkContext(root, second.id);
      for (const service of SPARK2_SERVICES) {
        options.signal?.throwIfAborted();
        const code = await dockerCommand(
          context,
          [
            'run',
            '-d',
            '--restart',
            'unless-stopped',
            '--network',
            'host',
            '--name',
            service.name,
            service.image,
          ],
          { out: () => undefined, err: () => undefined },
        );
        if (code === 0) second.services[service.name] = service.port + second.portOffset;
      }
    }
    const initialModels = [
      ...(options.initialModel ? [{ ...options.initialModel, spark: 0 }] : []),
      ...(options.initialModels ?? []),
    ];
    for (const initial of initialModels) {
      options.signal?.throwIfAborted();
      const spark = simSparks[initial.spark];
      if (!spark) throw new Error(`initial model ${initial.model}: no Spark ${initial.spark}`);
      const result = await runShell(config, spark, initialModelCommand(spark, initial));
      if (result.code !== 0) throw new Error(`initial model launch failed: ${result.output}`);
      const port = (initial.port ?? 8888) + spark.portOffset;
      spark.services[initial.container ?? 'vllm_node'] = port;
      if (initial.waitReady !== false) await waitForPort(spark.host, port, 120_000, options.signal);
    }
    options.signal?.throwIfAborted();
    if (options.control !== false) {
      api = await startControlApi(
        control,
        options.control?.host ?? '127.0.0.1',
        options.control?.port ?? 7070,
      );
    }
    return {
      root,
      sparks: simSparks,
      ...(cloud ? { cloudUrl: cloud.url } : {}),
      ...(api ? { controlUrl: api.url, client: new SimControlClient(api.url) } : {}),
      control,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
