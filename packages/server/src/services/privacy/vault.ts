import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { redactionVault } from '../../adapters/db/schema.js';
import type { VaultEntries } from './scrub.js';

const KEY_BYTES = 32;

/** Reads the vault key, or creates it (random, mode 0600) on first start. */
export async function loadOrCreateVaultKey(file: string): Promise<Buffer> {
  try {
    const key = await readFile(file);
    if (key.length !== KEY_BYTES)
      throw new Error(`vault key ${file} must be ${KEY_BYTES} bytes, found ${key.length}`);
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    await writeFile(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateVaultKey(file);
    throw error;
  }
}

export interface Sealed {
  iv: string;
  ciphertext: string;
  authTag: string;
}

/** Bound into the ciphertext: a row moved to another session id or owner no longer decrypts. */
const associatedData = (sessionId: string, owner: string) => Buffer.from(`${sessionId}\n${owner}`);

/** AES-256-GCM over the JSON of the entries; the session id and owner are bound in as associated data. */
export function seal(key: Buffer, sessionId: string, owner: string, entries: VaultEntries): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(sessionId, owner));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify([...entries]), 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    authTag: cipher.getAuthTag().toString('base64'),
  };
}

export function unseal(key: Buffer, sessionId: string, owner: string, sealed: Sealed): VaultEntries {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(associatedData(sessionId, owner));
  decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]).toString('utf8');
  return new Map(JSON.parse(plain) as [string, string | number][]);
}

export interface VaultSession {
  /** The principal that scrubbed. */
  owner: string;
  nonce: string;
  entries: VaultEntries;
}

/** The encrypted, expiring store of token mappings in the `redaction_vault` table. */
export class Vault {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly now: () => Date,
  ) {}

  async put(sessionId: string, session: VaultSession, expiresAt: Date): Promise<void> {
    const sealed = seal(this.key, sessionId, session.owner, session.entries);
    await this.db.insert(redactionVault).values({
      sessionId,
      owner: session.owner,
      nonce: session.nonce,
      ...sealed,
      expiresAt,
      createdAt: this.now(),
    });
  }

  /**
   * The session of `owner`; `not-owner` when another principal created it; undefined when it never
   * existed, has expired or was purged.
   */
  async get(sessionId: string, owner: string): Promise<VaultSession | 'not-owner' | undefined> {
    const [row] = await this.db.select().from(redactionVault).where(eq(redactionVault.sessionId, sessionId));
    if (!row) return undefined;
    if (row.owner !== owner) return 'not-owner';
    if (row.expiresAt.getTime() <= this.now().getTime()) {
      await this.db.delete(redactionVault).where(eq(redactionVault.sessionId, sessionId));
      return undefined;
    }
    return { owner, nonce: row.nonce, entries: unseal(this.key, sessionId, owner, row) };
  }

  async purgeExpired(): Promise<number> {
    const deleted = await this.db
      .delete(redactionVault)
      .where(lt(redactionVault.expiresAt, this.now()))
      .returning({ sessionId: redactionVault.sessionId });
    return deleted.length;
  }
}
