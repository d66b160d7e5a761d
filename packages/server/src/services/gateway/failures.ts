import {
  ClientGoneError,
  UpstreamTimeoutError,
  UpstreamUnreachableError,
} from '../../adapters/upstream/errors.js';
import type { ApiErrorCode } from '@spark-control/schema';
import { DomainError } from '../domain-error.js';
import type { UpstreamKind } from './upstreams.js';

export const LABEL: Record<UpstreamKind, string> = {
  vllm: 'vLLM',
  parakeet: 'speech-to-text (parakeet)',
  kokoro: 'text-to-speech (Kokoro)',
  embeddings: 'embeddings (TEI)',
  qdrant: 'Qdrant',
};

/** A 503 while the model is swapped, with when to try again. */
export function swapping(message: string, retryAfterSec: number): DomainError {
  return new DomainError('UNAVAILABLE', message, { retryAfterSec, openAiCode: 'model_swapping' });
}

/** A failed exchange with `kind`, in words that name the service. */
export function transportFailure(kind: UpstreamKind, error: unknown, swapRunning: boolean): Error {
  if (error instanceof ClientGoneError) return error;
  if (error instanceof UpstreamTimeoutError) {
    return new DomainError(
      'UPSTREAM_TIMEOUT',
      `${LABEL[kind]} did not answer within ${error.timeoutMs / 1000} s`,
      {
        openAiCode: 'upstream_timeout',
      },
    );
  }
  if (error instanceof UpstreamUnreachableError) {
    if (kind === 'vllm' && swapRunning) return swapping('the model is being swapped; try again shortly', 10);
    return new DomainError(
      'UNAVAILABLE',
      `${LABEL[kind]} is not answering (${error.reason}); try again shortly`,
      {
        retryAfterSec: 10,
        openAiCode: 'upstream_unavailable',
      },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The codes an upstream's own 4xx keeps; any other 4xx is a bad request. */
const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  // FastAPI's validation failures are what OpenAI calls a 400 invalid_request_error.
  422: 'BAD_REQUEST',
  429: 'RATE_LIMITED',
};

/**
 * An upstream's error answer passed on: its own message, its 4xx (vLLM's dead engine answers 500
 * with an empty body: the caller sees a bad gateway), and its Retry-After on a 429 or 503.
 */
export function upstreamFailure(
  kind: UpstreamKind,
  status: number,
  text: string,
  retryAfterSec?: number,
): DomainError {
  const message = upstreamMessage(text, `${LABEL[kind]} answered ${status}`);
  if (status >= 500) {
    return new DomainError('UPSTREAM_FAILED', `${LABEL[kind]} failed (${status}): ${message}`, {
      retryAfterSec,
    });
  }
  return new DomainError(CODE_BY_STATUS[status] ?? 'BAD_REQUEST', message, { retryAfterSec });
}

/** A 2xx answer that cannot be passed on (cut off, too large, not JSON). */
export function malformed(kind: UpstreamKind, detail: string): DomainError {
  return new DomainError('UPSTREAM_FAILED', `${LABEL[kind]} failed: ${detail}`, {
    openAiCode: 'upstream_malformed',
  });
}

/** A model that does not exist, as OpenAI's "retrieve model" says it. */
export function doesNotExist(model: string): DomainError {
  return new DomainError('NOT_FOUND', `The model \`${model}\` does not exist.`, {
    openAiCode: 'model_not_found',
    param: 'model',
    details: { openAiType: 'invalid_request_error' },
  });
}

/** A completion for a model vLLM does not serve (or this key may not use). */
export function notLoaded(model: string, served: readonly string[]): DomainError {
  const names = served.length > 0 ? served.map((name) => `\`${name}\``).join(', ') : 'none';
  return new DomainError('NOT_FOUND', `The model \`${model}\` is not loaded. Served: ${names}.`, {
    openAiCode: 'model_not_found',
    param: 'model',
  });
}

/** Seconds or an HTTP date; anything else is not passed on. */
const RETRY_AFTER = /^(?:\d{1,9}|[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

/** An upstream's Retry-After in seconds (a date counted from now); undefined when absent or odd. */
export function retryAfterSec(value: string | string[] | undefined, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || !RETRY_AFTER.test(value)) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  return Math.max(1, Math.ceil((Date.parse(value) - now) / 1000));
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
