import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [kind, n, r, p, saltText, hashText] = encoded.trim().split('$');
  if (kind !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await scrypt(password, Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A readable random password: 24 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * The admin password lives hashed in `admin-password` in the data dir (the StartOS
 * reset-admin-password action writes the same file); `SPARK_CONTROL_PASSWORD` overrides it.
 * The file is read on each check so a changed password applies without a restart.
 */
export class AdminPassword {
  constructor(
    private readonly file: string,
    private readonly fromEnv: string | undefined,
  ) {}

  /** Creates the file on first start; returns the generated password to print once, or undefined. */
  async ensure(): Promise<string | undefined> {
    if (this.fromEnv !== undefined) return undefined;
    if ((await this.#readHash()) !== undefined) return undefined;
    const password = generatePassword();
    await writeAdminPasswordFile(this.file, password);
    return password;
  }

  async verify(password: string): Promise<boolean> {
    if (this.fromEnv !== undefined) {
      const expected = Buffer.from(this.fromEnv);
      const actual = Buffer.from(password);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    }
    const hash = await this.#readHash();
    return hash !== undefined && verifyPassword(password, hash);
  }

  async #readHash(): Promise<string | undefined> {
    try {
      const text = (await readFile(this.file, 'utf8')).trim();
      return text === '' ? undefined : text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

export async function writeAdminPasswordFile(file: string, password: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${await hashPassword(password)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
