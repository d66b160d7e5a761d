/**
 * `make release`: publishes the packed .s9pk files as a Gitea release.
 *
 * Tag and notes come from startos/versions/current.ts (through the built bundle, which is what
 * the packages carry). Each `<file>.s9pk` is uploaded with a `<file>.s9pk.sha256` asset; the
 * notes list the same sums for people. Re-running is safe: an existing release is reused and
 * assets already there are skipped.
 *
 * Env: GITEA_URL (e.g. https://git.lan/), GITEA_REPO (owner/name), GITEA_TOKEN (write:repository).
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GiteaClient, type GiteaRelease } from './release-gitea.js';
import { checksumLine, releaseTag, sha256 } from './release-version.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_ID = 'spark-control';

export interface PublishOptions {
  client: GiteaClient;
  version: string;
  notes: string;
  /** Paths of the .s9pk files to attach. */
  files: string[];
  /** Commit or branch Gitea tags when the tag does not exist yet. */
  target?: string | undefined;
  log?: (line: string) => void;
}

export async function publishRelease(options: PublishOptions): Promise<GiteaRelease> {
  const log = options.log ?? (() => {});
  if (options.files.length === 0)
    throw new Error('no .s9pk file to publish: run `make x86` and `make arm` first');
  const tag = releaseTag(options.version);
  const packages = await Promise.all(
    options.files.map(async (file) => ({
      name: basename(file),
      bytes: new Uint8Array(await readFile(file)),
    })),
  );
  const sums = packages.map((file) => `- \`${file.name}\`: \`${sha256(file.bytes)}\``).join('\n');
  const body = `${options.notes.trim()}\n\n### SHA-256\n\n${sums}\n`;

  let release = await options.client.createRelease({
    tag,
    name: `Spark Control ${options.version}`,
    body,
    target: options.target,
  });
  if (release) log(`created release ${tag}`);
  else {
    release = await options.client.releaseByTag(tag);
    log(`release ${tag} exists; adding what is missing`);
  }

  const present = new Set(release.assets.map((asset) => asset.name));
  for (const file of packages) {
    const uploads: [string, Uint8Array][] = [
      [file.name, file.bytes],
      [`${file.name}.sha256`, new TextEncoder().encode(checksumLine(file.name, file.bytes))],
    ];
    for (const [name, bytes] of uploads) {
      if (present.has(name)) {
        log(`skipped ${name} (already attached)`);
        continue;
      }
      const asset = await options.client.uploadAsset(release.id, name, bytes);
      log(`uploaded ${asset.name} (${asset.size} bytes)`);
    }
  }
  return options.client.releaseByTag(tag);
}

/** Version and English release notes from the built bundle's manifest. */
export function versionFromBundle(bundle = join(repoRoot, 'startos/javascript/index.js')): {
  version: string;
  notes: string;
} {
  const { manifest } = createRequire(import.meta.url)(bundle) as {
    manifest: { version: string; releaseNotes: Record<string, string> | string };
  };
  const notes =
    typeof manifest.releaseNotes === 'string' ? manifest.releaseNotes : (manifest.releaseNotes.en_US ?? '');
  return { version: manifest.version, notes };
}

export async function packedFiles(dir = repoRoot): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.startsWith(PACKAGE_ID) && name.endsWith('.s9pk'))
    .sort()
    .map((name) => join(dir, name));
}

function requiredEnv(name: string, hint: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${hint}`);
  return value;
}

function headCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const client = new GiteaClient({
    baseUrl: requiredEnv('GITEA_URL', 'the address of your Gitea, e.g. https://git.lan/'),
    repo: requiredEnv('GITEA_REPO', 'the repository as owner/name'),
    token: requiredEnv('GITEA_TOKEN', 'a Gitea token with the write:repository scope'),
  });
  const { version, notes } = versionFromBundle();
  const release = await publishRelease({
    client,
    version,
    notes,
    files: await packedFiles(),
    target: process.env.GITEA_TARGET || headCommit(),
    log: (line) => console.log(line),
  });
  console.log(`published ${release.html_url}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`release failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
