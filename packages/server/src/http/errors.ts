import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from '@spark-control/schema';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../adapters/logger.js';
import { ClientGoneError } from '../adapters/upstream/errors.js';
import { DomainError, type ErrorDetails } from '../services/domain-error.js';

/** RFC 6750's challenge, which RFC 9110 requires on every 401. */
export const BEARER_CHALLENGE = 'Bearer realm="Spark Control"';

/** Codes Hono's own exceptions map to (malformed JSON, body limit, …). */
function codeForStatus(status: number): ApiErrorCode {
  const match = Object.entries(API_ERROR_STATUS).find(([, value]) => value === status);
  return (match?.[0] as ApiErrorCode | undefined) ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}

export function errorBody(
  code: ApiErrorCode,
  message: string,
  requestId: string,
  details: ErrorDetails = {},
): ApiErrorBody {
  return { error: { ...details, code, message, requestId } };
}

/** The headers a refusal carries: the challenge on a 401, `Retry-After` when waiting helps. */
function headersOf(error: DomainError): Record<string, string> {
  const headers: Record<string, string> = {};
  if (error.status === 401) headers['WWW-Authenticate'] = BEARER_CHALLENGE;
  if (error.retryAfterSec !== undefined) headers['Retry-After'] = String(error.retryAfterSec);
  return headers;
}

/**
 * The one onError of `/api`: a DomainError leaves as `{"error":{"code","message","requestId",…details}}`
 * with the status its code maps to; anything else is a fault, logged, and answers 500 — never a stack.
 */
export function handleError(error: Error, c: Context, log: Logger): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  if (error instanceof DomainError) {
    return c.json(
      errorBody(error.code, error.message, requestId, error.details),
      error.status,
      headersOf(error),
    );
  }
  // Nobody reads an answer to a client that went away, and it is no server fault either.
  if (error instanceof ClientGoneError) return new Response(null, { status: 499 });
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = codeForStatus(status);
    const message =
      status === 400 && /json/i.test(error.message) ? 'body is not valid JSON' : error.message || code;
    return c.json(errorBody(code, message, requestId), status);
  }
  log.error({ err: error, requestId }, 'unhandled error');
  return c.json(errorBody('INTERNAL', 'internal error; see the server log', requestId), 500);
}
