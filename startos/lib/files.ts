import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `text` to `file` through a temporary file in the same directory and a rename, so a
 * reader (the server's settings watcher) sees either the old or the new file, never half of one.
 * When running as root (as StartOS runs package scripts), the file is handed to `owner` so the
 * server's non-root user can read it.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: { mode: number; owner?: { uid: number; gid: number } },
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { mode: options.mode, flag: 'wx' });
    if (options.owner && process.getuid?.() === 0)
      await chown(temporary, options.owner.uid, options.owner.gid);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The file's JSON object, or undefined when it is missing, empty or not a JSON object. */
export async function readJsonObject(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
