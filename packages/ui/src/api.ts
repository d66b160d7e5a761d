import type { AppType } from '@spark-control/server/app';
import { hc } from 'hono/client';

/** The typed API client; relative URLs only, because StartOS serves the dashboard behind its proxy. */
export const api = hc<AppType>('./', { init: { credentials: 'same-origin' } });

/** The message of an API error body, or a fallback. */
export async function errorMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? fallback;
  } catch {
    return fallback;
  }
}
