import { Client, type ConnectConfig } from 'ssh2';
import { SshConnectError, SshHostKeyChangedError } from './errors.js';
import type { HostKeyStore } from './host-keys.js';

/** Where a Spark's SSH server is; the fields match the settings' Spark entry. */
export interface SshTarget {
  id: string;
  host: string;
  sshPort: number;
  sshUser: string;
}

export type SshAuth = { privateKey: string } | { password: string };

export interface ConnectParams {
  target: SshTarget;
  auth: SshAuth;
  hostKeys: HostKeyStore;
  /** Covers TCP connect, handshake and authentication. */
  timeoutMs: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
}

const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);

function describe(target: SshTarget): string {
  return `Spark "${target.id}" (${target.sshUser}@${target.host}:${target.sshPort})`;
}

function toConnectError(
  target: SshTarget,
  auth: SshAuth,
  error: Error & { code?: string; level?: string },
  timeoutMs: number,
) {
  const where = describe(target);
  if (error.code === 'ECONNREFUSED') {
    return new SshConnectError(
      target.id,
      'refused',
      `${where} refused the SSH connection; is sshd running on that port?`,
      { cause: error },
    );
  }
  if (error.level === 'client-timeout') {
    return new SshConnectError(
      target.id,
      'timeout',
      `${where} did not complete the SSH handshake within ${timeoutMs} ms`,
      { cause: error },
    );
  }
  if (error.code !== undefined && UNREACHABLE.has(error.code)) {
    return new SshConnectError(target.id, 'unreachable', `${where} is unreachable (${error.code})`, {
      cause: error,
    });
  }
  if (error.level === 'client-authentication') {
    const what =
      'password' in auth ? 'the password' : "the controller's SSH key (copy it to the Spark first)";
    return new SshConnectError(target.id, 'auth', `${where} rejected ${what}`, { cause: error });
  }
  return new SshConnectError(target.id, 'protocol', `${where}: SSH connection failed: ${error.message}`, {
    cause: error,
  });
}

/**
 * Opens one authenticated SSH connection, verifying the host key against the pinned one.
 * Resolves once the connection is ready; every failure is an `SshConnectError`.
 */
export function openConnection(params: ConnectParams): Promise<Client> {
  const { target, hostKeys, timeoutMs } = params;
  let auth: SshAuth | undefined = params.auth;
  return new Promise<Client>((resolve, reject) => {
    const client = new Client();
    let mismatch: { expected: string; actual: string } | undefined;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      auth = undefined;
      client.end();
      reject(error);
    };
    // Errors after 'ready' are reported through 'close' to whoever owns the connection.
    client.on('error', (error: Error & { code?: string; level?: string }) => {
      if (mismatch) fail(new SshHostKeyChangedError(target.id, mismatch.expected, mismatch.actual));
      else fail(toConnectError(target, params.auth, error, timeoutMs));
    });
    client.once('close', () =>
      fail(
        new SshConnectError(
          target.id,
          'protocol',
          `${describe(target)} closed the connection during the handshake`,
        ),
      ),
    );
    client.once('ready', () => {
      settled = true;
      auth = undefined;
      // ssh2 keeps the password in its config for re-authentication we never do; drop it.
      (client as unknown as { config: { password?: string } }).config.password = undefined;
      resolve(client);
    });
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      // Password login through keyboard-interactive (PAM): answer each prompt with the password.
      finish(
        auth && 'password' in auth
          ? prompts.map(() => (auth && 'password' in auth ? auth.password : ''))
          : [],
      );
    });
    const config: ConnectConfig = {
      host: target.host,
      port: target.sshPort,
      username: target.sshUser,
      readyTimeout: timeoutMs,
      keepaliveInterval: params.keepaliveIntervalMs ?? 15_000,
      keepaliveCountMax: params.keepaliveCountMax ?? 3,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        hostKeys.check(target.id, key, { host: target.host, port: target.sshPort }).then(
          (result) => {
            if (!result.ok) mismatch = { expected: result.expected, actual: result.actual };
            verify(result.ok);
          },
          () => verify(false),
        );
      },
      ...('password' in params.auth
        ? { password: params.auth.password, tryKeyboard: true }
        : { privateKey: params.auth.privateKey }),
    };
    client.connect(config);
  });
}
