import { memoryShareOn, resolvePlacements, type ModelDef, type Spark } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import { causeOfError, diagnoseLog } from './classify.js';
import { SwapFailure } from './errors.js';
import type { LaunchPlan } from './launcher.js';
import type { VllmCluster } from './vllm-cluster.js';
import { waitUntilServed } from './wait-until-served.js';
import type { SettingsSource } from '../settings-source.js';

export interface SwapTiming {
  pollMs: number;
  memoryReleaseTimeoutMs: number;
  /** How long a container still starting (`created`, `restarting`) after the launch script returned may take. */
  containerStartTimeoutMs: number;
}

/** The cluster steps a swap and its rollback are made of; each throws a classified `SwapFailure`. */
export class SwapSteps {
  private readonly cluster: VllmCluster;
  private readonly settings: SettingsSource;
  private readonly log: Logger;
  private readonly timing: SwapTiming;

  constructor(options: { cluster: VllmCluster; settings: SettingsSource; log: Logger; timing: SwapTiming }) {
    this.cluster = options.cluster;
    this.settings = options.settings;
    this.log = options.log;
    this.timing = options.timing;
  }

  /**
   * Stops the placement's container on every Spark where no other placement runs one of that name,
   * not only on the nodes of the model believed to be running: a container left on a worker would
   * make the launcher reuse it and fail the next launch. A Spark that cannot be reached fails the
   * step only when the new model needs it.
   */
  async stopEverywhere(plan: LaunchPlan, onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    const container = plan.launcher.container;
    const settings = this.settings.current;
    const othersSparks = new Set(
      resolvePlacements(settings)
        .filter((other) => other.id !== plan.placement.id && other.container === container)
        .flatMap((other) => other.sparkIds),
    );
    const sparks = settings.sparks.filter(
      (spark) => !othersSparks.has(spark.id) || plan.nodes.some((node) => node.id === spark.id),
    );
    const results = await Promise.allSettled(
      sparks.map((spark) => this.cluster.stop(spark, container, signal)),
    );
    sparks.forEach((spark, index) => {
      const result = results[index];
      const failure =
        result?.status === 'rejected'
          ? (result.reason as Error).message
          : result?.value === false
            ? `${container} is still there after docker stop and docker rm`
            : undefined;
      if (failure === undefined) return;
      if (plan.nodes.some((node) => node.id === spark.id)) {
        const cause = result?.status === 'rejected' ? causeOfError(result.reason) : 'unknown';
        throw new SwapFailure(cause, `could not stop ${container} on ${spark.label}: ${failure}`);
      }
      onLine(`[${spark.id}] could not check for a leftover ${container}: ${failure}`);
    });
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
            'Something other than vLLM holds the memory: see the hardware card, stop it, and retry.',
          );
        }
        await sleep(Math.min(this.timing.pollMs, 1000), signal);
      }
    }
  }

  /**
   * Runs the launch, then confirms the container runs on every node: the launcher's exit code is not
   * the launch's result (G2 reports a solo `-d exec` dispatched even when `docker run` failed).
   */
  async launch(
    model: ModelDef,
    plan: LaunchPlan,
    onLine: (line: string) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const output: string[] = [];
    const result = await this.cluster.launch(
      model,
      plan,
      (line) => {
        output.push(line);
        onLine(line);
      },
      signal,
    );
    if (result.code !== 0) {
      const diagnosis = diagnoseLog(output);
      throw new SwapFailure(
        diagnosis?.cause ?? 'unknown',
        `the launch script exited with code ${String(result.code)}`,
        diagnosis?.hint ?? null,
      );
    }
    const container = plan.launcher.container;
    const deadline = Date.now() + this.timing.containerStartTimeoutMs;
    for (const node of plan.nodes) {
      let state = await this.cluster.containerState(node, container, signal);
      // `docker run -d` has returned before the launcher does: only a container still starting is waited for.
      while ((state === 'created' || state === 'restarting') && Date.now() < deadline) {
        await sleep(Math.min(this.timing.pollMs, 500), signal);
        state = await this.cluster.containerState(node, container, signal);
      }
      if (state !== 'running') {
        const diagnosis = diagnoseLog(output);
        throw new SwapFailure(
          diagnosis?.cause ?? 'unknown',
          `the launch script reported success, but ${container} is ${state ?? 'missing'} on ${node.label}`,
          diagnosis?.hint ?? null,
        );
      }
    }
  }

  /** Puts a model back without a preflight (a rollback): stop, wait for its memory, launch, wait until served. */
  async relaunch(
    model: ModelDef,
    plan: LaunchPlan,
    onLine: (line: string) => void,
    signal: AbortSignal,
  ): Promise<void> {
    await this.stopEverywhere(plan, onLine, signal);
    const needs = new Map<string, number>();
    for (const node of plan.nodes)
      needs.set(
        node.id,
        memoryShareOn(plan.placement, model) * (await this.cluster.memory(node, signal)).totalBytes,
      );
    await this.waitForMemory(plan.nodes, needs, signal);
    await this.launch(model, plan, onLine, signal);
    await waitUntilServed({
      cluster: this.cluster,
      model,
      plan,
      deadline: Date.now() + this.settings.current.vllm.readyTimeoutSec * 1000,
      pollMs: this.timing.pollMs,
      signal,
      onLine,
    });
  }

  /** Stops a half-started model so it does not hold the memory; a failure here is only logged. */
  async stopQuietly(plan: LaunchPlan): Promise<void> {
    try {
      await this.stopEverywhere(plan, () => undefined, new AbortController().signal);
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'could not stop the half-started model');
    }
  }
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
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
