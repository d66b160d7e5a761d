import type { CopyKeyResult, SshAdapter } from '../../adapters/ssh/index.js';
import { command } from '../../adapters/ssh/index.js';
import type { SettingsStore } from '../../config/settings-store.js';
import { sshTarget } from './target.js';

export class UnknownSparkError extends Error {
  constructor(sparkId: string) {
    super(`no Spark "${sparkId}" in the settings`);
    this.name = 'UnknownSparkError';
  }
}

/** The key login could not be proven after the copy. */
export class KeyLoginFailedError extends Error {
  constructor(sparkId: string, detail: string) {
    super(`the key was copied to Spark "${sparkId}" but key login failed: ${detail}`);
    this.name = 'KeyLoginFailedError';
  }
}

export interface SshKeyInfo {
  publicKey: string;
  fingerprint: string;
}

/** The controller's SSH key: show it, and copy it to a Spark with a one-time password. */
export class SparkKeys {
  readonly #ssh: Pick<SshAdapter, 'key' | 'pool' | 'copyPublicKey'>;
  readonly #settings: Pick<SettingsStore, 'current'>;

  constructor(
    ssh: Pick<SshAdapter, 'key' | 'pool' | 'copyPublicKey'>,
    settings: Pick<SettingsStore, 'current'>,
  ) {
    this.#ssh = ssh;
    this.#settings = settings;
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
    if (!spark) throw new UnknownSparkError(sparkId);
    const target = sshTarget(spark);
    const result = await this.#ssh.copyPublicKey({ spark: target, password });
    const started = performance.now();
    const proof = await this.#ssh.pool.exec(target, command`echo key-login-ok`, { timeoutMs: 15_000 });
    if (proof.code !== 0 || proof.stdout.trim() !== 'key-login-ok') {
      throw new KeyLoginFailedError(sparkId, `echo exited ${proof.code ?? proof.signal ?? 'abnormally'}`);
    }
    return { ...result, keyLoginMs: Math.round(performance.now() - started) };
  }
}
