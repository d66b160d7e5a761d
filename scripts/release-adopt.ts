/**
 * Installs the latest Spark Control release from Gitea onto a StartOS box:
 * fetch the latest release, pick the package for the box's architecture, download it (from the
 * configured Gitea address when the server's ROOT_URL is unreachable), check its size and
 * SHA-256 against the release, then sideload it with `start-cli package install -s`.
 *
 * Env: GITEA_URL, GITEA_REPO, GITEA_TOKEN (private repositories only), STARTOS_ARCH
 * (x86_64 or aarch64; default: this machine's), STARTOS_HOST (passed to start-cli -H),
 * START_CLI (default: start-cli).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { GiteaClient, describe, type GiteaAsset, type GiteaRelease } from './release-gitea.js';
import { parseChecksum, sha256, startosArch } from './release-version.js';

const PACKAGE_ID = 'spark-control';

/** The asset for `arch`, else the universal package. */
export function pickAsset(release: GiteaRelease, arch: 'x86_64' | 'aarch64'): GiteaAsset {
  const wanted = [`${PACKAGE_ID}_${arch}.s9pk`, `${PACKAGE_ID}.s9pk`];
  for (const name of wanted) {
    const asset = release.assets.find((candidate) => candidate.name === name);
    if (asset) return asset;
  }
  throw new Error(
    `release ${release.tag_name} has no package for ${arch} (looked for ${wanted.join(', ')}; it has ${
      release.assets.map((asset) => asset.name).join(', ') || 'no assets'
    })`,
  );
}

/**
 * `browser_download_url` is built from Gitea's ROOT_URL, which may name a host this machine
 * cannot reach; the same `attachments/<uuid>` path also answers under the address we use.
 */
export function rewriteDownloadUrl(url: string, base: string): string {
  const parsed = new URL(url);
  const at = parsed.pathname.indexOf('/attachments/');
  if (at < 0) return url;
  return new URL(parsed.pathname.slice(at + 1) + parsed.search, base).href;
}

/** Downloads from the URL Gitea gave, or from the configured base when that fails. */
export async function download(url: string, client: GiteaClient): Promise<Uint8Array> {
  const candidates = [url];
  const rewritten = rewriteDownloadUrl(url, client.base);
  if (rewritten !== url) candidates.push(rewritten);
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      const response = await fetch(candidate, {
        headers: client.authHeaders(),
        redirect: 'follow',
        signal: AbortSignal.timeout(10 * 60_000),
      });
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      failures.push(`${candidate}: HTTP ${response.status}`);
    } catch (error) {
      failures.push(`${candidate}: ${describe(error)}`);
    }
  }
  throw new Error(`cannot download ${url}:\n  ${failures.join('\n  ')}`);
}

export interface AdoptOptions {
  client: GiteaClient;
  arch: 'x86_64' | 'aarch64';
  startCli?: string;
  host?: string | undefined;
  log?: (line: string) => void;
}

/** Downloads, verifies and sideloads the latest release; returns the installed asset name. */
export async function adoptLatest(options: AdoptOptions): Promise<{ tag: string; asset: string }> {
  const log = options.log ?? (() => {});
  const release = await options.client.latestRelease();
  if (!release) throw new Error('the repository has no published release yet');
  const asset = pickAsset(release, options.arch);
  const checksumAsset = release.assets.find((candidate) => candidate.name === `${asset.name}.sha256`);
  if (!checksumAsset)
    throw new Error(`release ${release.tag_name} has no ${asset.name}.sha256 to check against`);

  log(`downloading ${asset.name} from ${release.tag_name}`);
  const bytes = await download(asset.browser_download_url, options.client);
  if (bytes.byteLength !== asset.size) {
    throw new Error(`${asset.name}: downloaded ${bytes.byteLength} bytes, the release says ${asset.size}`);
  }
  const expected = parseChecksum(
    new TextDecoder().decode(await download(checksumAsset.browser_download_url, options.client)),
  );
  const actual = sha256(bytes);
  if (actual !== expected)
    throw new Error(`${asset.name}: SHA-256 is ${actual}, the release says ${expected}`);

  const dir = await mkdtemp(join(tmpdir(), 'spark-control-adopt-'));
  try {
    const file = join(dir, asset.name);
    await writeFile(file, bytes);
    const args = [...(options.host ? ['-H', options.host] : []), 'package', 'install', '-s', file];
    log(`sideloading with ${options.startCli ?? 'start-cli'} ${args.join(' ')}`);
    try {
      const { stdout } = await promisify(execFile)(options.startCli ?? 'start-cli', args, {
        maxBuffer: 16 * 1024 * 1024,
      });
      if (stdout.trim()) log(stdout.trim());
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new Error(
        `start-cli could not install ${asset.name}${stderr ? `: ${stderr}` : ` (${describe(error)})`}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { tag: release.tag_name, asset: asset.name };
}

async function main(): Promise<void> {
  const baseUrl = process.env.GITEA_URL;
  const repo = process.env.GITEA_REPO;
  if (!baseUrl || !repo) throw new Error('set GITEA_URL (e.g. https://git.lan/) and GITEA_REPO (owner/name)');
  const arch = process.env.STARTOS_ARCH ? startosArch(process.env.STARTOS_ARCH) : startosArch();
  const installed = await adoptLatest({
    client: new GiteaClient({ baseUrl, repo, token: process.env.GITEA_TOKEN }),
    arch,
    startCli: process.env.START_CLI || 'start-cli',
    host: process.env.STARTOS_HOST,
    log: (line) => console.log(line),
  });
  console.log(`installed ${installed.asset} from ${installed.tag}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`adopt failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
