import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from '@spark-control/schema';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../adapters/logger.js';
import { ClientGoneError } from '../adapters/upstream/errors.js';
import { DomainError } from '../services/domain-error.js';

/** The one error type of the API; its code decides the HTTP status. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;
  /** Extra fields of the error object, e.g. the running swap's `swapId`. */
  readonly details: Record<string, string | number | null>;

  constructor(
    code: ApiErrorCode,
    message: string,
    options: {
      headers?: Record<string, string>;
      details?: Record<string, string | number | null>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.headers = options.headers ?? {};
    this.details = options.details ?? {};
  }

  get status(): ContentfulStatusCode {
    return API_ERROR_STATUS[this.code];
  }
}

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
  details: Record<string, string | number | null> = {},
): ApiErrorBody {
  return { error: { ...details, code, message, requestId } };
}

/** The one onError: every failure leaves as `{"error":{"code","message","requestId"}}`, never a stack. */
export function handleError(error: Error, c: Context, log: Logger): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  if (error instanceof ApiError) {
    const challenge: Record<string, string> =
      error.status === 401 ? { 'WWW-Authenticate': BEARER_CHALLENGE } : {};
    return c.json(errorBody(error.code, error.message, requestId, error.details), error.status, {
      ...challenge,
      ...error.headers,
    });
  }
  if (error instanceof DomainError) {
    const headers: Record<string, string> =
      error.status === 401 ? { 'WWW-Authenticate': BEARER_CHALLENGE } : {};
    if (error.retryAfterSec !== undefined) headers['Retry-After'] = String(error.retryAfterSec);
    return c.json(errorBody(error.code, error.message, requestId, error.details), error.status, headers);
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
