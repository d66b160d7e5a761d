import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const exec = promisify(execFile);

function make(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return exec('make', ['--no-print-directory', ...args], { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 });
}

async function makeFails(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    await make(args, env);
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return failed.stdout + failed.stderr;
  }
  throw new Error(`make ${args.join(' ')} succeeded`);
}

const hasJq = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v jq'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the s9pk section of the Makefile', () => {
  it('leaves the ordinary targets alone (no s9pk.mk, no start-cli)', async () => {
    for (const goal of ['test', 'install', 'clean', 'start']) {
      const { stdout, stderr } = await make(['-n', goal]);
      expect(stderr).toBe('');
      expect(stdout).not.toContain('start-cli');
    }
    const { stdout } = await make(['-n', 'clean']);
    expect(stdout).toContain('rm -rf node_modules');
  });

  it('keeps working when startos/node_modules is absent, and says what to do for the package', async () => {
    const { stderr } = await make(['-n', 'test', 'S9PK_MK=/nonexistent/s9pk.mk']);
    expect(stderr).toBe('');
    expect(await makeFails(['x86', 'S9PK_MK=/nonexistent/s9pk.mk'])).toContain(
      "startos/node_modules is missing: run 'make install' first, then 'make x86' again.",
    );
  });

  it('says which tools are missing to pack here', async () => {
    const output = await makeFails(['x86'], { ...process.env, PATH: '/usr/bin:/bin' });
    expect(output).toContain('Cannot pack an .s9pk on this machine. Missing:');
    expect(output).toContain('- start-cli');
    expect(output).toMatch(/- (docker|a running Docker engine)/);
  });

  describe.skipIf(!hasJq)('with start-cli and Docker present', () => {
    let bin: string;
    const log = () => join(bin, 'start-cli.log');
    const output = join(repoRoot, 'spark-control_x86_64.s9pk');

    beforeAll(async () => {
      bin = await mkdtemp(join(tmpdir(), 'startos-fake-tools-'));
      const script = (body: string) => `#!/bin/sh\n${body}\n`;
      await writeFile(
        join(bin, 'start-cli'),
        script(`echo "$*" >> "$(dirname "$0")/start-cli.log"
case "$1 $2" in
  "s9pk list-ingredients") printf '%s\\n' startos/javascript/index.js startos/icon.svg startos/LICENSE startos/instructions.md Dockerfile ;;
  "s9pk pack") for arg; do [ "$prev" = "-o" ] && out="$arg"; prev="$arg"; done; echo packed > "$out" ;;
  "s9pk inspect") node -e "console.log(JSON.stringify(require('./startos/javascript/index.js').manifest))" ;;
esac`),
      );
      await writeFile(join(bin, 'docker'), script('exit 0'));
      await writeFile(join(bin, 'mksquashfs'), script('exit 0'));
      await writeFile(join(bin, 'tar2sqfs'), script('exit 0'));
      for (const tool of ['start-cli', 'docker', 'mksquashfs', 'tar2sqfs'])
        await chmod(join(bin, tool), 0o755);
    });

    afterAll(async () => {
      await rm(output, { force: true });
      await rm(bin, { recursive: true, force: true });
    });

    it('packs startos/ for x86_64 and prints the summary', async () => {
      // The global setup built the bundle; -o keeps make from rebuilding it when another
      // workspace's install touched node_modules in the meantime.
      const { stdout } = await make(['-o', 'startos/javascript/index.js', 'x86'], {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
      });
      expect(stdout).toContain("Packing 'spark-control_x86_64.s9pk'");
      expect(stdout).toContain('Build Complete!');
      expect(stdout).toContain('v0.1.0:0');
      const calls = (await readFile(log(), 'utf8')).trim().split('\n');
      expect(calls).toContain('s9pk list-ingredients startos');
      expect(calls).toContain('s9pk pack startos --arch=x86_64 -o spark-control_x86_64.s9pk');
      expect(await readFile(output, 'utf8')).toBe('packed\n');
    });
  });
});
