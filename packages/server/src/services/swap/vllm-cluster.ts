import type { ModelDef, Settings, Spark } from '@spark-control/schema';
import type { ExecResult, SshPool, SshStream } from '../../adapters/ssh/index.js';
import {
  containerStateCommand,
  directoryExistsCommand,
  followLogsCommand,
  launchCommand,
  memInfoCommand,
  removeHfCacheCommand,
  stopCommand,
} from './commands.js';
import { serviceUrl } from '../health/http.js';
import { parseMeminfo } from '../sparks/parse.js';

const COMMAND_TIMEOUT_MS = 60_000;

/** The Spark vLLM is served from: the first with the vllm role. */
export function vllmHead(settings: Settings): Spark | undefined {
  return settings.sparks.find((spark) => spark.roles.includes('vllm'));
}

/** The head Spark and, for tensor parallel 2, the first other Spark. */
export function vllmNodes(settings: Settings, tensorParallel: 1 | 2): Spark[] {
  const head = vllmHead(settings);
  if (!head) throw new Error('no Spark has the vllm role; add it in Configure Sparks');
  if (tensorParallel === 1) return [head];
  const worker = settings.sparks.find((spark) => spark !== head);
  if (!worker) throw new Error('tensor parallel 2 needs a second Spark');
  return [head, worker];
}

/**
 * What the swap does to the cluster: spark-vllm-docker's launch script and docker over SSH,
 * memory from `/proc/meminfo`, readiness from vLLM's `/v1/models`.
 */
export class VllmCluster {
  constructor(
    private readonly pool: SshPool,
    private readonly settings: () => Settings,
  ) {}

  /** Unified memory from `/proc/meminfo` (GB10 has no separate GPU memory). */
  async memory(spark: Spark, signal?: AbortSignal): Promise<{ totalBytes: number; availableBytes: number }> {
    const result = await this.#run(spark, memInfoCommand(), signal);
    const memory = parseMeminfo(result.stdout);
    if (!memory) throw new Error(`${spark.label}: /proc/meminfo has no MemTotal or MemAvailable`);
    return memory;
  }

  async directoryExists(spark: Spark, path: string, signal?: AbortSignal): Promise<boolean> {
    const result = await this.pool.exec(spark, directoryExistsCommand(path), {
      timeoutMs: COMMAND_TIMEOUT_MS,
      signal,
    });
    return result.code === 0;
  }

  stop(nodes: readonly Spark[], signal?: AbortSignal): Promise<ExecResult> {
    const [head] = nodes;
    if (!head) throw new Error('no node to stop');
    return this.pool.exec(head, stopCommand(this.settings(), nodes), {
      timeoutMs: COMMAND_TIMEOUT_MS * 2,
      signal,
    });
  }

  launch(
    model: ModelDef,
    nodes: readonly Spark[],
    onLine: (line: string) => void,
    signal?: AbortSignal,
  ): Promise<ExecResult> {
    const [head] = nodes;
    if (!head) throw new Error('no node to launch on');
    return this.pool.exec(head, launchCommand(this.settings(), model, nodes), {
      timeoutMs: COMMAND_TIMEOUT_MS * 5,
      signal,
      onStdoutLine: onLine,
      onStderrLine: onLine,
    });
  }

  followLogs(head: Spark, signal: AbortSignal): SshStream {
    return this.pool.stream(head, followLogsCommand(this.settings()), { signal });
  }

  /** `running`, `exited`, … or undefined when the container does not exist. */
  async containerState(head: Spark, signal?: AbortSignal): Promise<string | undefined> {
    const result = await this.pool.exec(head, containerStateCommand(this.settings()), {
      timeoutMs: COMMAND_TIMEOUT_MS,
      signal,
    });
    return result.code === 0 ? result.stdout.trim() || undefined : undefined;
  }

  async removeHfCache(spark: Spark, hfRepo: string): Promise<void> {
    await this.#run(spark, removeHfCacheCommand(hfRepo));
  }

  /** What the configured head serves; undefined when there is no head or vLLM does not answer. */
  async servedNow(signal?: AbortSignal): Promise<string[] | undefined> {
    const head = vllmHead(this.settings());
    return head ? this.servedModels(head, signal) : undefined;
  }

  /** The model names vLLM serves, or undefined while it refuses connections or errs. */
  async servedModels(head: Spark, signal?: AbortSignal): Promise<string[] | undefined> {
    const timeout = AbortSignal.timeout(3000);
    try {
      const response = await fetch(serviceUrl(head.host, this.settings().vllm.port, '/v1/models'), {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) return undefined;
      const body = (await response.json()) as { data?: { id?: unknown }[] };
      return (body.data ?? []).map((model) => String(model.id));
    } catch {
      return undefined;
    }
  }

  async #run(spark: Spark, cmd: Parameters<SshPool['exec']>[1], signal?: AbortSignal): Promise<ExecResult> {
    const result = await this.pool.exec(spark, cmd, { timeoutMs: COMMAND_TIMEOUT_MS, signal });
    if (result.code !== 0) {
      throw new Error(
        `${cmd.text.split(' ')[0]} on ${spark.id} exited ${String(result.code)}: ${result.stderr.trim().slice(0, 300)}`,
      );
    }
    return result;
  }
}
