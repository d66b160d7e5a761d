import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const startosDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = join(startosDir, '..');

/** The package directory exactly as the Makefile hands it to start-cli (`S9PK_PACKAGE := …`). */
export function makefilePackagePath(): string {
  const line = /^S9PK_PACKAGE := (.+)$/m.exec(readFileSync(join(repoRoot, 'Makefile'), 'utf8'));
  if (!line?.[1]) throw new Error('the Makefile sets no S9PK_PACKAGE');
  return line[1].trim();
}

/** What start-cli hands to node's require: `<package path>/javascript/index.js`, resolved from the repository root. */
export const bundleRequest = (): string => `${makefilePackagePath()}/javascript/index.js`;
