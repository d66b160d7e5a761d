import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const startosDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = join(startosDir, '..');
export const bundlePath = join(startosDir, 'javascript/index.js');
