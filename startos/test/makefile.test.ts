import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCommand, systemComponent } from '../../packages/server/test/support/system.js';
import { loadBundle } from './support/bundle.js';
import { freshClone, makeFakeTools } from './support/fake-tools.js';
import { repoRoot } from './support/paths.js';

const exec = promisify(execFile);
const bundle = loadBundle();

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

const hasJq = systemComponent(
  'jq',
  hasCommand('jq'),
  's9pk.mk prints its summary with jq (apt-get install jq)',
);

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

  describe.skipIf(!hasJq)('from a fresh clone, with start-cli and Docker present', () => {
    const cleanup: string[] = [];
    afterAll(async () => {
      for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
    });

    async function packIn(goal: string, options: { signingKey?: boolean; platforms?: string } = {}) {
      const clone = await freshClone({ signingKey: options.signingKey ?? true });
      const tools = await makeFakeTools(options.platforms ? { platforms: options.platforms } : {});
      cleanup.push(clone.workspace, tools.bin);
      const env = { ...process.env, PATH: `${tools.bin}:${process.env.PATH ?? ''}` };
      const run = () =>
        exec('make', ['--no-print-directory', goal], {
          cwd: clone.root,
          env,
          maxBuffer: 16 * 1024 * 1024,
          timeout: 50_000,
        });
      return { clone, tools, run };
    }

    it('packs ./startos for x86_64 up to the docker build and prints the summary', async () => {
      const { clone, tools, run } = await packIn('x86');
      const { stdout } = await run();
      expect(stdout).toContain("Packing 'spark-control_x86_64.s9pk'");
      expect(stdout).toContain('Build Complete!');
      expect(stdout).toContain(`v${bundle.manifest.version}`);
      const calls = await tools.calls();
      expect(calls).toContain('start-cli s9pk list-ingredients ./startos');
      expect(calls).toContain('start-cli s9pk pack ./startos --arch=x86_64 -o spark-control_x86_64.s9pk');
      const build = calls.find((call) => call.startsWith('docker buildx build'));
      expect(build).toMatch(
        /^docker buildx build \. -f Dockerfile -t start9\/spark-control\/main:\S+ --platform=linux\/amd64 --build-arg ARCH=x86_64/,
      );
      const packed = JSON.parse(await readFile(join(clone.root, 'spark-control_x86_64.s9pk'), 'utf8')) as {
        manifest: { id: string; version: string; images: { main: { arch: string[] } } };
        files: string[];
      };
      expect(packed.manifest).toMatchObject({ id: 'spark-control', version: bundle.manifest.version });
      expect(packed.manifest.images.main.arch).toEqual(['x86_64']);
      expect(packed.files).toEqual(
        expect.arrayContaining([
          'icon.svg',
          'LICENSE.md',
          'instructions.md',
          'javascript.squashfs',
          'assets.squashfs',
        ]),
      );
    });

    it('builds the arm64 image on an x86 host once Docker can emulate arm64', async () => {
      const { tools, run } = await packIn('arm', { platforms: 'linux/amd64, linux/arm64, linux/386' });
      const { stdout } = await run();
      expect(stdout).toContain("Packing 'spark-control_aarch64.s9pk'");
      const build = (await tools.calls()).find((call) => call.startsWith('docker buildx build'));
      expect(build).toContain('--platform=linux/arm64 --build-arg ARCH=aarch64');
    });

    it('says how to get arm64 emulation, or to build on a Spark, before anything is built', async () => {
      const { tools, run } = await packIn('arm');
      const failed = await run().then(
        () => '',
        (error: { stderr: string }) => error.stderr,
      );
      expect(failed).toContain(
        'arm64 emulation in Docker, to build the aarch64 image on this x86_64 machine',
      );
      expect(failed).toContain('docker run --privileged --rm tonistiigi/binfmt --install arm64');
      expect(failed).toContain("(or run 'make arm' on an arm64 machine: a DGX Spark is one)");
      expect((await tools.calls()).filter((call) => call.startsWith('start-cli s9pk pack'))).toEqual([]);
    });

    it('asks for a packaging workspace when no signing key is found above the clone', async () => {
      const { run } = await packIn('x86', { signingKey: false });
      const failed = await run().then(
        () => '',
        (error: { stderr: string }) => error.stderr,
      );
      expect(failed).toContain(
        'a packaging workspace: the signing key .startos/build-key in this folder or one above it',
      );
      expect(failed).toContain('start-cli s9pk init-workspace <folder>');
    });
  });

  describe('the stand-in start-cli', () => {
    it('loads the manifest from the path as given, as node does', async () => {
      const tools = await makeFakeTools();
      const env = { ...process.env, PATH: `${tools.bin}:${process.env.PATH ?? ''}` };
      const list = (path: string) =>
        exec('start-cli', ['s9pk', 'list-ingredients', path], { cwd: repoRoot, env });
      const relative = await list('./startos');
      expect(relative.stdout.trim().split(' ')).toEqual([
        './startos/javascript/index.js',
        './startos/icon.svg',
        './startos/LICENSE',
        './startos/instructions.md',
        './startos/assets',
        'Dockerfile',
      ]);
      // A bare name is a package name to node: no manifest, so start-cli lists only the files it can find.
      const bare = await list('startos');
      expect(bare.stderr).toContain("Cannot find module 'startos/javascript/index.js'");
      expect(bare.stdout.trim().split(' ')).not.toContain('startos/assets');
      await rm(tools.bin, { recursive: true, force: true });
    });
  });
});
