import * as v from 'valibot';
import { nestsDeeperThan } from './json-depth.js';

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
