import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ContainerStore } from '../docker/store.js';
import { forgetRootOwned, hostPathThroughMounts, rootOwnedPaths } from '../filesystem.js';
import { SIM_ENV, sparkContextFromEnv } from '../layout.js';

// The `rm` on a simulated Spark. As the SSH user it cannot delete inside directories a container created as
// root (vLLM's downloads in the Hugging Face cache): it says "Permission denied" as GNU rm does. Inside a
// container it is root, and its paths go through the container's bind mounts.

const context = sparkContextFromEnv();
const args = process.argv.slice(2);
const container = process.env[SIM_ENV.container];
let endOfOptions = false;
const paths: string[] = [];
const flags: string[] = [];
for (const arg of args) {
  if (!endOfOptions && arg === '--') endOfOptions = true;
  else if (!endOfOptions && arg.startsWith('-') && arg !== '-') flags.push(arg);
  else paths.push(arg);
}
const recursive = flags.some((flag) => /^-[a-zA-Z]*[rR]/.test(flag) || flag === '--recursive');
const force = flags.some((flag) => /^-[a-zA-Z]*f/.test(flag) || flag === '--force');

function realRm(targets: string[]): number {
  return spawnSync('/bin/rm', [...flags, '--', ...targets], { stdio: 'inherit' }).status ?? 1;
}

if (paths.length === 0) {
  process.exitCode = realRm([]);
} else if (container) {
  const record = new ContainerStore(context.spark.stateDir).get(container);
  const targets = paths.map(
    (path) => hostPathThroughMounts(context, record?.spec.mounts ?? [], path) ?? path,
  );
  process.exitCode = realRm(targets);
  for (const target of targets) forgetRootOwned(context.spark.stateDir, resolve(target));
} else {
  const owned = rootOwnedPaths(context.spark.stateDir);
  const inside = (path: string, dir: string) => path.startsWith(`${dir}/`);
  /** Created by a container: the directory registered as root-owned and everything in it. */
  const rootOwned = (path: string) => owned.some((dir) => path === dir || inside(path, dir));
  let code = 0;
  const denied = (shown: string) => {
    process.stderr.write(`rm: cannot remove '${shown}': Permission denied\n`);
    code = 1;
  };
  /** Removes what the user may (an entry needs a parent the user owns); false when something stays. */
  const remove = (path: string, shown: string): boolean => {
    if (lstatSync(path).isDirectory()) {
      const kept = readdirSync(path).filter((child) => !remove(join(path, child), join(shown, child)));
      if (kept.length > 0) return false;
    }
    if (rootOwned(dirname(path))) {
      denied(shown);
      return false;
    }
    if (lstatSync(path).isDirectory()) rmdirSync(path);
    else unlinkSync(path);
    forgetRootOwned(context.spark.stateDir, path);
    return true;
  };
  const simple: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const involved = rootOwned(absolute) || owned.some((dir) => inside(dir, absolute));
    if (!involved) simple.push(path);
    else if (!existsSync(absolute)) {
      if (!force) {
        process.stderr.write(`rm: cannot remove '${path}': No such file or directory\n`);
        code = 1;
      }
    } else if (lstatSync(absolute).isDirectory() && !recursive) {
      process.stderr.write(`rm: cannot remove '${path}': Is a directory\n`);
      code = 1;
    } else remove(absolute, path);
  }
  if (simple.length > 0 && realRm(simple) !== 0) code = 1;
  process.exitCode = code;
}
