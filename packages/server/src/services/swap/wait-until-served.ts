import type { ModelDef, Spark } from '@spark-control/schema';
import { SshAbortedError } from '../../adapters/ssh/index.js';
import { causeOfError, diagnoseLog, isFatalLine } from './classify.js';
import { SwapFailure } from './errors.js';
import type { LaunchPlan } from './launcher.js';
import type { VllmCluster } from './vllm-cluster.js';

export interface WaitOptions {
  cluster: VllmCluster;
  model: ModelDef;
  plan: LaunchPlan;
  deadline: number;
  pollMs: number;
  signal: AbortSignal;
  /** Every log line of the vLLM containers as it arrives; a worker's lines start with `[<spark id>] `. */
  onLine: (line: string) => void;
}

/** Time to collect the root-cause lines that follow the first fatal line. */
const FATAL_GRACE_MS = 1500;
/** vLLM logs startup complete before it serves, but the log arrives over SSH and may lag the HTTP check. */
const LOG_CATCH_UP_MS = 2000;
const STARTUP_COMPLETE = /Application startup complete\./;

/** One node's `docker logs -f`, with what it has shown so far. */
interface FollowedNode {
  spark: Spark;
  lines: string[];
  fatalAt: number | undefined;
  ended: boolean;
  error: unknown;
}

/**
 * Follows `docker logs -f` on every node of the launch (a worker's failure is only in its own log) and
 * polls `/v1/models` on the head until it lists the model's served name. Fails on a fatal line of any
 * node (classified from that node's log), on a log ending (the container stopped), on an SSH failure,
 * or at the deadline.
 */
export async function waitUntilServed(options: WaitOptions): Promise<void> {
  const { cluster, model, plan, signal } = options;
  const [head] = plan.nodes as [Spark, ...Spark[]];
  const stop = new AbortController();
  const scope = AbortSignal.any([signal, stop.signal]);
  const nodes: FollowedNode[] = plan.nodes.map((spark) => ({
    spark,
    lines: [],
    fatalAt: undefined,
    ended: false,
    error: undefined,
  }));

  const following = nodes.map(async (node) => {
    const prefix = node.spark.id === head.id ? '' : `[${node.spark.id}] `;
    const stream = cluster.followLogs(node.spark, plan.launcher.container, scope);
    try {
      for await (const { line } of stream) {
        node.lines.push(line);
        options.onLine(`${prefix}${line}`);
        if (node.fatalAt === undefined && isFatalLine(line)) node.fatalAt = Date.now();
      }
      await stream.result;
    } catch (error) {
      if (error instanceof SshAbortedError && scope.aborted) return;
      node.error = error;
    }
    node.ended = true;
  });

  const failureOf = (node: FollowedNode, message: string) => {
    const diagnosis = diagnoseLog(node.lines);
    const where = node.spark.id === head.id ? '' : ` on ${node.spark.label}`;
    return new SwapFailure(
      diagnosis?.cause ?? 'unknown',
      `${message}${where}; see the log`,
      diagnosis?.hint ?? null,
    );
  };

  try {
    while (true) {
      if (signal.aborted) throw new SwapFailure('unknown', 'cancelled');
      const served = await cluster.servedModels(head, plan.placement.port, scope);
      if (served?.includes(model.servedName)) {
        const caughtUp = Date.now() + LOG_CATCH_UP_MS;
        const headNode = nodes[0] as FollowedNode;
        while (
          !headNode.lines.some((line) => STARTUP_COMPLETE.test(line)) &&
          !headNode.ended &&
          Date.now() < caughtUp
        ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return;
      }
      const fatal = nodes
        .filter((node) => node.fatalAt !== undefined && Date.now() - node.fatalAt >= FATAL_GRACE_MS)
        .sort((a, b) => (a.fatalAt ?? 0) - (b.fatalAt ?? 0))[0];
      if (fatal) throw failureOf(fatal, 'vLLM stopped during startup');
      const ended = nodes.find((node) => node.ended);
      if (ended) {
        if (ended.error !== undefined)
          throw new SwapFailure(
            causeOfError(ended.error),
            `lost the vLLM log of ${ended.spark.label}: ${(ended.error as Error).message}`,
          );
        throw failureOf(ended, 'the vLLM container stopped before the model was served');
      }
      if (Date.now() >= options.deadline) {
        throw new SwapFailure(
          'timeout',
          'the model was not served within the ready timeout',
          'Loading takes longer than vllm.readyTimeoutSec allows (large models, first download): raise it, or pre-download the weights.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  } finally {
    stop.abort();
    await Promise.all(following);
  }
}
