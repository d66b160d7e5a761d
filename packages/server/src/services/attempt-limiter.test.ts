import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttemptLimiter, AttemptsExhaustedError, type AttemptPolicy } from './attempt-limiter.js';

const POLICY: AttemptPolicy = {
  perKey: 10,
  windowMs: 60_000,
  global: 100,
  slowLaneIntervalMs: 1000,
  slowLaneQueue: 8,
};

async function settle<T>(work: Promise<T>): Promise<T | AttemptsExhaustedError> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AttemptsExhaustedError) return error;
    throw error;
  }
}

describe('AttemptLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts concurrent attempts when they are admitted, before any of them is checked', async () => {
    const limiter = new AttemptLimiter(POLICY);
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, () => settle(limiter.acquire('10.0.0.9'))),
    );
    expect(outcomes.filter((outcome) => !(outcome instanceof AttemptsExhaustedError))).toHaveLength(10);
  });

  it('limits each key on its own, with a Retry-After that runs to the oldest failure leaving the window', async () => {
    const limiter = new AttemptLimiter(POLICY);
    for (let i = 0; i < 10; i++) {
      (await limiter.acquire('attacker')).failed();
      vi.advanceTimersByTime(1000);
    }
    const refused = await settle(limiter.acquire('attacker'));
    expect(refused).toBeInstanceOf(AttemptsExhaustedError);
    expect((refused as AttemptsExhaustedError).retryAfterSec).toBe(50);
    expect(await settle(limiter.acquire('owner'))).not.toBeInstanceOf(AttemptsExhaustedError);
    vi.advanceTimersByTime(50_001);
    expect(await settle(limiter.acquire('attacker'))).not.toBeInstanceOf(AttemptsExhaustedError);
  });

  it('forgets a key’s failures once it succeeds', async () => {
    const limiter = new AttemptLimiter(POLICY);
    for (let i = 0; i < 9; i++) (await limiter.acquire('owner')).failed();
    (await limiter.acquire('owner')).succeeded();
    for (let i = 0; i < 10; i++) (await limiter.acquire('owner')).failed();
    expect(await settle(limiter.acquire('owner'))).toBeInstanceOf(AttemptsExhaustedError);
  });

  it('past the global ceiling admits one attempt per interval, clean keys first, and refuses a full queue', async () => {
    const limiter = new AttemptLimiter(POLICY);
    for (let i = 0; i < 100; i++) (await limiter.acquire(`bot-${i}`)).failed();
    const admitted: string[] = [];
    const wait = (key: string) =>
      settle(limiter.acquire(key)).then((outcome) => {
        if (!(outcome instanceof AttemptsExhaustedError)) {
          admitted.push(key);
          outcome.failed();
        }
        return outcome;
      });
    const dirty = Array.from({ length: 7 }, (_, i) => wait(`bot-${i}`));
    const owner = wait('owner');
    const overflow = await settle(limiter.acquire('bot-50'));
    expect(overflow).toBeInstanceOf(AttemptsExhaustedError);
    await vi.advanceTimersByTimeAsync(0);
    // The owner's clean address goes ahead of every bot already waiting.
    expect(admitted).toEqual(['owner']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(admitted).toEqual(['owner', 'bot-0']);
    await vi.advanceTimersByTimeAsync(5999);
    expect(admitted).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([...dirty, owner]);
    expect(admitted).toHaveLength(8);
  });
});
