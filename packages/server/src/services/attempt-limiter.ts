import { DomainError } from './domain-error.js';

/** A refused attempt: 429 `RATE_LIMITED`, with the seconds until one may succeed. */
export class AttemptsExhaustedError extends DomainError {
  declare readonly retryAfterSec: number;

  constructor(retryAfterSec: number) {
    super('RATE_LIMITED', `too many failed attempts; try again in ${retryAfterSec} s`, { retryAfterSec });
    this.name = 'AttemptsExhaustedError';
  }
}

export interface AttemptPolicy {
  /** Failed (and running) attempts one key may have in the window. */
  perKey: number;
  windowMs: number;
  /** Failed (and running) attempts of all keys together before the slow lane. */
  global: number;
  /** Past the global ceiling, one attempt starts per interval… */
  slowLaneIntervalMs: number;
  /** …and at most this many wait for their turn; more are refused. */
  slowLaneQueue: number;
}

/** One admitted attempt: say how it ended exactly once. */
export interface Attempt {
  succeeded(): void;
  failed(): void;
}

interface Waiter {
  clean: boolean;
  admit: () => void;
}

/**
 * Limits guesses (a password, an SSH password) per key (the client address, a Spark) and in total.
 * An attempt is counted when it is admitted, before the slow check runs, so concurrent guesses
 * cannot overtake the count. Past the global ceiling attempts are not refused but queued through
 * a slow lane, one per interval, keys without recent failures first: a distributed attack stays
 * slow while the owner, trying from a clean address, still gets in.
 */
export class AttemptLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #running = new Map<string, number>();
  #globalFailures: number[] = [];
  #globalRunning = 0;
  readonly #lane: Waiter[] = [];
  #laneTimer: NodeJS.Timeout | undefined;
  #lastAdmitted = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly policy: AttemptPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits an attempt for `key`, waiting in the slow lane when the global ceiling is reached. */
  async acquire(key: string): Promise<Attempt> {
    const now = this.now();
    this.#prune(now);
    const failures = this.#failures.get(key) ?? [];
    const running = this.#running.get(key) ?? 0;
    if (failures.length + running >= this.policy.perKey) {
      const oldest = failures[0] ?? now;
      throw new AttemptsExhaustedError(Math.max(1, Math.ceil((oldest + this.policy.windowMs - now) / 1000)));
    }
    this.#running.set(key, running + 1);
    this.#globalRunning += 1;
    const release = () => {
      const left = (this.#running.get(key) ?? 1) - 1;
      if (left > 0) this.#running.set(key, left);
      else this.#running.delete(key);
      this.#globalRunning -= 1;
    };
    if (this.#globalFailures.length + this.#globalRunning > this.policy.global) {
      try {
        await this.#slowLane(failures.length === 0);
      } catch (error) {
        release();
        throw error;
      }
    }
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        release();
        this.#failures.delete(key);
      },
      failed: () => {
        if (settled) return;
        settled = true;
        release();
        const at = this.now();
        this.#failures.set(key, [...(this.#failures.get(key) ?? []), at]);
        this.#globalFailures.push(at);
      },
    };
  }

  #slowLane(clean: boolean): Promise<void> {
    if (this.#lane.length >= this.policy.slowLaneQueue) {
      const wait = (this.#lane.length * this.policy.slowLaneIntervalMs) / 1000;
      return Promise.reject(new AttemptsExhaustedError(Math.max(1, Math.ceil(wait))));
    }
    return new Promise<void>((admit) => {
      const waiter = { clean, admit };
      const firstDirty = this.#lane.findIndex((queued) => !queued.clean);
      if (clean && firstDirty !== -1) this.#lane.splice(firstDirty, 0, waiter);
      else this.#lane.push(waiter);
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#laneTimer || this.#lane.length === 0) return;
    const wait = Math.max(0, this.#lastAdmitted + this.policy.slowLaneIntervalMs - this.now());
    this.#laneTimer = setTimeout(() => {
      this.#laneTimer = undefined;
      const next = this.#lane.shift();
      if (next) {
        this.#lastAdmitted = this.now();
        next.admit();
      }
      this.#pump();
    }, wait);
    this.#laneTimer.unref();
  }

  #prune(now: number): void {
    const cutoff = now - this.policy.windowMs;
    this.#globalFailures = this.#globalFailures.filter((at) => at > cutoff);
    for (const [key, times] of this.#failures) {
      const recent = times.filter((at) => at > cutoff);
      if (recent.length === 0) this.#failures.delete(key);
      else this.#failures.set(key, recent);
    }
  }
}
