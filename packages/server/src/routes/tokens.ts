import { CreateTokenBodySchema, PatchTokenBodySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AuthService } from '../services/auth.js';
import type { AppEnv } from '../http/context.js';
import { DomainError } from '../services/domain-error.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';

const TokenIdSchema = v.object({ id: v.pipe(v.string(), v.uuid('id: must be a token id')) });

export function tokenRoutes(auth: AuthService) {
  return new Hono<AppEnv>()
    .use(requireScope('admin'))
    .get('/', async (c) => c.json({ tokens: await auth.listTokens() }))
    .post('/', jsonBody(CreateTokenBodySchema), async (c) => {
      const { name, scopes, expiresInDays, models, limits } = c.req.valid('json');
      const created = await auth.createToken(name, scopes, { expiresInDays, models, limits });
      return c.json({ token: created.token, ...created.info }, 201);
    })
    .patch('/:id', params(TokenIdSchema), jsonBody(PatchTokenBodySchema), async (c) => {
      const updated = await auth.updateToken(c.req.valid('param').id, c.req.valid('json'));
      if (!updated) throw new DomainError('NOT_FOUND', 'no such token');
      return c.json(updated);
    })
    .delete('/:id', params(TokenIdSchema), async (c) => {
      if (!(await auth.revokeToken(c.req.valid('param').id)))
        throw new DomainError('NOT_FOUND', 'no such token');
      return c.body(null, 204);
    });
}
