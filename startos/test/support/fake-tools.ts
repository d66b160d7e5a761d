import { execFileSync } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot, startosDir } from './paths.js';

export interface FakeTools {
  /** Put first on PATH. */
  bin: string;
  /** Every start-cli and docker call, one line each (`start-cli s9pk pack …`, `docker buildx build …`). */
  calls(): Promise<string[]>;
}

const script = (body: string) => `#!/bin/sh\n${body}\n`;

/**
 * start-cli, docker, mksquashfs, tar2sqfs and uname for `make x86`/`make arm`. start-cli is
 * fake-start-cli.mjs (start-cli's own path rules); docker answers the preflight, says which
 * platforms its builder has (`platforms`) and, like docker, refuses a build whose Dockerfile is missing.
 */
export async function makeFakeTools(
  options: { platforms?: string; hostArch?: string } = {},
): Promise<FakeTools> {
  const bin = await mkdtemp(join(tmpdir(), 'startos-fake-tools-'));
  const log = join(bin, 'calls.log');
  await writeFile(log, '');
  const tools: Record<string, string> = {
    'start-cli': script(
      `FAKE_TOOLS_LOG='${log}' exec '${process.execPath}' '${join(startosDir, 'test/support/fake-start-cli.mjs')}' "$@"`,
    ),
    docker: script(`echo "docker $*" >> '${log}'
case "$1 $2" in
  "info "*) exit 0 ;;
  "buildx version") echo "github.com/docker/buildx v0.23.0"; exit 0 ;;
  "buildx inspect") printf 'Name: default\\nDriver: docker\\nPlatforms: %s\\n' '${options.platforms ?? 'linux/amd64, linux/amd64/v2, linux/386'}'; exit 0 ;;
  "buildx build")
    prev=""; for arg; do [ "$prev" = "-f" ] && file="$arg"; prev="$arg"; done
    [ -f "$file" ] || { echo "ERROR: failed to solve: failed to read dockerfile: open $file: no such file or directory" >&2; exit 1; }
    exit 0 ;;
esac
echo "docker (test stand-in): $* is not imitated" >&2; exit 1`),
    mksquashfs: script('exit 0'),
    tar2sqfs: script('exit 0'),
    uname: script(
      `[ "$1" = -m ] && { echo '${options.hostArch ?? 'x86_64'}'; exit 0; }; exec /bin/uname "$@"`,
    ),
  };
  for (const [name, body] of Object.entries(tools)) {
    await writeFile(join(bin, name), body);
    await chmod(join(bin, name), 0o755);
  }
  return {
    bin,
    calls: async () => (await readFile(log, 'utf8')).split('\n').filter((line) => line !== ''),
  };
}

/**
 * What a fresh clone holds: the files git tracks or would track (`git ls-files -co
 * --exclude-standard`), nothing it ignores. Then, newer than every source, what `make install`
 * and the bundle rule would add: pnpm's install stamp, startos/node_modules (linked from this
 * checkout) and the bundle the global setup built, so make neither installs nor builds again.
 * The clone sits in `<workspace>/spark-control`; `signingKey` puts `.startos/build-key` in the workspace.
 */
export async function freshClone(options: {
  signingKey: boolean;
}): Promise<{ workspace: string; root: string }> {
  const workspace = await mkdtemp(join(tmpdir(), 'startos-workspace-'));
  const root = join(workspace, 'spark-control');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file !== '');
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    // A file deleted but not yet staged is still listed; a clone would not have it.
    await copyFile(join(repoRoot, file), join(root, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await mkdir(join(root, 'node_modules'));
  await writeFile(join(root, 'node_modules/.modules.yaml'), '');
  await symlink(join(startosDir, 'node_modules'), join(root, 'startos/node_modules'));
  await cp(join(startosDir, 'javascript'), join(root, 'startos/javascript'), { recursive: true });
  if (options.signingKey) {
    await mkdir(join(workspace, '.startos'), { recursive: true });
    await writeFile(
      join(workspace, '.startos/build-key'),
      '-----BEGIN PRIVATE KEY-----\ntest\n-----END PRIVATE KEY-----\n',
      {
        mode: 0o600,
      },
    );
  }
  return { workspace, root };
}
