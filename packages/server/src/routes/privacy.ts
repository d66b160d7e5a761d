import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody } from '../http/validate.js';
import { nestsDeeperThan } from '../http/json-depth.js';
import { principalKey } from '../services/auth.js';
import {
  RedactionSessionGone,
  RedactionSessionNotFound,
  type PrivacyService,
} from '../services/privacy/service.js';

/** Largest text (characters) or serialised JSON the gateway takes in one call. */
export const MAX_PRIVACY_CHARS = 256 * 1024;
const MAX_JSON_DEPTH = 32;

const TextSchema = v.pipe(
  v.string('must be text'),
  v.maxLength(MAX_PRIVACY_CHARS, `must be at most ${MAX_PRIVACY_CHARS} characters`),
);
const JsonSchema = v.pipe(
  v.unknown(),
  // Depth first: measuring the size of a hostile value with JSON.stringify would overflow the stack.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    if (nestsDeeperThan(dataset.value, MAX_JSON_DEPTH)) {
      addIssue({ message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` });
    } else if (JSON.stringify(dataset.value).length > MAX_PRIVACY_CHARS) {
      addIssue({ message: `must be at most ${MAX_PRIVACY_CHARS} characters as JSON` });
    }
  }),
);
const exactlyOne = <T extends { text?: unknown; json?: unknown }>(input: T) =>
  (input.text === undefined) !== (input.json === undefined);
const ONE_OF = 'text, json: send exactly one of them';

export const ScrubBodySchema = v.pipe(
  v.object(
    { text: v.optional(TextSchema), json: v.optional(JsonSchema) },
    'body must be an object with "text" or "json"',
  ),
  v.check(exactlyOne, ONE_OF),
);

export const RehydrateBodySchema = v.pipe(
  v.object(
    {
      sessionId: v.optional(
        v.pipe(v.string('must be text'), v.uuid('must be a session id returned by /api/scrub')),
      ),
      text: v.optional(TextSchema),
      json: v.optional(JsonSchema),
    },
    'body must be an object with "sessionId" and "text" or "json"',
  ),
  v.check((input) => input.sessionId !== undefined, 'sessionId: is required'),
  v.check(exactlyOne, ONE_OF),
  v.transform((input) => ({ ...input, sessionId: input.sessionId as string })),
);

async function orGone<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RedactionSessionGone) throw new ApiError('GONE', error.message);
    if (error instanceof RedactionSessionNotFound)
      throw new ApiError('NOT_FOUND', `sessionId: ${error.message}`);
    throw error;
  }
}

/** The caller, as the owner of the sessions it scrubs. */
function owner(c: Context<AppEnv>): string {
  const principal = c.get('principal');
  if (!principal) throw new ApiError('UNAUTHORIZED', 'sign in or send an API token');
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
        return c.json({ text: await orGone(service.rehydrateText(body.sessionId, body.text, owner(c))) });
      return c.json({ json: await orGone(service.rehydrateJson(body.sessionId, body.json, owner(c))) });
    });
}
