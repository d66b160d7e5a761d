import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptLatest, pickAsset, rewriteDownloadUrl } from '../../scripts/release-adopt.js';
import { GiteaClient } from '../../scripts/release-gitea.js';
import { releaseTag, startosArch } from '../../scripts/release-version.js';
import { publishRelease, versionFromBundle } from '../../scripts/release.js';
import { FAKE_REPO, startFakeGitea, type FakeGitea } from './support/fake-gitea.js';
import { repoRoot } from './support/paths.js';

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let gitea: FakeGitea;
let dir: string;
let x86: Uint8Array;
let arm: Uint8Array;
let files: string[];

beforeEach(async () => {
  gitea = await startFakeGitea({ targets: ['main', 'abc123'] });
  dir = await mkdtemp(join(tmpdir(), 'startos-release-'));
  x86 = new Uint8Array(randomBytes(150_000));
  arm = new Uint8Array(randomBytes(120_000));
  files = [join(dir, 'spark-control_aarch64.s9pk'), join(dir, 'spark-control_x86_64.s9pk')];
  await writeFile(files[0]!, arm);
  await writeFile(files[1]!, x86);
});

afterEach(async () => {
  await gitea.close();
  await rm(dir, { recursive: true, force: true });
});

const client = (token: string | undefined = gitea.token) =>
  new GiteaClient({ baseUrl: gitea.url, repo: FAKE_REPO, token });
const publish = (options: { token?: string; target?: string } = {}) =>
  publishRelease({
    client: client(options.token),
    version: '0.1.0:0',
    notes: 'First release.',
    files,
    target: options.target ?? 'abc123',
  });

describe('versions and tags', () => {
  it('turns ExVer into the tag startos-sideload.md names', () => {
    expect(releaseTag('0.1.0:0')).toBe('v0.1.0_0');
    expect(releaseTag('1.0.0-rc.0:2')).toBe('v1.0.0-rc.0_2');
    expect(() => releaseTag('v0.1.0:0')).toThrow(/0\.1\.0:0/);
    expect(() => releaseTag('0.1.0')).toThrow();
  });

  it('reads the version and notes of versions/current.ts from the built bundle', () => {
    const { version, notes } = versionFromBundle();
    expect(releaseTag(version)).toBe('v1.0.0_0');
    expect(notes).toContain('Configure Sparks');
  });

  it('maps Node architectures to StartOS ones', () => {
    expect(startosArch('x64')).toBe('x86_64');
    expect(startosArch('arm64')).toBe('aarch64');
    expect(() => startosArch('riscv64')).toThrow(/x86_64 and aarch64/);
  });
});

describe('make release', () => {
  it('creates the release with notes and sums, and uploads each package with its .sha256', async () => {
    const release = await publish();
    expect(release.tag_name).toBe('v0.1.0_0');
    expect(release.name).toBe('Spark Control 0.1.0:0');
    expect(release.body).toContain('First release.');
    expect(release.body).toContain(`\`spark-control_x86_64.s9pk\`: \`${hex(x86)}\``);
    expect(gitea.releases[0]?.target_commitish).toBe('abc123');
    expect(release.assets.map((asset) => [asset.name, asset.size])).toEqual([
      ['spark-control_aarch64.s9pk', arm.byteLength],
      ['spark-control_aarch64.s9pk.sha256', 93],
      ['spark-control_x86_64.s9pk', x86.byteLength],
      ['spark-control_x86_64.s9pk.sha256', 92],
    ]);
    const sumAsset = gitea.releases[0]!.assets[3]!;
    expect(new TextDecoder().decode(gitea.files.get(sumAsset.uuid))).toBe(
      `${hex(x86)}  spark-control_x86_64.s9pk\n`,
    );
    const stored = gitea.releases[0]!.assets[2]!;
    expect(hex(gitea.files.get(stored.uuid)!)).toBe(hex(x86));
  });

  it('reuses the release on a second run (409) and adds nothing twice', async () => {
    await publish();
    const again = await publish();
    expect(gitea.releases).toHaveLength(1);
    expect(again.assets).toHaveLength(4);
  });

  it('says what is wrong with the token, the target or the files', async () => {
    await expect(publish({ token: 'wrong' })).rejects.toThrow(/HTTP 401 .*GITEA_TOKEN/);
    await expect(publish({ target: 'not-pushed' })).rejects.toThrow(/HTTP 404 target "not-pushed" not found/);
    await expect(
      publishRelease({ client: client(), version: '0.1.0:0', notes: '', files: [] }),
    ).rejects.toThrow(/make x86/);
    expect(gitea.releases).toHaveLength(0);
  });

  it('refuses a GITEA_REPO that is not owner/name', () => {
    expect(() => new GiteaClient({ baseUrl: gitea.url, repo: 'spark-control' })).toThrow(/owner\/name/);
  });

  it('stops with a clear message when the environment is missing', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const run = promisify(execFile)(process.execPath, [tsx, join(repoRoot, 'scripts/release.ts')], {
      env: { ...process.env, GITEA_URL: '', GITEA_REPO: '', GITEA_TOKEN: '' },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('GITEA_URL is not set') as unknown,
    });
  });
});

