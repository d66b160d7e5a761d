import type { TokenScope } from '@spark-control/schema';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../adapters/logger.js';
import type { AuditLog } from '../services/audit.js';
import { hasScope, SESSION_COOKIE, type AuthService } from '../services/auth.js';
import { clientOf } from './client.js';
import type { AppEnv } from './context.js';
import { DomainError } from '../services/domain-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isMutation = (method: string) => !SAFE_METHODS.has(method);

/** One structured line per request; never the query string or headers (they may carry secrets). */
export function accessLog(log: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    log.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
}

/**
 * Resolves the caller from a Bearer token or the session cookie. Paths in `open` may be
 * called without one; everything else gets 401. Cookie-authenticated mutations must come
 * from the dashboard's own origin.
 */
export function authenticate(auth: AuthService, open: readonly string[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    let principal;
    if (bearer) {
      principal = await auth.fromToken(bearer);
      if (!principal) throw new DomainError('UNAUTHORIZED', 'the API token is unknown or revoked');
    } else if (cookie) {
      principal = await auth.fromSession(cookie);
      if (principal && isMutation(c.req.method) && !isSameOrigin(c.req.raw, clientOf(c).host)) {
        throw new DomainError('FORBIDDEN', 'cross-origin request refused; use the dashboard or an API token');
      }
    }
    c.set('principal', principal);
    if (!principal && !open.includes(c.req.path)) {
      throw new DomainError('UNAUTHORIZED', 'sign in or send an API token (Authorization: Bearer …)');
    }
    await next();
  });
}

/**
 * The request's Origin (or, failing that, the browser's Sec-Fetch-Site) names the host the caller
 * addressed: `Host`, or `X-Forwarded-Host` only when a trusted proxy sent it.
 */
function isSameOrigin(request: Request, host: string | undefined): boolean {
  const origin = request.headers.get('origin');
  if (origin) {
    if (!host) return false;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

export function requireScope(scope: TokenScope) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new DomainError('UNAUTHORIZED', 'sign in or send an API token');
    if (!hasScope(principal, scope))
      throw new DomainError('FORBIDDEN', `this call needs the "${scope}" scope`);
    await next();
  });
}

/**
 * Writes an audit row for every mutating call by an identified caller, whatever its outcome.
 * Anonymous calls that did not succeed (no credential, a wrong password) are only counted per
 * route: anyone can send them, so they must not grow the log.
 */
export function auditMutations(audit: AuditLog, log: Logger, readOnly: readonly RegExp[] = []) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (!isMutation(c.req.method) || readOnly.some((pattern) => pattern.test(c.req.path))) return;
    const status = c.res.status;
    const outcome = status < 400 ? 'ok' : status === 401 || status === 403 ? 'denied' : 'failed';
    const action = `${c.req.method} ${c.req.routePath}`;
    const actor = c.get('principal')?.actor;
    try {
      if (!actor && outcome !== 'ok') {
        await audit.countDenied(action, status);
        return;
      }
      await audit.record({
        actor: actor ?? 'anonymous',
        action,
        target: c.req.path,
        outcome,
        status,
        requestId: c.get('requestId'),
      });
    } catch (error) {
      log.error({ err: error, requestId: c.get('requestId') }, 'audit write failed');
    }
  });
}
