import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
// ssh2 is CommonJS: Node's ESM loader sees only some named exports, so take values from the default.
import ssh2 from 'ssh2';
import { fingerprintOf } from './host-keys.js';

const KEY_COMMENT = 'spark-control';

/**
 * A new OpenSSH ed25519 private key. ssh2's generator writes a malformed key about once in 300
 * (its own parser refuses it), so a key is kept only once it parses.
 */
export function generatePrivateKey(): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = ssh2.utils.generateKeyPairSync('ed25519', { comment: KEY_COMMENT }).private;
    if (!(ssh2.utils.parseKey(candidate) instanceof Error)) return candidate;
  }
  throw new Error('could not generate an ed25519 key');
}

/**
 * The controller's own ed25519 key: `<dir>/id_ed25519` (0600) and `id_ed25519.pub`, made at first
 * start. The private half stays inside this object; printing or serialising it shows only the fingerprint.
 */
export class ControllerKey {
  readonly #privateKey: string;
  readonly #publicKey: string;
  readonly #fingerprint: string;

  private constructor(privateKey: string, publicKey: string, fingerprint: string) {
    this.#privateKey = privateKey;
    this.#publicKey = publicKey;
    this.#fingerprint = fingerprint;
  }

  /** Loads the key from `dir`, generating it on first use. */
  static async load(dir: string): Promise<ControllerKey> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, 'id_ed25519');
    let privateKey: string;
    try {
      privateKey = await readFile(file, 'utf8');
      if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      privateKey = generatePrivateKey();
      try {
        // 'wx': if another start raced us, keep the key it wrote.
        await writeFile(file, privateKey, { mode: 0o600, flag: 'wx' });
      } catch (writeError) {
        if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
        privateKey = await readFile(file, 'utf8');
      }
    }
    const parsed = ssh2.utils.parseKey(privateKey);
    if (parsed instanceof Error || parsed.type !== 'ssh-ed25519' || parsed.isPrivateKey() !== true) {
      throw new Error(`${file} is not an unencrypted ed25519 private key`);
    }
    const blob = parsed.getPublicSSH();
    const publicKey = `ssh-ed25519 ${blob.toString('base64')} ${KEY_COMMENT}`;
    await writeFile(join(dir, 'id_ed25519.pub'), `${publicKey}\n`, { mode: 0o644 });
    return new ControllerKey(privateKey, publicKey, fingerprintOf(blob));
  }

  /** The OpenSSH public key line, as it goes into `authorized_keys`. */
  publicKey(): string {
    return this.#publicKey;
  }

  /** `SHA256:…`, as `ssh-keygen -lf` prints it. */
  fingerprint(): string {
    return this.#fingerprint;
  }

  /** @internal for the SSH adapter's connections only */
  privateKeyForConnection(): string {
    return this.#privateKey;
  }

  toJSON(): { fingerprint: string } {
    return { fingerprint: this.#fingerprint };
  }

  [inspect.custom](): string {
    return `ControllerKey(${this.#fingerprint})`;
  }
}
