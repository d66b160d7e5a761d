import type { Context } from 'hono';
import { ClientGoneError } from '../../adapters/upstream/errors.js';
import type { Logger } from '../../adapters/logger.js';
import { DomainError } from '../../services/domain-error.js';
import type { AppEnv } from '../context.js';
import { BEARER_CHALLENGE } from '../errors.js';

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | number | null };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
  502: 'upstream_error',
  503: 'service_unavailable',
  504: 'timeout_error',
};

/**
 * OpenAI's `type` for a status. A service may name another in `details.openAiType` where OpenAI
 * itself does (`requests`/`tokens` for a rate limit, `invalid_request_error` for a missing model).
 */
function typeOf(status: number, details: Record<string, unknown>): string {
  const named = details.openAiType;
  if (typeof named === 'string') return named;
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
}

interface Shaped {
  status: number;
  body: OpenAiErrorBody;
  headers: Record<string, string>;
}

/** Any failure in OpenAI's shape: a DomainError as it says, anything unknown as a 500. */
export function openAiShape(error: unknown): Shaped {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      body: {
        error: {
          message: error.message,
          type: typeOf(error.status, error.details),
          param: error.param ?? null,
          code: error.openAiCode ?? error.code.toLowerCase(),
        },
      },
      headers: error.retryAfterSec === undefined ? {} : { 'retry-after': String(error.retryAfterSec) },
    };
  }
  // hono's own exceptions (malformed JSON, body limit) carry a status.
  const status = (error as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 600) {
    const message = (error as Error).message || 'request failed';
    return {
      status,
      body: { error: { message, type: typeOf(status, {}), param: null, code: null } },
      headers: {},
    };
  }
  return {
    status: 500,
    body: {
      error: {
        message: 'internal error; see the server log',
        type: 'server_error',
        param: null,
        code: 'internal_error',
      },
    },
    headers: {},
  };
}

/**
 * The OpenAI-compatible routes' one onError: every failure in OpenAI's shape, with the request id
 * a support question can quote (and the Bearer challenge on a 401); a vanished client gets nothing.
 */
export function openAiErrorResponse<E extends AppEnv>(error: Error, c: Context<E>, log: Logger): Response {
  if (error instanceof ClientGoneError) return new Response(null, { status: 499 });
  const shaped = openAiShape(error);
  const requestId = c.get('requestId');
  if (shaped.status >= 500 && !(error instanceof DomainError)) {
    log.error({ err: error, requestId }, 'gateway error');
  }
  return new Response(JSON.stringify(shaped.body), {
    status: shaped.status,
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(shaped.status === 401 ? { 'www-authenticate': BEARER_CHALLENGE } : {}),
      ...shaped.headers,
    },
  });
}