describe('adopting the latest release', () => {
  let bin: string;

  beforeEach(async () => {
    bin = join(dir, 'start-cli');
    await writeFile(
      bin,
      '#!/bin/sh\necho "$*" > "$0.args"\nfor last; do :; done\ncp "$last" "$0.installed"\necho "Sideloading 100%"\n',
    );
    await chmod(bin, 0o755);
  });

  it('picks its architecture, downloads past a wrong ROOT_URL, verifies and sideloads', async () => {
    await publish();
    gitea.seedRelease({
      tag: 'v0.2.0_0',
      draft: true,
      assets: { 'spark-control_x86_64.s9pk': new Uint8Array([1]) },
    });
    gitea.seedRelease({
      tag: 'v0.2.0-rc.0_0',
      prerelease: true,
      assets: { 'spark-control_x86_64.s9pk': new Uint8Array([2]) },
    });
    const lines: string[] = [];
    const result = await adoptLatest({
      client: client(),
      arch: 'x86_64',
      startCli: bin,
      host: 'https://box.local',
      log: (line) => lines.push(line),
    });
    expect(result).toEqual({ tag: 'v0.1.0_0', asset: 'spark-control_x86_64.s9pk' });
    const args = (await readFile(`${bin}.args`, 'utf8')).trim().split(' ');
    expect(args.slice(0, 5)).toEqual(['-H', 'https://box.local', 'package', 'install', '-s']);
    expect(args[5]).toMatch(/spark-control_x86_64\.s9pk$/);
    expect(hex(new Uint8Array(await readFile(`${bin}.installed`)))).toBe(hex(x86));
  });

  it('takes the aarch64 package on an ARM box', async () => {
    await publish();
    await adoptLatest({ client: client(), arch: 'aarch64', startCli: bin });
    expect(hex(new Uint8Array(await readFile(`${bin}.installed`)))).toBe(hex(arm));
  });

  it('refuses a package whose SHA-256 does not match, before sideloading', async () => {
    await publish();
    const asset = gitea.releases[0]!.assets.find(
      (candidate) => candidate.name === 'spark-control_x86_64.s9pk',
    )!;
    const stored = gitea.files.get(asset.uuid)!;
    stored[0] = (stored[0] ?? 0) ^ 0xff;
    await expect(adoptLatest({ client: client(), arch: 'x86_64', startCli: bin })).rejects.toThrow(
      /SHA-256 is .* the release says/,
    );
    await expect(readFile(`${bin}.args`)).rejects.toThrow();
  });

  it('refuses a package of the wrong size', async () => {
    await publish();
    const asset = gitea.releases[0]!.assets.find(
      (candidate) => candidate.name === 'spark-control_x86_64.s9pk',
    )!;
    gitea.files.set(asset.uuid, gitea.files.get(asset.uuid)!.slice(0, 1000));
    await expect(adoptLatest({ client: client(), arch: 'x86_64', startCli: bin })).rejects.toThrow(
      /downloaded 1000 bytes/,
    );
  });

  it('says so when nothing is published yet', async () => {
    gitea.seedRelease({ tag: 'v0.1.0_0', draft: true });
    await expect(adoptLatest({ client: client(undefined), arch: 'x86_64', startCli: bin })).rejects.toThrow(
      /no published release/,
    );
  });

  it('reports start-cli failures', async () => {
    await publish();
    await writeFile(bin, '#!/bin/sh\necho "Error: not logged in" >&2\nexit 1\n');
    await expect(adoptLatest({ client: client(), arch: 'x86_64', startCli: bin })).rejects.toThrow(
      /not logged in/,
    );
  });

  it('rewrites only the attachment URL, under a base that may have a sub-path', () => {
    expect(rewriteDownloadUrl('http://localhost:3000/attachments/u-1', 'https://git.lan/gitea/')).toBe(
      'https://git.lan/gitea/attachments/u-1',
    );
    expect(rewriteDownloadUrl('https://cdn.example/other/file', 'https://git.lan/')).toBe(
      'https://cdn.example/other/file',
    );
  });

  it('falls back to the universal package', () => {
    const release = {
      tag_name: 'v1',
      assets: [{ id: 1, name: 'spark-control.s9pk', size: 1, browser_download_url: 'x' }],
    };
    expect(pickAsset(release as never, 'aarch64').name).toBe('spark-control.s9pk');
    expect(() => pickAsset({ ...release, assets: [] } as never, 'aarch64')).toThrow(/no package for aarch64/);
  });
});
