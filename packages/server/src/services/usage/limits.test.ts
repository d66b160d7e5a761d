import { describe, expect, it } from 'vitest';
import { TokenLimiter } from './limits.js';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const HOUR = 3600_000;

describe('token limits', () => {
  it('admits exactly rpm requests in any 60 seconds and says when the next slot frees up', () => {
    const limiter = new TokenLimiter();
    expect(limiter.admit('k', { rpm: 3 }, T0)).toBeUndefined();
    expect(limiter.admit('k', { rpm: 3 }, T0 + 10_000)).toBeUndefined();
    expect(limiter.admit('k', { rpm: 3 }, T0 + 20_000)).toBeUndefined();
    expect(limiter.admit('k', { rpm: 3 }, T0 + 30_000)).toEqual({ limit: 'rpm', retryAfterSec: 30 });
    // A refused request takes no slot: the first frees up at T0 + 60 s.
    expect(limiter.admit('k', { rpm: 3 }, T0 + 59_999)).toEqual({ limit: 'rpm', retryAfterSec: 1 });
    expect(limiter.admit('k', { rpm: 3 }, T0 + 60_000)).toBeUndefined();
    expect(limiter.admit('k', { rpm: 3 }, T0 + 60_001)).toEqual({ limit: 'rpm', retryAfterSec: 10 });
    // Other keys and keys without limits are not affected.
    expect(limiter.admit('other', { rpm: 3 }, T0 + 60_001)).toBeUndefined();
    expect(limiter.admit('k', {}, T0 + 60_001)).toBeUndefined();
  });

  it('counts tokens over a rolling day in hours and frees them when their hour leaves the window', () => {
    const limiter = new TokenLimiter();
    limiter.used('k', T0 + 10 * 60_000, 600);
    limiter.used('k', T0 + 5 * HOUR, 500);
    expect(limiter.admit('k', { tokensPerDay: 1200 }, T0 + 6 * HOUR)).toBeUndefined();
    const refused = limiter.admit('k', { tokensPerDay: 1000 }, T0 + 6 * HOUR);
    // The 08:00 hour leaves the window at 09:00 the next day, 19 hours from 14:00.
    expect(refused).toEqual({ limit: 'tokensPerDay', retryAfterSec: 19 * 3600 });
    expect(limiter.admit('k', { tokensPerDay: 1000 }, T0 + 25 * HOUR)).toBeUndefined();
    expect(limiter.admit('k', { tokensPerDay: 500 }, T0 + 25 * HOUR)).toEqual({
      limit: 'tokensPerDay',
      retryAfterSec: 5 * 3600,
    });
  });
});
