import { connect } from 'node:net';
import {
  placementSparkIds,
  resolvePlacements,
  whyNotPlaced,
  type ModelDef,
  type Placement,
  type Settings,
  type Spark,
} from '@spark-control/schema';
import type { ExecResult, ShellCommand, SshPool, SshStream } from '../../adapters/ssh/index.js';
import { resolveHost } from '../health/resolve.js';
import { discard, originOf, readText, sharedUpstreamClient } from '../../adapters/upstream/client.js';
import { parseMeminfo } from '../sparks/parse.js';
import type { SparkProbe, SparkProbes } from '../sparks/probe.js';
import { sshTarget } from '../sparks/target.js';
import {
  containerStateCommand,
  directoryExistsCommand,
  followLogsCommand,
  launchCommands,
  memInfoCommand,
  removeHfCacheAsRootCommand,
  removeHfCacheCommand,
  stopCommand,
} from './commands.js';
import type { LaunchPlan } from './launcher.js';
import type { SettingsSource } from '../settings-source.js';

const COMMAND_TIMEOUT_MS = 60_000;

/** The Sparks a model runs on in a placement, head first; throws when one is not configured. */
export function placementNodes(settings: Settings, placement: Placement, tensorParallel: number): Spark[] {
  if (tensorParallel > placement.sparkIds.length) {
    throw new Error(
      `tensor parallel ${tensorParallel} needs ${tensorParallel} Sparks; placement ${placement.id} has ${placement.sparkIds.length}`,
    );
  }
  return placementSparkIds(placement, tensorParallel).map((id) => {
    const spark = settings.sparks.find((candidate) => candidate.id === id);
    if (!spark) throw new Error(`placement ${placement.id}: no Spark "${id}" is configured`);
    return spark;
  });
}

/**
 * Where a model would run when no placement is named: on the first placement that may serve it (the
 * catalog's checks and weight deletion look there).
 */
export function modelNodes(settings: Settings, model: Pick<ModelDef, 'id' | 'tensorParallel'>): Spark[] {
  const placements = resolvePlacements(settings);
  if (placements.length === 0)
    throw new Error('no placement is configured and no Spark has the vllm role; add it in Configure Sparks');
  const fitting = placements.find((placement) => whyNotPlaced(placement, model) === null);
  if (!fitting) {
    throw new Error(
      placements.map((placement) => whyNotPlaced(placement, model)).join('; ') || 'no placement fits',
    );
  }
  return placementNodes(settings, fitting, model.tensorParallel);
}

/** Deleting a model's weights failed; the message says what was tried and what the Spark answered. */
export class WeightsNotDeletedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsNotDeletedError';
  }
}

/**
 * What the swap does to the cluster: spark-vllm-docker's launch script and docker over SSH, memory from
 * `/proc/meminfo`, readiness from vLLM's `/v1/models` (the host resolved IPv4 first).
 */
export class VllmCluster {
  private readonly pool: SshPool;
  private readonly settings: SettingsSource;
  private readonly probes: SparkProbes;

  constructor(options: { pool: SshPool; settings: SettingsSource; probes: SparkProbes }) {
    this.pool = options.pool;
    this.settings = options.settings;
    this.probes = options.probes;
  }

  /** A command on a Spark, whatever its exit code. */
  run(
    spark: Spark,
    cmd: ShellCommand,
    signal?: AbortSignal,
    timeoutMs = COMMAND_TIMEOUT_MS,
  ): Promise<ExecResult> {
    return this.pool.exec(sshTarget(spark), cmd, { timeoutMs, signal });
  }

  probe(spark: Spark, signal?: AbortSignal): Promise<SparkProbe> {
    return this.probes.get(spark, { fresh: true, ...(signal ? { signal } : {}) });
  }

  /** Unified memory from `/proc/meminfo` (GB10 has no separate GPU memory). */
  async memory(spark: Spark, signal?: AbortSignal): Promise<{ totalBytes: number; availableBytes: number }> {
    const result = await this.run(spark, memInfoCommand(), signal);
    const memory = result.code === 0 ? parseMeminfo(result.stdout) : null;
    if (!memory) {
      const ended = result.signal ? `killed by ${result.signal}` : `exit ${String(result.code)}`;
      throw new Error(`${spark.label}: /proc/meminfo could not be read (${ended}): ${result.stderr.trim()}`);
    }
    return memory;
  }

  async directoryExists(spark: Spark, path: string, signal?: AbortSignal): Promise<boolean> {
    return (await this.run(spark, directoryExistsCommand(path), signal)).code === 0;
  }

  /** Stops and removes the container on one Spark; true once none of that name is left there. */
  async stop(spark: Spark, container: string, signal?: AbortSignal): Promise<boolean> {
    return (await this.run(spark, stopCommand(container), signal, COMMAND_TIMEOUT_MS * 2)).code === 0;
  }

