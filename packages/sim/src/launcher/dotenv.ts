import { existsSync, readFileSync } from 'node:fs';

/** `.env` as G2 reads it: `KEY=value` lines, `#` comments, surrounding quotes stripped. */
export type DotEnv = Record<string, string>;

/** The file's variables, or an error line when its syntax is invalid (G2 then aborts). */
export function readDotEnv(file: string): { values: DotEnv } | { error: string } | undefined {
  if (!existsSync(file)) return undefined;
  const values: DotEnv = {};
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at === -1 ? '' : line.slice(0, at).trim();
    if (at === -1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || key in values)
      return { error: 'Error: Invalid .env file syntax. Aborting.' };
    let value = line.slice(at + 1).trim();
    if (/^".*"$|^'.*'$/.test(value) && value.length >= 2) value = value.slice(1, -1);
    values[key] = value;
  }
  return { values };
}
