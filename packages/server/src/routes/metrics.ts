import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context.js';
import { SESSION_COOKIE, type AuthService } from '../services/auth.js';
import type { MetricsRegistry } from '../services/health/metrics.js';

/**
 * `GET /metrics` in Prometheus text format. Mounted outside `/api`, so the auth service says who
 * may read it: the metrics token (for a scraper), or an admin token or session.
 */
export function metricsRoutes(deps: {
  registry: MetricsRegistry;
  auth: Pick<AuthService, 'checkMetricsAccess'>;
}) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await deps.auth.checkMetricsAccess({
      bearer: c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1],
      sessionId: getCookie(c, SESSION_COOKIE),
    });
    return c.text(deps.registry.render(), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
}
