/** Errors of the SSH adapter. Messages name the Spark and never carry secrets or command text. */

export class SshError extends Error {
  readonly sparkId: string;

  constructor(sparkId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SshError';
    this.sparkId = sparkId;
  }
}

/** Why a connection could not be made. */
export type SshConnectReason =
  'refused' | 'timeout' | 'unreachable' | 'auth' | 'host-key-changed' | 'protocol';

export class SshConnectError extends SshError {
  readonly reason: SshConnectReason;

  constructor(sparkId: string, reason: SshConnectReason, message: string, options?: { cause?: unknown }) {
    super(sparkId, message, options);
    this.name = 'SshConnectError';
    this.reason = reason;
  }
}

/** The Spark presented a host key other than the pinned one. */
export class SshHostKeyChangedError extends SshConnectError {
  readonly expectedFingerprint: string;
  readonly actualFingerprint: string;

  constructor(sparkId: string, expected: string, actual: string) {
    super(
      sparkId,
      'host-key-changed',
      `SSH host key of Spark "${sparkId}" changed: pinned ${expected}, presented ${actual}. ` +
        'If the Spark was reinstalled, trust the new key; otherwise something is intercepting the connection.',
    );
    this.name = 'SshHostKeyChangedError';
    this.expectedFingerprint = expected;
    this.actualFingerprint = actual;
  }
}

export class SshTimeoutError extends SshError {
  readonly timeoutMs: number;

  constructor(sparkId: string, timeoutMs: number) {
    super(sparkId, `command on Spark "${sparkId}" timed out after ${timeoutMs} ms`);
    this.name = 'SshTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

export class SshAbortedError extends SshError {
  constructor(sparkId: string, options?: { cause?: unknown }) {
    super(sparkId, `command on Spark "${sparkId}" was aborted`, options);
    this.name = 'SshAbortedError';
  }
}

/** The connection dropped while a command was running. */
export class SshDisconnectedError extends SshError {
  constructor(sparkId: string, options?: { cause?: unknown }) {
    super(sparkId, `connection to Spark "${sparkId}" dropped while a command was running`, options);
    this.name = 'SshDisconnectedError';
  }
}
