import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SparkContext } from './layout.js';

/**
 * Each simulated Spark stands for a machine whose SSH user has the same home directory path on every
 * Spark (`/home/spark` on a real pair). The sandboxes are separate directories on one host, so a path
 * under another Spark's sandbox home, seen from this Spark, means the same path under this Spark's home:
 * a local model the head mounts from its `$HOME` exists on a worker only if it was copied there.
 */
export function pathOnSpark(context: SparkContext, path: string): string {
  for (const other of context.config.sparks) {
    if (other.id === context.spark.id) continue;
    if (path === other.home) return context.spark.home;
    if (path.startsWith(`${other.home}/`)) return context.spark.home + path.slice(other.home.length);
  }
  return path;
}

/** A container path as a host path on this Spark, through the container's bind mounts. */
export function hostPathThroughMounts(
  context: SparkContext,
  mounts: readonly { source: string; destination: string }[],
  containerPath: string,
): string | undefined {
  for (const mount of mounts) {
    const destination = mount.destination.replace(/\/$/, '');
    if (containerPath === destination || containerPath.startsWith(`${destination}/`)) {
      return pathOnSpark(context, mount.source) + containerPath.slice(destination.length);
    }
  }
  return undefined;
}

function rootOwnedFile(stateDir: string): string {
  return join(stateDir, 'root-owned.json');
}

/** Paths (directories or files) that containers created as root on this Spark. */
export function rootOwnedPaths(stateDir: string): string[] {
  try {
    return JSON.parse(readFileSync(rootOwnedFile(stateDir), 'utf8')) as string[];
  } catch {
    return [];
  }
}

function writeRootOwned(stateDir: string, paths: string[]): void {
  mkdirSync(stateDir, { recursive: true });
  const file = rootOwnedFile(stateDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify([...new Set(paths)].sort()));
  renameSync(temporary, file);
}

/** Records that a container (root) created `path`: the SSH user cannot delete what is inside it. */
export function markRootOwned(stateDir: string, path: string): void {
  writeRootOwned(stateDir, [...rootOwnedPaths(stateDir), path]);
}

/** Forgets root-owned paths at or under `path` once root deleted them. */
export function forgetRootOwned(stateDir: string, path: string): void {
  const prefix = path.replace(/\/$/, '');
  writeRootOwned(
    stateDir,
    rootOwnedPaths(stateDir).filter(
      (owned) => !(owned === prefix || owned.startsWith(`${prefix}/`)) || existsSync(owned),
    ),
  );
}
