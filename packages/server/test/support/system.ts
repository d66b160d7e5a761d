import { execFileSync } from 'node:child_process';

/**
 * Whether a system component a test needs (sshd, chromium, PostgreSQL…) is here. In CI
 * (`CI=true`) a missing one fails the test file; elsewhere the tests are skipped with the
 * printed reason. Use with `describe.skipIf(!available)`.
 */
export function systemComponent(name: string, available: boolean, hint: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') throw new Error(`${name} is required in CI but missing: ${hint}`);
  console.warn(`skipping ${name} tests: ${hint}`);
  return false;
}

export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
