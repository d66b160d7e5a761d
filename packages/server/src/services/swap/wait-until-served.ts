import type { ModelDef, Spark } from '@spark-control/schema';
import { SshAbortedError } from '../../adapters/ssh/index.js';
import { causeOfError, causeOfLog, isFatalLine } from './classify.js';
import { SwapFailure } from './errors.js';
import type { VllmCluster } from './vllm-cluster.js';

export interface WaitOptions {
  cluster: VllmCluster;
  model: ModelDef;
  head: Spark;
  deadline: number;
  pollMs: number;
  signal: AbortSignal;
  /** Every log line of the vLLM container, as it arrives. */
  onLine: (line: string) => void;
}

/** Time to collect the root-cause lines that follow the first fatal line. */
const FATAL_GRACE_MS = 1500;
/** vLLM logs startup complete before it serves, but the log arrives over SSH and may lag the HTTP check. */
const LOG_CATCH_UP_MS = 2000;
const STARTUP_COMPLETE = /Application startup complete\./;

/**
 * Follows `docker logs -f` and polls `/v1/models` until vLLM lists the model's served name.
 * Fails on a fatal log line (classified from the whole log), on the log ending (the container
 * stopped), on an SSH failure, or at the deadline.
 */
export async function waitUntilServed(options: WaitOptions): Promise<void> {
  const { cluster, model, head, signal } = options;
  const stop = new AbortController();
  const scope = AbortSignal.any([signal, stop.signal]);
  const lines: string[] = [];
  let fatalAt: number | undefined;

  const follow = (async () => {
    const stream = cluster.followLogs(head, scope);
    try {
      for await (const { line } of stream) {
        lines.push(line);
        options.onLine(line);
        if (fatalAt === undefined && isFatalLine(line)) fatalAt = Date.now();
      }
      await stream.result;
    } catch (error) {
      if (error instanceof SshAbortedError && scope.aborted) return 'aborted' as const;
      throw new SwapFailure(causeOfError(error), `lost the vLLM log: ${(error as Error).message}`);
    }
    return 'ended' as const;
  })();
  let followEnded = false;
  const followState = follow.then(
    (state) => {
      followEnded = state === 'ended';
    },
    () => {
      followEnded = true;
    },
  );

  try {
    while (true) {
      if (signal.aborted) throw new SwapFailure('unknown', 'cancelled');
      const served = await cluster.servedModels(head, scope);
      if (served?.includes(model.servedName)) {
        const caughtUp = Date.now() + LOG_CATCH_UP_MS;
        while (!lines.some((line) => STARTUP_COMPLETE.test(line)) && !followEnded && Date.now() < caughtUp) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return;
      }
      if (fatalAt !== undefined && Date.now() - fatalAt >= FATAL_GRACE_MS) {
        throw new SwapFailure(causeOfLog(lines) ?? 'unknown', 'vLLM stopped during startup; see the log');
      }
      if (followEnded) {
        await follow; // rethrows an SSH failure of the log reader
        throw new SwapFailure(
          causeOfLog(lines) ?? 'unknown',
          'the vLLM container stopped before the model was served',
        );
      }
      if (Date.now() >= options.deadline) {
        throw new SwapFailure('timeout', `the model was not served within the ready timeout`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  } finally {
    stop.abort();
    await followState;
  }
}
