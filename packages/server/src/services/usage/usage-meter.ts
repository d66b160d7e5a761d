import type { UsageRow } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import type { Principal } from '../auth.js';
import type { MetricsRegistry } from '../health/metrics.js';
import { DomainError } from '../domain-error.js';
import { TokenLimiter } from './limits.js';
import type { UsageBucket, UsageStore } from './usage-store.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3600_000;
/** How often the in-memory aggregates are written to the database. */
export const FLUSH_INTERVAL_MS = 30_000;

export interface UsageMeterDeps {
  store: UsageStore;
  log: Logger;
  /** Milliseconds since the epoch; injected so limits and buckets can be tested. */
  now?: () => number;
  /** Names of every token, for the usage report. */
  tokenNames?: () => Promise<Map<string, string>>;
  registry?: MetricsRegistry | undefined;
}

/**
 * What one gateway request used. The gateway fills in the model, placement and tokens; the route
 * reports the status, and a relayed stream its end. It is recorded once both are known.
 */
export class RequestUsage {
  model = '';
  placement = 'vllm';
  promptTokens = 0;
  completionTokens = 0;
  #status = 0;
  #streaming = false;
  #streamEnded = false;
  #recorded = false;

  constructor(
    private readonly meter: UsageMeter,
    readonly tokenId: string,
    /** Served model names this key may use; null: every model. */
    readonly models: readonly string[] | null,
    readonly startedAt: number,
  ) {}

  allows(model: string): boolean {
    return this.models === null || this.models.includes(model);
  }

  /** Takes the counts of an OpenAI `usage` object (chat and completions, or the Responses API's). */
  countTokens(usage: unknown): void {
    if (typeof usage !== 'object' || usage === null) return;
    const counts = usage as Record<string, unknown>;
    const prompt = counts.prompt_tokens ?? counts.input_tokens;
    const completion = counts.completion_tokens ?? counts.output_tokens;
    if (typeof prompt === 'number' && Number.isFinite(prompt)) this.promptTokens = prompt;
    if (typeof completion === 'number' && Number.isFinite(completion)) this.completionTokens = completion;
  }

  /** The answer is a stream: record when it ends, not when the headers go out. */
  streamStarted(): void {
    this.#streaming = true;
  }

  streamEnded(): void {
    this.#streamEnded = true;
    this.#recordWhenDone();
  }

  answered(status: number): void {
    this.#status = status;
    this.#recordWhenDone();
  }

  #recordWhenDone(): void {
    if (this.#recorded || this.#status === 0 || (this.#streaming && !this.#streamEnded)) return;
    this.#recorded = true;
    this.meter.record(this, this.#status);
  }
}

/**
 * Gateway usage per key: aggregated in memory per (key, model, placement, status class, minute)
 * and written to the database every 30 s and on stop, so no request waits for a database write.
 * Also keeps each key's limits (requests per minute, tokens per rolling day).
 */
export class UsageMeter {
  #buckets = new Map<string, UsageBucket>();
  readonly #limiter = new TokenLimiter();
  /** Totals by model and placement, for `/metrics`. */
  readonly #byModel = new Map<
    string,
    { model: string; placement: string; requests: number; prompt: number; completion: number }
  >();
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #lastCompaction = 0;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: UsageMeterDeps) {
    this.#now = deps.now ?? Date.now;
    if (deps.registry) this.#registerMetrics(deps.registry);
  }

  /**
   * Starts metering one request of `principal`; a 429 in OpenAI's shape, with `Retry-After`,
   * when the key is over one of its limits (the refusal is recorded too).
   */
  begin(principal: Principal | undefined): RequestUsage {
    const now = this.#now();
    if (principal?.kind !== 'token') return new RequestUsage(this, '', null, now);
    const usage = new RequestUsage(this, principal.tokenId, principal.models, now);
    const refusal = this.#limiter.admit(principal.tokenId, principal.limits, now);
    if (refusal) {
      usage.model = '';
      usage.answered(429);
      const message =
        refusal.limit === 'rpm'
          ? `Rate limit reached: this key may send ${principal.limits.rpm} requests per minute. Try again in ${refusal.retryAfterSec} s.`
          : `Rate limit reached: this key may use ${principal.limits.tokensPerDay} tokens per 24 hours. Try again in ${refusal.retryAfterSec} s.`;
      throw new DomainError('RATE_LIMITED', message, {
        openAiCode: 'rate_limit_exceeded',
        retryAfterSec: refusal.retryAfterSec,
        // OpenAI names the exhausted limit as the error's type.
        details: { openAiType: refusal.limit === 'rpm' ? 'requests' : 'tokens' },
      });
    }
    return usage;
  }

