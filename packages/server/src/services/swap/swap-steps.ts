import type { ModelDef, Settings, Spark } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import { localPathProblem } from '../catalog/model-paths.js';
import { causeOfLog } from './classify.js';
import { SwapFailure } from './errors.js';
import { vllmNodes, type VllmCluster } from './vllm-cluster.js';

const GIB = 1024 ** 3;
/** What vLLM preallocates when a served model is not in the catalog (its default utilisation). */
const UNKNOWN_MODEL_UTILISATION = 0.9;

export interface SwapTiming {
  pollMs: number;
  memoryReleaseTimeoutMs: number;
}

/** The cluster steps a swap and its rollback are made of; each throws a classified `SwapFailure`. */
export class SwapSteps {
  constructor(
    private readonly cluster: VllmCluster,
    private readonly settings: () => Settings,
    private readonly log: Logger,
    private readonly timing: SwapTiming,
  ) {}

  /** Memory for `model` on each node once the served model is stopped, and a local path present. */
  async preflight(
    model: ModelDef,
    nodes: Spark[],
    previous: ModelDef | undefined,
    somethingServed: boolean,
    signal: AbortSignal,
  ): Promise<Map<string, number>> {
    const needs = new Map<string, number>();
    const previousNodes = previous ? vllmNodes(this.settings(), previous.tensorParallel) : nodes.slice(0, 1);
    for (const node of nodes) {
      const memory = await this.cluster.memory(node, signal);
      const need = model.vllm.gpuMemoryUtilization * memory.totalBytes;
      const heldUtilisation =
        previous?.vllm.gpuMemoryUtilization ?? (somethingServed ? UNKNOWN_MODEL_UTILISATION : 0);
      const held = previousNodes.some((spark) => spark.id === node.id)
        ? heldUtilisation * memory.totalBytes
        : 0;
      if (memory.availableBytes + held < need) {
        throw new SwapFailure(
          'oom',
          `${node.label} needs ${(need / GIB).toFixed(1)} GiB of unified memory but only ${((memory.availableBytes + held) / GIB).toFixed(1)} GiB would be free`,
        );
      }
      needs.set(node.id, need);
    }
    if (model.localPath) {
      const [head] = nodes as [Spark];
      const problem = localPathProblem(this.settings(), head, model);
      if (problem) throw new SwapFailure('bad_args', `localPath ${problem}`);
      if (!(await this.cluster.directoryExists(head, model.localPath, signal))) {
        throw new SwapFailure('model_not_found', `${model.localPath} does not exist on ${head.label}`);
      }
    }
    return needs;
  }

  /** Waits, bounded, until each node really has the memory (GB10 frees it with a lag). */
  async waitForMemory(nodes: Spark[], needs: Map<string, number>, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + this.timing.memoryReleaseTimeoutMs;
    for (const node of nodes) {
      const need = needs.get(node.id) ?? 0;
      while ((await this.cluster.memory(node, signal)).availableBytes < need) {
        if (Date.now() > deadline) {
          throw new SwapFailure(
            'oom',
            `${node.label} did not release enough memory in ${this.timing.memoryReleaseTimeoutMs / 1000} s`,
          );
        }
        await sleep(Math.min(this.timing.pollMs, 1000), signal);
      }
    }
  }

  /** Runs the launch script; every output line goes to `onLine`. */
  async launch(
    model: ModelDef,
    nodes: Spark[],
    onLine: (line: string) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const output: string[] = [];
    const result = await this.cluster.launch(
      model,
      nodes,
      (line) => {
        output.push(line);
        onLine(line);
      },
      signal,
    );
    if (result.code !== 0) {
      throw new SwapFailure(
        causeOfLog(output) ?? 'unknown',
        `the launch script exited with code ${String(result.code)}`,
      );
    }
  }

  /** Stops a half-started model so it does not hold the memory; a failure here is only logged. */
  async stopQuietly(model: ModelDef): Promise<void> {
    try {
      await this.cluster.stop(vllmNodes(this.settings(), model.tensorParallel));
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'could not stop the half-started model');
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new SwapFailure('unknown', 'cancelled'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new SwapFailure('unknown', 'cancelled'));
      },
      { once: true },
    );
  });
}
