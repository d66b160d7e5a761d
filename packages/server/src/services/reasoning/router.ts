import type { ReasoningTier } from '@spark-control/schema';
import { setTimeout as delay } from 'node:timers/promises';
import { LlmError, type LlmFailureKind } from '../../adapters/llm/openai-chat.js';
import type { ScrubbedText } from '../privacy/scrubbed.js';
import { DEFAULT_BREAKER_POLICY, TierBreaker, isOpenBreakerError, type BreakerPolicy } from './breaker.js';
import { reaskText } from './prompt-text.js';
import { recoverJson, type Recovery } from './recovery/recover.js';
import type { ReasoningTask } from './tasks.js';
import type { CloudTier, LocalTier, Tier, TierCallOptions, TierReply } from './tiers.js';

export type AttemptOutcome = 'answered' | 'unusable' | 'error' | 'skipped';

/** What happened on one tier during one call; stored with the run and shown in errors. */
export interface TierAttempt {
  tier: ReasoningTier;
  outcome: AttemptOutcome;
  kind?: LlmFailureKind | 'breaker_open' | 'deadline' | undefined;
  model?: string | undefined;
  reasked?: boolean | undefined;
  message: string;
}

export interface RouteInput {
  task: ReasoningTask;
  /** The input as the user sent it: only the local tier sees it. */
  raw: string;
  /** The input through the redaction gateway: what the cloud tiers see. Called at most once. */
  scrub: () => Promise<{ text: ScrubbedText; sessionId: string }>;
  /** JSON schema to send as `response_format`, per tier, where a probe showed it is honoured. */
  jsonSchemaFor?: ((tier: ReasoningTier) => TierCallOptions['jsonSchema']) | undefined;
}

export interface RouteSuccess {
  recovery: Recovery<unknown>;
  tier: ReasoningTier;
  model: string;
  /** Set when a cloud tier answered: its values must be restored from this redaction session. */
  scrubSessionId: string | undefined;
  reasked: boolean;
  finishReason: string | null;
  attempts: TierAttempt[];
}

/** No tier produced a usable answer; `attempts` says why, tier by tier. */
export class RouteFailure extends Error {
  readonly attempts: TierAttempt[];

  constructor(attempts: TierAttempt[]) {
    super(
      attempts.map((attempt) => `${attempt.tier}: ${attempt.message}`).join('; ') ||
        'no reasoning tier is configured',
    );
    this.name = 'RouteFailure';
    this.attempts = attempts;
  }

  /** A tier refused our credentials: a configuration problem, not an outage. */
  get configError(): boolean {
    return this.attempts.some((attempt) => attempt.kind === 'auth');
  }

  get timedOut(): boolean {
    return this.attempts.some((attempt) => attempt.kind === 'deadline' || attempt.kind === 'timeout');
  }

  /** At least one model answered, but never with a usable object. */
  get unusable(): boolean {
    return this.attempts.some((attempt) => attempt.outcome === 'unusable');
  }
}

export interface RouterOptions {
  cloud: readonly CloudTier[];
  local?: LocalTier | undefined;
  /** One overall deadline per call, across every tier and re-ask. */
  deadlineMs?: number | undefined;
  breakerPolicy?: BreakerPolicy | undefined;
  /** Wait after a 429 without Retry-After before the next cloud tier (same account). */
  defaultRetryAfterMs?: number | undefined;
}

export type TierInfo = Pick<Tier<string>, 'name' | 'kind' | 'chat' | 'model'>;

/** Share of the overall deadline kept back for each tier still to come. */
const TIER_RESERVE = 0.2;

type AnyTier = { cloud: true; tier: CloudTier } | { cloud: false; tier: LocalTier };

/**
 * The fallback ladder: primary → fallback (cloud) → local, each behind its own circuit breaker.
 * Per tier: one call, JSON recovery, one re-ask with the validation errors, then the next tier.
 * This is the only retry loop: the SDK never retries.
 */
export class ReasoningRouter {
  readonly #tiers: AnyTier[];
  readonly #breakers = new Map<ReasoningTier, TierBreaker>();
  readonly #deadlineMs: number;
  readonly #defaultRetryAfterMs: number;
  /** The cloud account is rate limited until then (429 + Retry-After). */
  #cloudNotBefore = 0;

  constructor(options: RouterOptions) {
    this.#tiers = [
      ...options.cloud.map((tier) => ({ cloud: true as const, tier })),
      ...(options.local ? [{ cloud: false as const, tier: options.local }] : []),
    ];
    const policy = options.breakerPolicy ?? DEFAULT_BREAKER_POLICY;
    for (const { tier } of this.#tiers) this.#breakers.set(tier.name, new TierBreaker(tier.name, policy));
    this.#deadlineMs = options.deadlineMs ?? 120_000;
    this.#defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1000;
  }

