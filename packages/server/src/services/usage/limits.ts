import type { TokenLimits } from '@spark-control/schema';

const MINUTE_MS = 60_000;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** A refusal: which limit, and in how many seconds a request would pass. */
export interface LimitRefusal {
  limit: 'rpm' | 'tokensPerDay';
  retryAfterSec: number;
}

/**
 * Requests of the last 60 seconds, exactly: a ring of the last `rpm` request times. Full and its
 * oldest entry younger than a minute means over the limit.
 */
class RequestWindow {
  readonly #times: Float64Array;
  #next = 0;

  constructor(readonly rpm: number) {
    this.#times = new Float64Array(rpm).fill(Number.NEGATIVE_INFINITY);
  }

  /** Takes a slot at `now`, or returns the milliseconds until one frees up. */
  take(now: number): number {
    const oldest = this.#times[this.#next] ?? Number.NEGATIVE_INFINITY;
    if (now - oldest < MINUTE_MS) return oldest + MINUTE_MS - now;
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.rpm;
    return 0;
  }
}

/** Tokens of the last 24 hours in hourly buckets (a rolling day, one hour fine). */
class TokenWindow {
  readonly #hours = new Map<number, number>();

  add(at: number, tokens: number): void {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    this.#hours.set(hour, (this.#hours.get(hour) ?? 0) + tokens);
  }

  /** 0 when under `limit` at `now`, else the milliseconds until enough hours have left the window. */
  wait(now: number, limit: number): number {
    const start = now - DAY_MS;
    let used = 0;
    const hours: [number, number][] = [];
    for (const [hour, tokens] of this.#hours) {
      if (hour + HOUR_MS <= start) this.#hours.delete(hour);
      else {
        used += tokens;
        hours.push([hour, tokens]);
      }
    }
    if (used < limit) return 0;
    hours.sort((a, b) => a[0] - b[0]);
    for (const [hour, tokens] of hours) {
      used -= tokens;
      if (used < limit) return hour + HOUR_MS + DAY_MS - now;
    }
    return DAY_MS;
  }
}

/** The per-token gateway limits, kept in memory: requests per minute and tokens per rolling day. */
export class TokenLimiter {
  readonly #requests = new Map<string, RequestWindow>();
  readonly #tokens = new Map<string, TokenWindow>();

  /** Counts a request of `tokenId` unless a limit refuses it. */
  admit(tokenId: string, limits: TokenLimits, now: number): LimitRefusal | undefined {
    if (limits.tokensPerDay !== undefined) {
      const wait = this.#tokens.get(tokenId)?.wait(now, limits.tokensPerDay) ?? 0;
      if (wait > 0) return { limit: 'tokensPerDay', retryAfterSec: Math.ceil(wait / 1000) };
    }
    if (limits.rpm !== undefined) {
      let window = this.#requests.get(tokenId);
      if (window?.rpm !== limits.rpm) {
        window = new RequestWindow(limits.rpm);
        this.#requests.set(tokenId, window);
      }
      const wait = window.take(now);
      if (wait > 0) return { limit: 'rpm', retryAfterSec: Math.max(1, Math.ceil(wait / 1000)) };
    }
    return undefined;
  }

  /** Tokens a request of `tokenId` used, for its daily limit. */
  used(tokenId: string, at: number, tokens: number): void {
    if (tokens <= 0) return;
    let window = this.#tokens.get(tokenId);
    if (!window) {
      window = new TokenWindow();
      this.#tokens.set(tokenId, window);
    }
    window.add(at, tokens);
  }
}
