import { ReasoningTextInputSchema, SwapTriageSchema, type ReasoningTier } from '@spark-control/schema';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { LlmError } from '../../adapters/llm/openai-chat.js';
import type { BreakerState } from './breaker.js';
import { adapterFor } from './model-adapters.js';
import { ownText } from './prompt-text.js';
import type { ReasoningRouter, TierAttempt } from './router.js';
import type { Scrubber } from './service.js';
import type { ReasoningTask } from './tasks.js';

export type JsonSchemaSupport = 'honoured' | 'ignored' | 'rejected' | 'unknown';

export interface DeepCheck {
  checkedAt: string;
  ok: boolean;
  latencyMs: number;
  model: string | null;
  /** Whether `response_format: json_schema` is enforced: the probe asks for plain text under a JSON schema. */
  jsonSchema: JsonSchemaSupport;
  error?: string | undefined;
}

export interface TierHealth {
  tier: ReasoningTier;
  kind: 'cloud' | 'local';
  baseUrl: string;
  breaker: BreakerState;
  breakerReason?: string | undefined;
  /** The cheap check, run on every call: `GET /models`. */
  models: { ok: boolean; latencyMs: number; error?: string | undefined };
  /** The deep check, cached. */
  deep: DeepCheck | null;
}

export interface ReasoningHealth {
  tiers: TierHealth[];
  /** Tiers that cannot run as configured, and why. */
  notConfigured: TierAttempt[];
}

const PROBE_SCHEMA = {
  name: 'swap_triage',
  schema: toJsonSchema(SwapTriageSchema, { errorMode: 'ignore' }) as Record<string, unknown>,
};
const CHEAP_TIMEOUT_MS = 5_000;
const DEEP_TIMEOUT_MS = 30_000;

/** A fixed probe: it holds no user text, so it goes to the cloud as is. */
const PROBE_TASK: ReasoningTask = {
  id: 'health_probe',
  outputName: 'swap_triage',
  output: SwapTriageSchema,
  inputName: 'text',
  input: ReasoningTextInputSchema,
  thinking: false,
  reasoningBudget: undefined,
  temperature: 0,
  topP: undefined,
  maxTokens: 256,
  instructions: ownText('Reply with the single word: hello'),
  file: '(built in)',
  source: 'bundled',
};

/** `GET /reasoning/health`: a cheap `/models` check every time, a deep check per tier at most every `ttlMs`. */
export class ReasoningHealthChecker {
  readonly #router: ReasoningRouter;
  readonly #ttlMs: number;
  readonly #deep = new Map<ReasoningTier, DeepCheck>();
  readonly #inFlight = new Map<ReasoningTier, Promise<DeepCheck>>();

  constructor(options: { router: ReasoningRouter; scrubber: Scrubber; ttlMs?: number | undefined }) {
    this.#router = options.router;
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
  }

  honoursJsonSchema(tier: ReasoningTier): boolean {
    return this.#deep.get(tier)?.jsonSchema === 'honoured';
  }

  async check(notConfigured: TierAttempt[]): Promise<ReasoningHealth> {
    const tiers = await Promise.all(
      this.#router.tiers.map(async (tier): Promise<TierHealth> => {
        const breaker = this.#router.breaker(tier.name);
        const [models, deep] = await Promise.all([this.#cheap(tier.chat), this.#deepCached(tier)]);
        return {
          tier: tier.name,
          kind: tier.kind,
          baseUrl: tier.chat.baseUrl,
          breaker: breaker?.state ?? 'closed',
          breakerReason: breaker?.openReason,
          models,
          deep,
        };
      }),
    );
    return { tiers, notConfigured };
  }

  async #cheap(chat: ReasoningRouter['tiers'][number]['chat']): Promise<TierHealth['models']> {
    const started = performance.now();
    try {
      await chat.listModels({ signal: AbortSignal.timeout(CHEAP_TIMEOUT_MS), timeoutMs: CHEAP_TIMEOUT_MS });
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        error: (error as Error).message,
      };
    }
  }

  #deepCached(tier: ReasoningRouter['tiers'][number]): Promise<DeepCheck> {
    const cached = this.#deep.get(tier.name);
    if (cached && Date.now() - Date.parse(cached.checkedAt) < this.#ttlMs) return Promise.resolve(cached);
    let running = this.#inFlight.get(tier.name);
    if (!running) {
      running = this.#probe(tier).finally(() => this.#inFlight.delete(tier.name));
      this.#inFlight.set(tier.name, running);
    }
    return running;
  }

  async #probe(tier: ReasoningRouter['tiers'][number]): Promise<DeepCheck> {
    const started = performance.now();
    const signal = AbortSignal.timeout(DEEP_TIMEOUT_MS);
    let model: string | null = null;
    let check: DeepCheck;
    try {
      model = await tier.model({ signal, timeoutMs: DEEP_TIMEOUT_MS });
      const adapted = adapterFor(model, tier.kind).build({ task: PROBE_TASK, input: 'ping' });
      const reply = await tier.chat.complete({
        model,
        messages: adapted.messages,
        temperature: 0,
        maxTokens: PROBE_TASK.maxTokens,
        extraBody: adapted.extraBody,
        jsonSchema: PROBE_SCHEMA,
        signal,
        timeoutMs: DEEP_TIMEOUT_MS,
      });
      const honoured = v.safeParse(SwapTriageSchema, safeJson(reply.content.trim())).success;
      check = { checkedAt: '', ok: true, latencyMs: 0, model, jsonSchema: honoured ? 'honoured' : 'ignored' };
    } catch (error) {
      const rejected = error instanceof LlmError && error.kind === 'bad_request';
      check = {
        checkedAt: '',
        ok: rejected,
        latencyMs: 0,
        model,
        jsonSchema: rejected ? 'rejected' : 'unknown',
        error: (error as Error).message,
      };
    }
    check = {
      ...check,
      checkedAt: new Date().toISOString(),
      latencyMs: Math.round(performance.now() - started),
    };
    this.#deep.set(tier.name, check);
    return check;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
