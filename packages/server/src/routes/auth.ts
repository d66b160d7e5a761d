import { LoginBodySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthService } from '../services/auth.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../services/auth.js';
import type { AppEnv } from '../http/context.js';
import { clientOf } from '../http/client.js';
import { DomainError } from '../services/domain-error.js';
import { jsonBody } from '../http/validate.js';

export function authRoutes(auth: AuthService) {
  return new Hono<AppEnv>()
    .post('/login', jsonBody(LoginBodySchema), async (c) => {
      const sessionId = await auth.login(c.req.valid('json').password, clientOf(c).address);
      if (!sessionId) throw new DomainError('UNAUTHORIZED', 'wrong password');
      setCookie(c, SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
        secure: clientOf(c).https,
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
      if (!principal) throw new DomainError('UNAUTHORIZED', 'not signed in');
      return c.json({ actor: principal.actor, kind: principal.kind, scopes: [...principal.scopes] });
    });
}
