import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.js';

/**
 * The earlier (Python) package's paths, served by today's route groups. Each answer carries
 * `Deprecation` (RFC 9745: the date they became deprecated, Spark Control 1.0.0) and a `Link` to
 * the path that replaces it (`rel="successor-version"`, RFC 5829). docs/api.md has the table.
 */
export const DEPRECATED_ALIASES = [
  { alias: '/scrub', successor: '/api/scrub' },
  { alias: '/rehydrate', successor: '/api/rehydrate' },
  { alias: '/api/endpoints', successor: '/api/services' },
  { alias: '/api/matrix-bridge', successor: '/api/bot' },
] as const;

const DEPRECATED_SINCE = Date.UTC(2026, 11, 1) / 1000;

/** Adds the deprecation headers to every answer under `alias`, errors included. */
export function deprecatedAlias(alias: string, successor: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const rest = c.req.path.slice(alias.length);
    c.res.headers.set('Deprecation', `@${DEPRECATED_SINCE}`);
    c.res.headers.append('Link', `<${successor}${rest}>; rel="successor-version"`);
  });
}
