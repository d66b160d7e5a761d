import { API_ERROR_STATUS, type ApiErrorCode } from '@spark-control/schema';

/** Extra fields of an error answer, e.g. the running swap's `swapId` or a lease's holder. */
export type ErrorDetails = Record<string, string | number | null>;

export interface DomainErrorOptions {
  details?: ErrorDetails;
  /** Seconds after which trying again may succeed; the HTTP edges send it as `Retry-After`. */
  retryAfterSec?: number;
  /** The code OpenAI's clients know (`model_not_found`, `model_swapping`, …); the OpenAI edge sends it. */
  openAiCode?: string;
  /** The request field at fault, as OpenAI's `param`. */
  param?: string;
  cause?: unknown;
}

/**
 * The one error a service throws when a request cannot be done as asked. Its code comes from the
 * closed list the API documents; the two HTTP edges (`/api` and the OpenAI-compatible `/v1`) each
 * turn it into their shape in one place. Anything else thrown is a fault and answers 500.
 */
export class DomainError extends Error {
  readonly code: ApiErrorCode;
  readonly details: ErrorDetails;
  readonly retryAfterSec: number | undefined;
  readonly openAiCode: string | undefined;
  readonly param: string | undefined;

  constructor(code: ApiErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.details = options.details ?? {};
    this.retryAfterSec =
      options.retryAfterSec === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSec));
    this.openAiCode = options.openAiCode;
    this.param = options.param;
  }

  get status(): (typeof API_ERROR_STATUS)[ApiErrorCode] {
    return API_ERROR_STATUS[this.code];
  }
}
