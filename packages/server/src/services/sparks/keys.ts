import type { CopyKeyResult, SshAdapter } from '../../adapters/ssh/index.js';
import { command, SshConnectError, SshError } from '../../adapters/ssh/index.js';
import { DomainError } from '../domain-error.js';
import { sshTarget } from './target.js';
import type { SettingsSource } from '../settings-source.js';

export interface SshKeyInfo {
  publicKey: string;
  fingerprint: string;
}

/** The controller's SSH key: show it, and copy it to a Spark with a one-time password. */
export class SparkKeys {
  readonly #ssh: Pick<SshAdapter, 'key' | 'pool' | 'copyPublicKey'>;
  readonly #settings: SettingsSource;

  constructor(options: {
    ssh: Pick<SshAdapter, 'key' | 'pool' | 'copyPublicKey'>;
    settings: SettingsSource;
  }) {
    this.#ssh = options.ssh;
    this.#settings = options.settings;
  }

  info(): SshKeyInfo {
    return { publicKey: this.#ssh.key.publicKey(), fingerprint: this.#ssh.key.fingerprint() };
  }

  /**
   * Appends the controller key to the Spark's authorized_keys using `password` for this one
   * login (never stored, never logged), then proves key login through the pool itself.
   */
  async copy(sparkId: string, password: string): Promise<CopyKeyResult & { keyLoginMs: number }> {
    const spark = this.#settings.current.sparks.find((candidate) => candidate.id === sparkId);
    if (!spark) throw new DomainError('NOT_FOUND', `no Spark "${sparkId}" in the settings`);
    const target = sshTarget(spark);
    try {
      const result = await this.#ssh.copyPublicKey({ spark: target, password });
      const started = performance.now();
      const proof = await this.#ssh.pool.exec(target, command`echo key-login-ok`, { timeoutMs: 15_000 });
      if (proof.code !== 0 || proof.stdout.trim() !== 'key-login-ok') {
        const detail = `echo exited ${proof.code ?? proof.signal ?? 'abnormally'}`;
        throw new DomainError(
          'UPSTREAM_FAILED',
          `the key was copied to Spark "${sparkId}" but key login failed: ${detail}`,
        );
      }
      return { ...result, keyLoginMs: Math.round(performance.now() - started) };
    } catch (error) {
      throw keyCopyError(error);
    }
  }
}

/**
 * SSH errors name the Spark and never carry the password, so they are passed on as they are; any
 * other error might, so its message stays in the cause.
 */
function keyCopyError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof SshConnectError) {
    if (error.reason === 'auth') return new DomainError('BAD_REQUEST', error.message, { cause: error });
    if (error.reason === 'timeout')
      return new DomainError('UPSTREAM_TIMEOUT', error.message, { cause: error });
    return new DomainError('UPSTREAM_FAILED', error.message, { cause: error });
  }
  if (error instanceof SshError) return new DomainError('UPSTREAM_FAILED', error.message, { cause: error });
  return new DomainError('INTERNAL', 'copying the key failed; see the server log', { cause: error });
}
