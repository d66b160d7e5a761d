import { LoginBodySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthService } from '../services/auth.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../services/auth.js';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { jsonBody } from '../http/validate.js';

const FAILURE_WINDOW_MS = 60_000;
const MAX_FAILURES_PER_WINDOW = 10;

export function authRoutes(auth: AuthService) {
  let failures: number[] = [];
  return new Hono<AppEnv>()
    .post('/login', jsonBody(LoginBodySchema), async (c) => {
      const now = Date.now();
      failures = failures.filter((at) => now - at < FAILURE_WINDOW_MS);
      if (failures.length >= MAX_FAILURES_PER_WINDOW) {
        throw new ApiError('RATE_LIMITED', 'too many wrong passwords; wait a minute', {
          headers: { 'Retry-After': '60' },
        });
      }
      const sessionId = await auth.login(c.req.valid('json').password);
      if (!sessionId) {
        failures.push(now);
        throw new ApiError('UNAUTHORIZED', 'wrong password');
      }
      setCookie(c, SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
        secure: new URL(c.req.url).protocol === 'https:',
      });
      return c.json({ ok: true as const });
    })
    .post('/logout', async (c) => {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) await auth.logout(sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const });
    })
    .get('/me', (c) => {
      const principal = c.get('principal');
      if (!principal) throw new ApiError('UNAUTHORIZED', 'not signed in');
      return c.json({ actor: principal.actor, kind: principal.kind, scopes: [...principal.scopes] });
    });
}
