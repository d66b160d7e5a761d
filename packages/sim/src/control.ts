import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { readFaults, writeFaults, type SparkFaults } from './faults.js';
import { psObject } from './docker/format.js';
import { mainProcessFor } from './docker/images.js';
import { ContainerStore } from './docker/store.js';
import {
  cloudStateDir,
  runnerTimingFlags,
  serviceRunner,
  SIM_ENV,
  type SimConfig,
  sparkContext,
  type SparkInfo,
} from './layout.js';
import { GB10_MEM_TOTAL_KB, renderMeminfo } from './memory.js';
import { isAlive, killGroups, signalGroup, spawnDetached } from './processes.js';

export interface SparkState {
  id: string;
  host: string;
  sshPort: number;
  portOffset: number;
  home: string;
  stateDir: string;
  faults: SparkFaults;
  containers: Record<string, string>[];
  memory: { totalKb: number; availableKb: number };
}

export interface CloudState {
  url: string;
  running: boolean;
  faults: SparkFaults;
}

export interface SimState {
  root: string;
  sparks: SparkState[];
  cloud?: CloudState;
}

export class SimError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** The simulated cloud endpoint (NVIDIA-like), run as its own process. */
export class CloudProcess {
  private pid = 0;

  constructor(
    readonly config: SimConfig,
    readonly host: string,
    readonly port: number,
  ) {}

  get stateDir(): string {
    return cloudStateDir(this.config.root);
  }

  get url(): string {
    return `http://${this.host}:${this.port}/v1`;
  }

  get running(): boolean {
    return this.pid > 0 && isAlive(this.pid);
  }

  start(): void {
    if (this.running) return;
    mkdirSync(this.stateDir, { recursive: true });
    const log = openSync(join(this.stateDir, 'cloud.log'), 'a');
    try {
      const [node = process.execPath, ...args] = serviceRunner(this.config.root);
      this.pid = spawnDetached(
        this.stateDir,
        node,
        [
          ...args,
          'cloud',
          '--host',
          this.host,
          '--port',
          String(this.port),
          '--state-dir',
          this.stateDir,
          ...runnerTimingFlags(this.config),
        ],
        {
          env: { ...process.env, [SIM_ENV.root]: this.config.root },
          stdio: ['ignore', log, log],
        },
      );
    } finally {
      closeSync(log);
    }
  }

  async kill(): Promise<void> {
    if (this.pid > 0) await killGroups([this.pid], 0);
    this.pid = 0;
  }
}

/**
 * What the control API can do to a running simulation: read its state, set faults, kill and restart
 * services. `portsInUse` faults are made real by listening on those ports of the Spark.
 */
export class SimControl {
  private readonly occupants = new Map<string, Map<number, Server>>();

  constructor(
    readonly config: SimConfig,
    readonly cloud?: CloudProcess,
  ) {}

  spark(id: string): SparkInfo {
    const spark = this.config.sparks.find((candidate) => candidate.id === id);
    if (!spark) throw new SimError(404, `no simulated Spark "${id}"`);
    return spark;
  }

  private store(id: string): ContainerStore {
    return new ContainerStore(this.spark(id).stateDir);
  }

  state(): SimState {
    return {
      root: this.config.root,
      sparks: this.config.sparks.map((spark) => {
        const meminfo = renderMeminfo(spark.stateDir, this.config.memoryReleaseLagMs);
        const available = Number(/MemAvailable:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
        return {
          ...spark,
          faults: readFaults(spark.stateDir),
          containers: this.containers(spark.id),
          memory: { totalKb: GB10_MEM_TOTAL_KB, availableKb: available },
        };
      }),
      ...(this.cloud
        ? {
            cloud: {
              url: this.cloud.url,
              running: this.cloud.running,
              faults: readFaults(this.cloud.stateDir),
            },
          }
        : {}),
    };
  }

  faults(id: string): SparkFaults {
    return readFaults(this.spark(id).stateDir);
  }

  async setFaults(id: string, faults: SparkFaults): Promise<SparkFaults> {
    const wasDark = readFaults(this.spark(id).stateDir).blackhole === true;
    writeFaults(this.spark(id).stateDir, faults);
    await this.applyPortFaults(id);
    if (wasDark !== (faults.blackhole === true)) this.freezeServices(id, faults.blackhole === true);
    return faults;
  }

  /**
   * Blackhole for the HTTP ports: a stopped process's listening sockets still complete the TCP handshake
   * (the kernel queues the connection) but nothing ever answers. SSH handles the fault itself.
   */
  private freezeServices(id: string, frozen: boolean): void {
    for (const record of this.store(id).list()) {
      if (record.status !== 'running') continue;
      for (const pgid of [record.pid, ...record.execs]) signalGroup(pgid, frozen ? 'SIGSTOP' : 'SIGCONT');
    }
  }

  async clearFaults(id: string): Promise<void> {
    await this.setFaults(id, {});
  }

  setCloudFaults(faults: SparkFaults): SparkFaults {
    if (!this.cloud) throw new SimError(404, 'the simulation runs no cloud endpoint');
    writeFaults(this.cloud.stateDir, faults);
    return faults;
  }

  /** `docker ps -a` of a Spark, as `{{json .}}` objects. */
  containers(id: string): Record<string, string>[] {
    return this.store(id)
      .list()
      .map((record) => psObject(record));
  }

  /** Kills a container's processes at once (a crash): `--rm` containers vanish, others show `Exited (137)`. */
  async killContainer(id: string, name: string): Promise<void> {
    const store = this.store(id);
    if (!store.get(name)) throw new SimError(404, `no container "${name}" on ${id}`);
    await store.stop(name, 0);
  }

  /** Kills what runs through `docker exec` in a container (vLLM dying while `sleep infinity` lives on). */
  async killExecs(id: string, name: string): Promise<number> {
    const store = this.store(id);
    if (!store.get(name)) throw new SimError(404, `no container "${name}" on ${id}`);
    return store.killExecs(name);
  }

  /** `docker restart`: works on running and exited containers (not on removed `--rm` ones). */
  async restartContainer(id: string, name: string): Promise<void> {
    const store = this.store(id);
    const record = store.get(name);
    if (!record) throw new SimError(404, `no container "${name}" on ${id}`);
    if (record.status === 'running') await store.stop(name, 10_000, { keep: true });
    const current = store.get(name) ?? record;
    store.write(store.startMain(current, mainProcessFor(sparkContext(this.config.root, id), current.spec)));
  }

  private async applyPortFaults(id: string): Promise<void> {
    const spark = this.spark(id);
    const wanted = new Set(
      (readFaults(spark.stateDir).portsInUse ?? []).map((port) => port + spark.portOffset),
    );
    const held = this.occupants.get(id) ?? new Map<number, Server>();
    this.occupants.set(id, held);
    for (const [port, server] of held) {
      if (wanted.has(port)) continue;
      held.delete(port);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    for (const port of wanted) {
      if (held.has(port)) continue;
      const server = createServer((socket) => socket.destroy());
      const bound = await new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen(port, spark.host, () => resolve(true));
      });
      if (bound) held.set(port, server);
    }
  }

  async close(): Promise<void> {
    for (const held of this.occupants.values()) {
      for (const server of held.values()) await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.occupants.clear();
  }
}
