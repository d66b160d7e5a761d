import { randomUUID } from 'node:crypto';
import {
  formatIssues,
  resolvePlacements,
  type ApiErrorCode,
  type ReasoningOutputSchemaName,
  type ReasoningParseResult,
  type ReasoningRunResult,
  type ReasoningTier,
  type Settings,
} from '@spark-control/schema';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { OpenAiChat } from '../../adapters/llm/openai-chat.js';
import { DomainError } from '../domain-error.js';
import type { ScrubbedText } from '../privacy/scrubbed.js';
import type { BreakerPolicy } from './breaker.js';
import { ReasoningHealthChecker, type ReasoningHealth } from './health.js';
import { recoverJson } from './recovery/recover.js';
import { ReasoningRouter, RouteFailure, type TierAttempt } from './router.js';
import type { ReasoningRuns } from './runs.js';
import type { TaskStore } from './task-store.js';
import type { ReasoningTask } from './tasks.js';
import { cloudTier, localTier } from './tiers.js';
import { serviceUrl } from '../health/http.js';
import { ipv4FirstFetch } from '../health/resolve.js';

/** The redaction gateway as the reasoning client uses it (PrivacyService fits). */
export interface Scrubber {
  scrubText(text: string, owner: string): Promise<{ value: ScrubbedText; sessionId: string }>;
  rehydrateJson(sessionId: string, json: unknown, owner: string): Promise<unknown>;
}

/** Owner of the redaction sessions the reasoning client opens for itself; no API caller is it. */
export const REASONING_VAULT_OWNER = 'internal:reasoning';

/**
 * Every tier failed; `runId` names the stored run. The code says whose fault it is: the
 * configuration (`UPSTREAM_FAILED`), no tier that could be asked (`UNAVAILABLE`), a tier that only
 * ran out of time (`UPSTREAM_TIMEOUT`) or a tier that answered badly (`UPSTREAM_FAILED`).
 */
export class ReasoningFailedError extends DomainError {
  readonly runId: string;
  readonly failure: RouteFailure;

  constructor(runId: string, failure: RouteFailure) {
    super(codeOfFailure(failure), `run ${runId}: ${failure.message}`);
    this.name = 'ReasoningFailedError';
    this.runId = runId;
    this.failure = failure;
  }
}

function codeOfFailure(failure: RouteFailure): ApiErrorCode {
  if (failure.configError) return 'UPSTREAM_FAILED';
  if (failure.attempts.every((attempt) => attempt.outcome === 'skipped')) return 'UNAVAILABLE';
  if (failure.timedOut && !failure.unusable) return 'UPSTREAM_TIMEOUT';
  return 'UPSTREAM_FAILED';
}

export interface ReasoningServiceOptions {
  settings: { readonly current: Settings };
  /** The tasks in force (a `TaskStore`: its map is replaced when the prompt files change). */
  tasks: Pick<TaskStore, 'current' | 'warnings'>;
  scrubber: Scrubber;
  runs: ReasoningRuns;
  /** The fetch the model clients use (tests and the simulator). */
  fetch?: typeof fetch | undefined;
  deadlineMs?: number | undefined;
  breakerPolicy?: BreakerPolicy | undefined;
  healthTtlMs?: number | undefined;
}

/** Runs prompt-defined tasks on the tier ladder and always returns validated JSON or says why not. */
export class ReasoningService {
  readonly #options: ReasoningServiceOptions;
  readonly #jsonSchemas = new Map<ReasoningOutputSchemaName, Record<string, unknown>>();
  #router: ReasoningRouter | undefined;
  #routerKey = '';
  #health: ReasoningHealthChecker | undefined;

  constructor(options: ReasoningServiceOptions) {
    this.#options = options;
  }

