import { Hono, type Context } from 'hono';
import { RehydrateBodySchema, ScrubBodySchema } from '@spark-control/schema';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody } from '../http/validate.js';
import { principalKey } from '../services/auth.js';
import { DomainError } from '../services/domain-error.js';
import type { PrivacyService } from '../services/privacy/service.js';

/** The caller, as the owner of the sessions it scrubs. */
function owner(c: Context<AppEnv>): string {
  const principal = c.get('principal');
  if (!principal) throw new DomainError('UNAUTHORIZED', 'sign in or send an API token');
  return principalKey(principal);
}

/**
 * The redaction gateway: `POST /scrub` and `POST /rehydrate`, mounted under /api (and at the root
 * as the earlier package's paths). The scope is checked per route: a `.use()` here would apply to
 * every route behind the prefix it is mounted at.
 */
export function privacyRoutes(service: PrivacyService) {
  return new Hono<AppEnv>()
    .post('/scrub', requireScope('privacy'), jsonBody(ScrubBodySchema), async (c) => {
      const body = c.req.valid('json');
      if (body.text !== undefined) {
        const result = await service.scrubText(body.text, owner(c));
        return c.json({
          text: result.value,
          sessionId: result.sessionId,
          entities: result.entities,
        });
      }
      const result = await service.scrubJson(body.json, owner(c));
      return c.json({ json: result.value, sessionId: result.sessionId, entities: result.entities });
    })
    .post('/rehydrate', requireScope('privacy'), jsonBody(RehydrateBodySchema), async (c) => {
      const body = c.req.valid('json');
      if (body.text !== undefined)
        return c.json({ text: await service.rehydrateText(body.sessionId, body.text, owner(c)) });
      return c.json({ json: await service.rehydrateJson(body.sessionId, body.json, owner(c)) });
    });
}
