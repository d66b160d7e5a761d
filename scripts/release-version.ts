import { createHash } from 'node:crypto';

/** ExVer `X.Y.Z[-pre]:N` → git and Gitea tag `vX.Y.Z[-pre]_N` (startos-sideload.md, "Version format"). */
export function releaseTag(version: string): string {
  const match = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?):(\d+)$/.exec(version);
  if (!match) throw new Error(`version must look like 0.1.0:0 (ExVer without flavor), got "${version}"`);
  return `v${match[1]}_${match[2]}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The `.sha256` asset published next to each package: `sha256sum -c` reads it as it is. */
export function checksumLine(name: string, bytes: Uint8Array): string {
  return `${sha256(bytes)}  ${name}\n`;
}

/** The hex digest from a `.sha256` file's first line. */
export function parseChecksum(text: string): string {
  const digest = /^([0-9a-f]{64})\b/i.exec(text.trim())?.[1];
  if (!digest) throw new Error('the .sha256 asset does not start with a SHA-256 hex digest');
  return digest.toLowerCase();
}

/** StartOS architecture names for Node's. */
export function startosArch(nodeArch: string = process.arch): 'x86_64' | 'aarch64' {
  if (nodeArch === 'x64' || nodeArch === 'x86_64') return 'x86_64';
  if (nodeArch === 'arm64' || nodeArch === 'aarch64') return 'aarch64';
  throw new Error(`no Spark Control package for the ${nodeArch} architecture (x86_64 and aarch64 only)`);
}