  get tasks(): ReasoningTask[] {
    return [...this.#options.tasks.current.values()];
  }

  /** Why prompt files were skipped. */
  get taskWarnings(): readonly string[] {
    return this.#options.tasks.warnings;
  }

  async run(taskId: string, input: unknown): Promise<ReasoningRunResult> {
    const task = this.#task(taskId);
    const checked = v.safeParse(task.input, input);
    if (!checked.success) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `input for ${task.id}: ${formatIssues(checked.issues).join('; ')}`,
      );
    }
    const raw = renderInput(checked.output);
    const runId = randomUUID();
    const started = performance.now();
    const { router, notConfigured } = this.#current();
    const health = this.#health;
    try {
      const routed = await router.route({
        task,
        raw,
        scrub: async () => {
          const scrubbed = await this.#options.scrubber.scrubText(raw, REASONING_VAULT_OWNER);
          return { text: scrubbed.value, sessionId: scrubbed.sessionId };
        },
        jsonSchemaFor: (tier) => (health?.honoursJsonSchema(tier) ? this.#jsonSchema(task) : undefined),
      });
      const value = routed.recovery.value;
      // Validated first, then restored: every placeholder in every field gets its original back.
      const result = routed.scrubSessionId
        ? await this.#options.scrubber.rehydrateJson(routed.scrubSessionId, value, REASONING_VAULT_OWNER)
        : value;
      const latencyMs = Math.round(performance.now() - started);
      await this.#options.runs.record({
        id: runId,
        task: task.id,
        tier: routed.tier,
        model: routed.model,
        outcome: routed.recovery.outcome,
        finishReason: routed.finishReason,
        reasked: routed.reasked,
        latencyMs,
        attempts: [...notConfigured, ...routed.attempts],
        error: null,
      });
      return {
        result,
        outcome: routed.recovery.outcome,
        tier: routed.tier,
        model: routed.model,
        latencyMs,
        runId,
      };
    } catch (error) {
      if (!(error instanceof RouteFailure)) throw error;
      const failure = new RouteFailure([...notConfigured, ...error.attempts]);
      const last = [...failure.attempts].reverse().find((attempt) => attempt.model !== undefined);
      await this.#options.runs.record({
        id: runId,
        task: task.id,
        tier: last?.tier ?? null,
        model: last?.model ?? null,
        outcome: 'failed',
        finishReason: null,
        reasked: failure.attempts.some((attempt) => attempt.reasked === true),
        latencyMs: Math.round(performance.now() - started),
        attempts: failure.attempts,
        error: failure.message.slice(0, 2000),
      });
      throw new ReasoningFailedError(runId, failure);
    }
  }

  /** Only the recovery pipeline, on a reply the caller already has. */
  parse(taskId: string, content: string, finishReason: string | null | undefined): ReasoningParseResult {
    const task = this.#task(taskId);
    const recovery = recoverJson(content, finishReason, task.output);
    return { outcome: recovery.outcome, value: recovery.value, errors: recovery.errors };
  }

  async health(): Promise<ReasoningHealth> {
    const { notConfigured } = this.#current();
    const checker = this.#health;
    if (!checker) throw new Error('reasoning health checker missing');
    return checker.check(notConfigured);
  }

  stats() {
    return this.#options.runs.stats();
  }

  close(): void {
    this.#router?.shutdown();
  }

  #task(id: string): ReasoningTask {
    const tasks = this.#options.tasks.current;
    const task = tasks.get(id);
    if (!task)
      throw new DomainError('NOT_FOUND', `no reasoning task "${id}"; known: ${[...tasks.keys()].join(', ')}`);
    return task;
  }

  #jsonSchema(task: ReasoningTask): { name: string; schema: Record<string, unknown> } {
    let schema = this.#jsonSchemas.get(task.outputName);
    if (!schema) {
      schema = toJsonSchema(task.output, { errorMode: 'ignore' }) as Record<string, unknown>;
      this.#jsonSchemas.set(task.outputName, schema);
    }
    return { name: task.outputName, schema };
  }

  /** The router for the settings in force; rebuilt (fresh breakers) when the reasoning settings change. */
  #current(): { router: ReasoningRouter; notConfigured: TierAttempt[] } {
    const settings = this.#options.settings.current;
    const reasoning = settings.reasoning;
    const localUrl = localBaseUrl(settings);
    const key = JSON.stringify([reasoning, localUrl]);
    const notConfigured: TierAttempt[] = [];
    if (!reasoning.nvidiaApiKey) {
      const message = 'configuration error: no NVIDIA API key is set (reasoning.nvidiaApiKey)';
      for (const tier of ['primary', 'fallback'] as const)
        notConfigured.push({ tier, outcome: 'skipped', kind: 'auth', message });
    }
    if (reasoning.allowLocalFallback && !localUrl) {
      notConfigured.push({
        tier: 'local',
        outcome: 'skipped',
        message: 'no Spark has the vllm role and reasoning.localBaseUrl is blank',
      });
    }
    if (!this.#router || key !== this.#routerKey) {
      this.#router?.shutdown();
      const fetchImpl = this.#options.fetch;
      const cloudChat = reasoning.nvidiaApiKey
        ? new OpenAiChat({
            baseUrl: reasoning.baseUrl,
            apiKey: reasoning.nvidiaApiKey,
            ...(fetchImpl ? { fetch: fetchImpl } : {}),
          })
        : undefined;
      const localChat =
        reasoning.allowLocalFallback && localUrl
          ? new OpenAiChat({ baseUrl: localUrl, apiKey: '', fetch: ipv4FirstFetch(fetchImpl) })
          : undefined;
      this.#router = new ReasoningRouter({
        cloud: cloudChat
          ? [
              cloudTier('primary', cloudChat, reasoning.model),
              cloudTier('fallback', cloudChat, reasoning.fallbackModel),
            ]
          : [],
        local: localChat ? localTier(localChat) : undefined,
        deadlineMs: this.#options.deadlineMs,
        breakerPolicy: this.#options.breakerPolicy,
      });
      this.#health = new ReasoningHealthChecker({
        router: this.#router,
        scrubber: this.#options.scrubber,
        ttlMs: this.#options.healthTtlMs,
      });
      this.#routerKey = key;
    }
    return { router: this.#router, notConfigured };
  }
}

/** Text as is; an object as `key: value` lines, multi-line values (a log tail) on lines of their own. */
export function renderInput(input: unknown): string {
  if (typeof input === 'string') return input;
  if (typeof input !== 'object' || input === null) return JSON.stringify(input);
  return Object.entries(input)
    .map(([key, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return text.includes('\n') ? `${key}:\n${text}` : `${key}: ${text}`;
    })
    .join('\n');
}

/** `localBaseUrl`, or the vLLM of the first placement (the default layout's: the first Spark with the vllm role). */
export function localBaseUrl(settings: Settings): string | undefined {
  if (settings.reasoning.localBaseUrl) return settings.reasoning.localBaseUrl;
  const [placement] = resolvePlacements(settings);
  const spark = settings.sparks.find((candidate) => candidate.id === placement?.sparkIds[0]);
  if (!placement || !spark) return undefined;
  return serviceUrl(spark.host, placement.port, '/v1');
}

export type { ReasoningTier };
