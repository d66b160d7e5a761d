import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context.js';
import { DomainError } from '../services/domain-error.js';
import { hasScope, SESSION_COOKIE, type AuthService } from '../services/auth.js';
import type { MetricsRegistry } from '../services/health/metrics.js';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * `GET /metrics` in Prometheus text format. Mounted outside `/api`, so it checks the caller
 * itself: the metrics token (for a scraper), or an admin token or session.
 */
export function metricsRoutes(deps: {
  registry: MetricsRegistry;
  auth: Pick<AuthService, 'fromToken' | 'fromSession'>;
  /** A scrape-only bearer token; unset means only admin credentials work. */
  metricsToken?: string | undefined;
}) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!(bearer && deps.metricsToken && sameSecret(bearer, deps.metricsToken))) {
      const cookie = getCookie(c, SESSION_COOKIE);
      const principal = bearer
        ? await deps.auth.fromToken(bearer)
        : cookie
          ? await deps.auth.fromSession(cookie)
          : undefined;
      if (!principal) throw new DomainError('UNAUTHORIZED', 'send the metrics token or an admin token');
      if (!hasScope(principal, 'admin'))
        throw new DomainError('FORBIDDEN', 'this call needs the "admin" scope');
    }
    return c.text(deps.registry.render(), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
}
