import { DomainError } from '../../services/domain-error.js';

/** The upstream could not be reached at all (refused, reset before an answer, unknown host). */
export class UpstreamUnreachableError extends DomainError {
  constructor(
    readonly origin: string,
    /** The system's reason (`ECONNREFUSED`, `ENOTFOUND`, …). */
    readonly reason: string,
    cause?: unknown,
  ) {
    super('UNAVAILABLE', `${origin} is unreachable (${reason})`, {
      retryAfterSec: 10,
      openAiCode: 'upstream_unavailable',
      cause,
    });
    this.name = 'UpstreamUnreachableError';
  }
}

/** No whole answer within the bound set for the exchange (body included). */
export class UpstreamTimeoutError extends DomainError {
  constructor(
    readonly origin: string,
    readonly timeoutMs: number,
  ) {
    super('UPSTREAM_TIMEOUT', `${origin} did not answer within ${Math.round(timeoutMs / 1000)} s`, {
      openAiCode: 'upstream_timeout',
    });
    this.name = 'UpstreamTimeoutError';
  }
}

/** An answer that is larger than the caller reads, or that broke off while being read. */
export class UpstreamBodyError extends DomainError {
  constructor(message: string, cause?: unknown) {
    super('UPSTREAM_FAILED', message, { openAiCode: 'upstream_malformed', cause });
    this.name = 'UpstreamBodyError';
  }
}

/**
 * The client that asked went away. Not an error answer: nobody reads it, and it is no fault of
 * the server either; the HTTP edges answer nothing (499 in the log).
 */
export class ClientGoneError extends Error {
  constructor() {
    super('the client went away');
    this.name = 'ClientGoneError';
  }
}