  /** Runs the launch (G2: `-d exec`; G1: `start -d`, then the detached exec); every line goes to `onLine`. */
  async launch(
    model: ModelDef,
    plan: LaunchPlan,
    onLine: (line: string) => void,
    signal?: AbortSignal,
  ): Promise<ExecResult> {
    const [head] = plan.nodes;
    if (!head) throw new Error('no node to launch on');
    const { launch, exec } = launchCommands(this.settings.current, model, plan);
    const options = { timeoutMs: COMMAND_TIMEOUT_MS * 5, signal, onStdoutLine: onLine, onStderrLine: onLine };
    const started = await this.pool.exec(sshTarget(head), launch, options);
    if (started.code !== 0 || !exec) return started;
    return this.pool.exec(sshTarget(head), exec, options);
  }

  followLogs(spark: Spark, container: string, signal: AbortSignal): SshStream {
    return this.pool.stream(sshTarget(spark), followLogsCommand(container), { signal });
  }

  /** `running`, `exited`, … or undefined when the container does not exist. */
  async containerState(spark: Spark, container: string, signal?: AbortSignal): Promise<string | undefined> {
    const result = await this.run(spark, containerStateCommand(container), signal);
    return result.code === 0 ? result.stdout.trim() || undefined : undefined;
  }

  /**
   * Deletes a repo from a Spark's Hugging Face cache. vLLM's container wrote the files as root, so when
   * the SSH user may not delete them a short-lived container does it as root on the same mount.
   */
  async removeHfCache(spark: Spark, hfCache: string, hfRepo: string): Promise<void> {
    const asUser = await this.run(spark, removeHfCacheCommand(hfCache, hfRepo));
    if (asUser.code === 0) return;
    if (!/Permission denied|Operation not permitted/.test(asUser.stderr)) {
      throw new WeightsNotDeletedError(`rm failed: ${asUser.stderr.trim().slice(0, 300)}`);
    }
    const asRoot = await this.run(spark, removeHfCacheAsRootCommand(hfCache, hfRepo));
    if (asRoot.code !== 0) {
      throw new WeightsNotDeletedError(
        `the files belong to root (vLLM's container wrote them) and deleting them through a container failed too: ${asRoot.stderr.trim().slice(0, 300)}`,
      );
    }
  }

  /** What every placement serves together; undefined when none answers. */
  async servedNow(signal?: AbortSignal): Promise<string[] | undefined> {
    const settings = this.settings.current;
    const answers = await Promise.all(
      resolvePlacements(settings).map((placement) => {
        const head = settings.sparks.find((spark) => spark.id === placement.sparkIds[0]);
        return head ? this.servedModels(head, placement.port, signal) : Promise.resolve(undefined);
      }),
    );
    const answered = answers.filter((served) => served !== undefined);
    return answered.length === 0 ? undefined : answered.flat();
  }

  /** The model names a vLLM serves, or undefined while it refuses connections, errs or cannot be resolved. */
  async servedModels(head: Spark, port: number, signal?: AbortSignal): Promise<string[] | undefined> {
    try {
      const address = await resolveHost(head.host);
      const response = await sharedUpstreamClient().request({
        origin: originOf(address, port),
        method: 'GET',
        path: '/v1/models',
        signal,
        timeoutMs: 3000,
      });
      if (response.status < 200 || response.status >= 300) {
        discard(response.body);
        return undefined;
      }
      const body = JSON.parse(await readText(response.body)) as { data?: { id?: unknown }[] };
      return (body.data ?? []).map((model) => String(model.id));
    } catch {
      return undefined;
    }
  }

  /** A chat completion of one token from a vLLM; throws unless vLLM answers 2xx. */
  async oneTokenReply(head: Spark, port: number, servedName: string, signal: AbortSignal): Promise<void> {
    const address = await resolveHost(head.host);
    const response = await sharedUpstreamClient().request({
      origin: originOf(address, port),
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: servedName,
        messages: [{ role: 'user', content: 'Say OK.' }],
        max_tokens: 1,
      }),
      signal,
      // The caller's signal bounds the wait; this only keeps a forgotten one from hanging forever.
      timeoutMs: 30 * 60_000,
    });
    await readText(response.body, 16 * 1024 * 1024);
    if (response.status < 200 || response.status >= 300) throw new Error(`vLLM answered ${response.status}`);
  }

  /** Whether something accepts TCP connections on a port of the head. */
  async portTaken(head: Spark, port: number): Promise<boolean> {
    const address = await resolveHost(head.host);
    return new Promise((resolve) => {
      const socket = connect({ host: address, port, timeout: 2000 });
      const done = (taken: boolean) => {
        socket.destroy();
        resolve(taken);
      };
      socket.once('connect', () => done(true));
      socket.once('timeout', () => done(false));
      socket.once('error', () => done(false));
    });
  }
}
