import { formatIssues } from '@spark-control/schema';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import { DomainError } from '../services/domain-error.js';
import { nestsDeeperThan } from '@spark-control/schema';

/** No API body nests deeper; checked before any schema or stringify walks it. */
export const MAX_BODY_DEPTH = 64;

/**
 * Validates a JSON body with a shared schema: a wrong content type is 415, malformed JSON is
 * 400, nesting past MAX_BODY_DEPTH is 400, and a bad value is 400 naming each field. The handler
 * gets the typed output.
 */
export function jsonBody<TSchema extends v.GenericSchema>(schema: TSchema) {
  return validator('json', (value, c): v.InferOutput<TSchema> => {
    const contentType = c.req.header('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'body must be JSON (Content-Type: application/json)');
    }
    if (nestsDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new DomainError('VALIDATION_FAILED', `body: must not nest deeper than ${MAX_BODY_DEPTH} levels`);
    }
    const result = v.safeParse(schema, value);
    if (!result.success) throw new DomainError('VALIDATION_FAILED', formatIssues(result.issues).join('; '));
    return result.output;
  });
}

/** Validates a path parameter group the same way. */
export function params<TSchema extends v.GenericSchema>(schema: TSchema) {
  return validator('param', (value): v.InferOutput<TSchema> => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new DomainError('VALIDATION_FAILED', formatIssues(result.issues).join('; '));
    return result.output;
  });
}

/** Validates the query string the same way. */
export function query<TSchema extends v.GenericSchema>(schema: TSchema) {
  return validator('query', (value): v.InferOutput<TSchema> => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new DomainError('VALIDATION_FAILED', formatIssues(result.issues).join('; '));
    return result.output;
  });
}