  /** The tiers in order, without their `call`: for health checks. */
  get tiers(): readonly TierInfo[] {
    return this.#tiers.map(({ tier }) => ({
      name: tier.name,
      kind: tier.kind,
      chat: tier.chat,
      model: tier.model,
    }));
  }

  breaker(tier: ReasoningTier): TierBreaker | undefined {
    return this.#breakers.get(tier);
  }

  async route(input: RouteInput): Promise<RouteSuccess> {
    const signal = AbortSignal.timeout(this.#deadlineMs);
    const deadline = Date.now() + this.#deadlineMs;
    const attempts: TierAttempt[] = [];
    let scrubbed: Promise<{ text: ScrubbedText; sessionId: string }> | undefined;
    for (const [index, entry] of this.#tiers.entries()) {
      const name = entry.tier.name;
      const breaker = this.#breakers.get(name);
      if (!breaker) continue;
      if (breaker.state === 'open') {
        attempts.push({
          tier: name,
          outcome: 'skipped',
          kind: 'breaker_open',
          message: `circuit open (${breaker.openReason ?? 'recent failures'})`,
        });
        continue;
      }
      if (entry.cloud && this.#cloudNotBefore > Date.now()) {
        const wait = this.#cloudNotBefore - Date.now();
        if (Date.now() + wait >= deadline) {
          attempts.push({
            tier: name,
            outcome: 'skipped',
            kind: 'rate_limited',
            message: 'rate limited past the deadline',
          });
          continue;
        }
        await delay(wait, undefined, { signal }).catch(() => undefined);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        attempts.push({ tier: name, outcome: 'skipped', kind: 'deadline', message: 'the deadline passed' });
        break;
      }
      // A hung tier must not eat the whole deadline: later tiers keep a share of it.
      const later = this.#tiers.length - index - 1;
      const budget =
        later === 0
          ? remaining
          : Math.max(remaining - later * TIER_RESERVE * this.#deadlineMs, remaining / (later + 1));
      const tierDeadline = Date.now() + budget;
      const options = { signal, timeoutMs: budget, jsonSchema: input.jsonSchemaFor?.(name) };
      let cloudInput: { text: ScrubbedText; sessionId: string } | undefined;
      if (entry.cloud) {
        // A redaction failure is ours, not the tier's: it never reaches a breaker, and nothing is sent.
        scrubbed ??= input.scrub();
        try {
          cloudInput = await scrubbed;
        } catch (error) {
          attempts.push({
            tier: name,
            outcome: 'skipped',
            message: `redaction failed: ${(error as Error).message}`,
          });
          continue;
        }
      }
      const sessionId = cloudInput?.sessionId;
      try {
        const result = await breaker.fire(async () => {
          if (entry.cloud && cloudInput) {
            return this.#attempt(
              entry.tier,
              { task: input.task, input: cloudInput.text },
              options,
              tierDeadline,
            );
          }
          if (entry.cloud) throw new Error('no scrubbed input');
          return this.#attempt(entry.tier, { task: input.task, input: input.raw }, options, tierDeadline);
        });
        if (result.recovery.outcome !== 'failed') {
          attempts.push({
            tier: name,
            outcome: 'answered',
            model: result.reply.model,
            reasked: result.reasked,
            message: result.recovery.outcome,
          });
          return {
            recovery: result.recovery,
            tier: name,
            model: result.reply.model,
            scrubSessionId: entry.cloud ? sessionId : undefined,
            reasked: result.reasked,
            finishReason: result.reply.finishReason,
            attempts,
          };
        }
        attempts.push({
          tier: name,
          outcome: 'unusable',
          model: result.reply.model,
          reasked: result.reasked,
          message: `no valid object after a re-ask: ${result.recovery.errors.slice(0, 3).join('; ')}`,
        });
      } catch (error) {
        attempts.push(this.#failure(entry, breaker, error, deadline));
      }
    }
    throw new RouteFailure(attempts);
  }

  /** One call, recovery, and one re-ask with the validation errors when nothing usable came back. */
  async #attempt<TInput extends string>(
    tier: Tier<TInput>,
    prompt: { task: ReasoningTask; input: TInput },
    options: TierCallOptions,
    deadline: number,
  ): Promise<{ reply: TierReply; recovery: Recovery<unknown>; reasked: boolean }> {
    const reply = await tier.call(prompt, options);
    const recovery = recoverJson(reply.content, reply.finishReason, prompt.task.output);
    if (recovery.outcome !== 'failed') return { reply, recovery, reasked: false };
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { reply, recovery, reasked: false };
    const second = await tier.call(
      { ...prompt, reask: { reply: reply.content, errors: reaskText(recovery.errors) } },
      { ...options, timeoutMs: remaining },
    );
    return {
      reply: second,
      recovery: recoverJson(second.content, second.finishReason, prompt.task.output),
      reasked: true,
    };
  }

  #failure(entry: AnyTier, breaker: TierBreaker, error: unknown, deadline: number): TierAttempt {
    const tier = entry.tier.name;
    if (isOpenBreakerError(error)) {
      return {
        tier,
        outcome: 'skipped',
        kind: 'breaker_open',
        message: `circuit open (${breaker.openReason ?? 'recent failures'})`,
      };
    }
    if (!(error instanceof LlmError)) {
      return {
        tier,
        outcome: 'error',
        kind: 'network',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    if (error.kind === 'auth') {
      breaker.trip(`credentials refused (${error.message})`);
      const hint = entry.cloud
        ? 'check the NVIDIA API key (reasoning.nvidiaApiKey)'
        : 'check the local vLLM API key';
      return {
        tier,
        outcome: 'error',
        kind: 'auth',
        message: `configuration error: ${error.message}; ${hint}`,
      };
    }
    if (error.kind === 'rate_limited' && entry.cloud) {
      const wait = Math.min(
        error.retryAfterMs ?? this.#defaultRetryAfterMs,
        Math.max(0, deadline - Date.now()),
      );
      this.#cloudNotBefore = Math.max(this.#cloudNotBefore, Date.now() + wait);
    }
    const kind = error.kind === 'timeout' && Date.now() >= deadline ? 'deadline' : error.kind;
    return { tier, outcome: 'error', kind, message: error.message };
  }

  shutdown(): void {
    for (const breaker of this.#breakers.values()) breaker.shutdown();
  }
}
