import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** OpenSSH-style SHA-256 fingerprint of a public key blob: `SHA256:base64-without-padding`. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

export interface HostKeyPin {
  fingerprint: string;
  /** Where the key was first seen (for the UI; the pin itself is per Spark). */
  host: string;
  port: number;
  pinnedAt: string;
}

export type HostKeyCheck = { ok: true; pinnedNow: boolean } | { ok: false; expected: string; actual: string };

/**
 * Host keys pinned on first use, one per Spark id, in `<dataDir>/ssh/known_hosts.json`.
 * A different key is refused until `forget(sparkId)` (the user's "trust the new key").
 */
export class HostKeyStore {
  readonly #file: string;
  #pins: Record<string, HostKeyPin> | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.#file = file;
  }

  async #load(): Promise<Record<string, HostKeyPin>> {
    if (this.#pins) return this.#pins;
    let pins: Record<string, HostKeyPin> = {};
    try {
      pins = JSON.parse(await readFile(this.#file, 'utf8')) as Record<string, HostKeyPin>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`cannot read pinned SSH host keys from ${this.#file}`, { cause: error });
      }
    }
    this.#pins ??= pins;
    return this.#pins;
  }

  #save(): Promise<void> {
    const snapshot = JSON.stringify(this.#pins ?? {}, null, 2);
    const write = async () => {
      await mkdir(dirname(this.#file), { recursive: true, mode: 0o700 });
      const temp = `${this.#file}.tmp`;
      await writeFile(temp, `${snapshot}\n`, { mode: 0o600 });
      await rename(temp, this.#file);
    };
    this.#writing = this.#writing.then(write, write);
    return this.#writing;
  }

  /** Checks a presented key; the first key seen for a Spark is pinned and saved. */
  async check(
    sparkId: string,
    keyBlob: Buffer,
    seenAt: { host: string; port: number },
  ): Promise<HostKeyCheck> {
    const pins = await this.#load();
    const actual = fingerprintOf(keyBlob);
    const pin = pins[sparkId];
    if (pin)
      return pin.fingerprint === actual
        ? { ok: true, pinnedNow: false }
        : { ok: false, expected: pin.fingerprint, actual };
    pins[sparkId] = {
      fingerprint: actual,
      host: seenAt.host,
      port: seenAt.port,
      pinnedAt: new Date().toISOString(),
    };
    await this.#save();
    return { ok: true, pinnedNow: true };
  }

  async pinned(sparkId: string): Promise<HostKeyPin | undefined> {
    return (await this.#load())[sparkId];
  }

  /** Forgets a Spark's pin so the next connection pins whatever key it presents. */
  async forget(sparkId: string): Promise<void> {
    const pins = await this.#load();
    if (!(sparkId in pins)) return;
    delete pins[sparkId];
    await this.#save();
  }
}
