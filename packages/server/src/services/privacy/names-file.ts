import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const NAMES_FILE = 'names.txt';

/** The user's own names from `<data dir>/names.txt`: one per line, `#` starts a comment. */
export async function readNameList(dataDir: string): Promise<string[]> {
  let content: string;
  try {
    content = await readFile(join(dataDir, NAMES_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return content
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
