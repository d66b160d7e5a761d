import { AttemptsExhaustedError } from '../services/attempt-limiter.js';
import { ApiError } from './errors.js';

/** Waits for an attempt; a refusal becomes 429 with Retry-After. */
export async function rateLimited<T>(acquire: () => Promise<T>): Promise<T> {
  try {
    return await acquire();
  } catch (error) {
    if (!(error instanceof AttemptsExhaustedError)) throw error;
    throw new ApiError('RATE_LIMITED', `too many failed attempts; try again in ${error.retryAfterSec} s`, {
      headers: { 'Retry-After': String(error.retryAfterSec) },
    });
  }
}
