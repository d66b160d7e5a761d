import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAdminPassword, hashAdminPassword } from './admin-password.js';
import { readJsonObject, writeFileAtomic } from './files.js';
import { adminPasswordFile, mainVolumeDir } from './volume.js';
import { appGid, appUid } from '../utils.js';

/**
 * The admin password Spark Control generated, kept (root-only) so Show Admin Password can show it
 * again. A password the owner typed is never stored: only its hash, in admin-password.
 */
export const generatedPasswordFile = (): string => join(mainVolumeDir(), 'startos-admin-password.json');

export async function readGeneratedPassword(): Promise<string | undefined> {
  const stored = await readJsonObject(generatedPasswordFile());
  return typeof stored?.password === 'string' ? stored.password : undefined;
}

/** Hashes `password` into the file the server reads at each sign-in; a generated one is also kept to show. */
export async function storeAdminPassword(password: string, generated: boolean): Promise<void> {
  await writeFileAtomic(adminPasswordFile(), `${await hashAdminPassword(password)}\n`, {
    mode: 0o600,
    owner: { uid: appUid, gid: appGid },
  });
  if (generated)
    await writeFileAtomic(generatedPasswordFile(), `${JSON.stringify({ password })}\n`, { mode: 0o600 });
  else await rm(generatedPasswordFile(), { force: true });
}

/** A new generated password, stored; returns it. */
export async function generateAndStoreAdminPassword(): Promise<string> {
  const password = generateAdminPassword();
  await storeAdminPassword(password, true);
  return password;
}
