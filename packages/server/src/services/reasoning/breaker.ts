import CircuitBreaker from 'opossum';
import { LlmError } from '../../adapters/llm/openai-chat.js';

export interface BreakerPolicy {
  /** Open after this many failures in a row, whatever the volume (a single-deployment tier trips too). */
  consecutiveFailures: number;
  /** Or when this share of calls failed in the rolling window… */
  errorThresholdPercentage: number;
  /** …once the window holds at least this many calls. */
  volumeThreshold: number;
  rollingWindowMs: number;
  /** How long an open breaker refuses calls before one trial call (half-open). */
  resetTimeoutMs: number;
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = {
  consecutiveFailures: 3,
  errorThresholdPercentage: 50,
  volumeThreshold: 6,
  rollingWindowMs: 60_000,
  resetTimeoutMs: 30_000,
};

export type BreakerState = 'closed' | 'open' | 'half-open';

/** One tier's circuit breaker (opossum) with a consecutive-failure trip on top of its failure rate. */
export class TierBreaker {
  readonly #breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  #consecutive = 0;
  #openReason: string | undefined;

  constructor(name: string, policy: BreakerPolicy) {
    this.#breaker = new CircuitBreaker((run: () => Promise<unknown>) => run(), {
      name,
      timeout: false,
      errorThresholdPercentage: policy.errorThresholdPercentage,
      volumeThreshold: policy.volumeThreshold,
      rollingCountTimeout: policy.rollingWindowMs,
      rollingCountBuckets: 10,
      resetTimeout: policy.resetTimeoutMs,
      // A request we got wrong (400) says nothing about the tier's health.
      errorFilter: (error: unknown) => error instanceof LlmError && error.kind === 'bad_request',
    });
    this.#breaker.on('success', () => {
      this.#consecutive = 0;
    });
    this.#breaker.on('failure', (error: unknown) => {
      this.#consecutive += 1;
      if (this.#consecutive >= policy.consecutiveFailures && !this.#breaker.opened) {
        this.trip(
          `${this.#consecutive} failures in a row (last: ${error instanceof Error ? error.message : String(error)})`,
        );
      }
    });
    this.#breaker.on('open', () => {
      this.#openReason ??= 'failure rate over the threshold';
    });
    this.#breaker.on('close', () => {
      this.#consecutive = 0;
      this.#openReason = undefined;
    });
  }

  get state(): BreakerState {
    if (this.#breaker.opened) return 'open';
    if (this.#breaker.halfOpen) return 'half-open';
    return 'closed';
  }

  get openReason(): string | undefined {
    return this.state === 'closed' ? undefined : this.#openReason;
  }

  /** Runs `action` unless the breaker is open (then rejects with `EOPENBREAKER`). */
  fire<T>(action: () => Promise<T>): Promise<T> {
    return this.#breaker.fire(action) as Promise<T>;
  }

  /** Opens at once: a rejected key will not get better by retrying. */
  trip(reason: string): void {
    this.#openReason = reason;
    this.#breaker.open();
  }

  shutdown(): void {
    this.#breaker.shutdown();
  }
}

export function isOpenBreakerError(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: string }).code === 'EOPENBREAKER';
}