  /** Adds a finished request to its minute's bucket. */
  record(usage: RequestUsage, status: number): void {
    const now = this.#now();
    const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const statusClass = status >= 500 ? '5xx' : status >= 400 ? '4xx' : '2xx';
    const key = `${minute}\u0000${usage.tokenId}\u0000${usage.model}\u0000${usage.placement}\u0000${statusClass}`;
    const latency = Math.max(0, Math.round(now - usage.startedAt));
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = {
        minute: new Date(minute),
        tokenId: usage.tokenId,
        model: usage.model,
        placement: usage.placement,
        statusClass,
        requests: 0,
        promptTokens: 0,
        completionTokens: 0,
        latencySumMs: 0,
        latencyMaxMs: 0,
      };
      this.#buckets.set(key, bucket);
    }
    bucket.requests += 1;
    bucket.promptTokens += usage.promptTokens;
    bucket.completionTokens += usage.completionTokens;
    bucket.latencySumMs += latency;
    bucket.latencyMaxMs = Math.max(bucket.latencyMaxMs, latency);
    if (usage.tokenId !== '')
      this.#limiter.used(usage.tokenId, now, usage.promptTokens + usage.completionTokens);
    if (usage.model !== '') {
      const key = `${usage.model}\u0000${usage.placement}`;
      const total = this.#byModel.get(key) ?? {
        model: usage.model,
        placement: usage.placement,
        requests: 0,
        prompt: 0,
        completion: 0,
      };
      total.requests += 1;
      total.prompt += usage.promptTokens;
      total.completion += usage.completionTokens;
      this.#byModel.set(key, total);
    }
  }

  /** Writes the aggregates to the database; on failure they are kept for the next flush. */
  flush(): Promise<void> {
    // Flushes run one after another; a failed one never blocks the next.
    this.#flushing = this.#flushing.catch(() => undefined).then(() => this.#flushOnce());
    return this.#flushing;
  }

  async #flushOnce(): Promise<void> {
    const buckets = this.#buckets;
    this.#buckets = new Map();
    try {
      await this.deps.store.add([...buckets.values()]);
    } catch (error) {
      this.deps.log.warn({ err: error, buckets: buckets.size }, 'gateway usage not written; retrying later');
      for (const [key, bucket] of buckets) this.#merge(key, bucket);
      return;
    }
    const now = this.#now();
    if (now - this.#lastCompaction >= HOUR_MS) {
      this.#lastCompaction = now;
      try {
        await this.deps.store.compact(new Date(now));
      } catch (error) {
        this.deps.log.warn({ err: error }, 'gateway usage compaction failed; retrying in an hour');
      }
    }
  }

  #merge(key: string, bucket: UsageBucket): void {
    const current = this.#buckets.get(key);
    if (!current) {
      this.#buckets.set(key, bucket);
      return;
    }
    current.requests += bucket.requests;
    current.promptTokens += bucket.promptTokens;
    current.completionTokens += bucket.completionTokens;
    current.latencySumMs += bucket.latencySumMs;
    current.latencyMaxMs = Math.max(current.latencyMaxMs, bucket.latencyMaxMs);
  }

  /** Seeds the daily token limits with the last 24 hours from the database (after a restart). */
  async load(): Promise<void> {
    const since = new Date(this.#now() - 24 * HOUR_MS);
    for (const row of await this.deps.store.tokensByHour(since)) {
      if (row.tokenId !== '') this.#limiter.used(row.tokenId, row.hour.getTime(), row.tokens);
    }
  }

  start(): void {
    this.#timer ??= setInterval(() => {
      this.flush().catch((error: unknown) =>
        this.deps.log.warn({ err: error }, 'gateway usage flush failed'),
      );
    }, FLUSH_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  /** Use per key and model over the last `hours` (written first, so the answer is complete). */
  async report(hours: number): Promise<UsageRow[]> {
    await this.flush();
    const totals = await this.deps.store.totals(new Date(this.#now() - hours * HOUR_MS));
    const names = (await this.deps.tokenNames?.()) ?? new Map<string, string>();
    return totals.map((total) => ({
      ...total,
      tokenName: total.tokenId === null ? 'dashboard' : (names.get(total.tokenId) ?? '(deleted)'),
    }));
  }

  #registerMetrics(registry: MetricsRegistry): void {
    const requests = registry.counter(
      'spark_control_gateway_model_requests_total',
      'Gateway requests by the model they named and the placement that served it.',
    );
    const tokens = registry.counter(
      'spark_control_gateway_model_tokens_total',
      'Tokens the upstreams reported, by model, placement and kind (prompt, completion).',
    );
    const reported = new Map<string, { requests: number; prompt: number; completion: number }>();
    // Counted in plain numbers per request and handed to the registry only when scraped.
    registry.onCollect(() => {
      for (const [key, total] of this.#byModel) {
        const { model, placement } = total;
        const before = reported.get(key) ?? { requests: 0, prompt: 0, completion: 0 };
        if (total.requests > before.requests)
          requests.inc({ model, placement }, total.requests - before.requests);
        if (total.prompt > before.prompt)
          tokens.inc({ model, placement, kind: 'prompt' }, total.prompt - before.prompt);
        if (total.completion > before.completion) {
          tokens.inc({ model, placement, kind: 'completion' }, total.completion - before.completion);
        }
        reported.set(key, { requests: total.requests, prompt: total.prompt, completion: total.completion });
      }
    });
  }
}
