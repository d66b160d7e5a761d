import { ApiError } from '../../http/errors.js';
import type { ApiErrorCode } from '@spark-control/schema';

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

/** An error the OpenAI-compatible routes answer in OpenAI's shape. */
export class OpenAiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null,
    readonly options: { param?: string | null; type?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'OpenAiError';
  }

  get type(): string {
    return (
      this.options.type ??
      TYPE_BY_STATUS[this.status] ??
      (this.status >= 500 ? 'server_error' : 'invalid_request_error')
    );
  }

  body(): OpenAiErrorBody {
    return {
      error: { message: this.message, type: this.type, param: this.options.param ?? null, code: this.code },
    };
  }

  static from(error: unknown): OpenAiError {
    if (error instanceof OpenAiError) return error;
    if (error instanceof ApiError) {
      return new OpenAiError(error.status, error.message, error.code.toLowerCase(), {
        headers: error.headers,
      });
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 600) {
      return new OpenAiError(status, (error as Error).message || 'request failed', null);
    }
    return new OpenAiError(500, 'internal error; see the server log', 'internal_error', {
      type: 'server_error',
    });
  }
}

/** `Retry-After` for a 503 while the model is swapped. */
export function unavailable(message: string, retryAfterSec: number, code = 'model_swapping'): OpenAiError {
  return new OpenAiError(503, message, code, {
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSec))) },
  });
}

/**
 * Turns an upstream error body (vLLM's OpenAI shape, FastAPI's `detail`, TEI's `error`/`message`,
 * Qdrant's `status.error`) into one message.
 */
export function upstreamMessage(text: string, fallback: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      return (error as { message: string }).message;
    }
    if (typeof error === 'string') return error;
    if (typeof body.message === 'string') return body.message;
    const detail = body.detail;
    if (typeof detail === 'string') return detail;
    if (detail && typeof detail === 'object' && !Array.isArray(detail)) {
      const message = (detail as { message?: unknown }).message;
      if (typeof message === 'string') return message;
    }
    if (Array.isArray(detail)) {
      return detail
        .map((item) => {
          const entry = item as { loc?: unknown[]; msg?: unknown };
          return `${(entry.loc ?? []).slice(1).join('.')}: ${String(entry.msg)}`;
        })
        .join('; ');
    }
    const status = body.status as { error?: unknown } | undefined;
    if (status && typeof status.error === 'string') return status.error;
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.trim().slice(0, 500) || fallback;
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  502: 'UPSTREAM_FAILED',
  503: 'UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

/** The same failure in the house shape, for the `/api/*` routes that reuse the gateway. */
export function toApiError(error: OpenAiError): ApiError {
  const code = CODE_BY_STATUS[error.status] ?? (error.status >= 500 ? 'UPSTREAM_FAILED' : 'BAD_REQUEST');
  return new ApiError(code, error.message, { headers: error.options.headers ?? {} });
}

/** Runs `work`, rethrowing gateway errors as ApiErrors. */
export async function inHouseShape<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OpenAiError) throw toApiError(error);
    // The caller is gone; nobody reads this answer, but it is no server fault either.
    if ((error as Error | undefined)?.name === 'ClientAbortError')
      throw new ApiError('BAD_REQUEST', 'the client went away');
    throw error;
  }
}
