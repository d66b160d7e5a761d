import { execFileSync } from 'node:child_process';
import { repoRoot } from './paths.js';

/**
 * Builds startos/javascript/index.js through the Makefile rule the .s9pk build uses:
 * typecheck (tsc), the SDK's lint, then the ncc bundle. Any failure fails the project.
 */
export default function setup(): void {
  execFileSync('make', ['--no-print-directory', 'startos/javascript/index.js'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
