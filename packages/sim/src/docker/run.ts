import { existsSync, mkdirSync } from 'node:fs';
import { markRootOwned, pathOnSpark } from '../filesystem.js';
import type { SparkContext } from '../layout.js';
import { has, last, parse, RUN_VALUE_FLAGS, values, type Io } from './args.js';
import { imageId, mainProcessFor } from './images.js';
import { followLogs } from './logs.js';
import type { ContainerStore, RunSpec } from './store.js';

function parseRunSpec(args: string[]): { spec: RunSpec; detach: boolean } | string {
  const parsed = parse(args, RUN_VALUE_FLAGS, true);
  const [image, ...cmd] = parsed.positional;
  if (!image) return '"docker run" requires at least 1 argument.';
  const name = last(parsed, '--name') ?? `sim_${Math.random().toString(36).slice(2, 10)}`;
  const mounts = values(parsed, '-v', '--volume').map((volume) => {
    const [source = '', destination = '', mode = ''] = volume.split(':');
    return { source, destination, mode };
  });
  const labels: Record<string, string> = {};
  for (const label of values(parsed, '--label', '-l')) {
    const at = label.indexOf('=');
    labels[at > 0 ? label.slice(0, at) : label] = at > 0 ? label.slice(at + 1) : '';
  }
  return {
    spec: {
      name,
      image,
      cmd,
      env: values(parsed, '-e', '--env'),
      mounts,
      network: last(parsed, '--network', '--net') ?? 'bridge',
      autoRemove: has(parsed, '--rm'),
      labels,
    },
    detach: has(parsed, '-d', '--detach'),
  };
}

/**
 * Docker creates a missing bind-mount source as an empty directory owned by root. Only paths inside
 * the simulation are created (a test never makes the simulator write elsewhere on the host).
 */
function createMissingSources(context: SparkContext, spec: RunSpec): void {
  for (const mount of spec.mounts) {
    if (!mount.source.startsWith('/')) continue;
    const local = pathOnSpark(context, mount.source);
    if (existsSync(local) || !local.startsWith(`${context.root}/`)) continue;
    mkdirSync(local, { recursive: true });
    markRootOwned(context.spark.stateDir, local);
  }
}

/** `docker run`: detached (prints the id) or in the foreground (follows the log, returns the exit code). */
export async function run(
  context: SparkContext,
  store: ContainerStore,
  args: string[],
  io: Io,
): Promise<number> {
  const parsedRun = parseRunSpec(args);
  if (typeof parsedRun === 'string') {
    io.err(`docker: ${parsedRun}\nSee 'docker run --help'.\n`);
    return 125;
  }
  const { spec, detach } = parsedRun;
  if (!imageId(context, spec.image)) {
    io.err(
      `Unable to find image '${spec.image.includes(':') ? spec.image : `${spec.image}:latest`}' locally\ndocker: Error response from daemon: pull access denied for ${spec.image.replace(/:[^/]*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.\n`,
    );
    return 125;
  }
  const existing = store.get(spec.name);
  if (existing) {
    io.err(
      `docker: Error response from daemon: Conflict. The container name "/${spec.name}" is already in use by container "${existing.id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
    );
    return 125;
  }
  createMissingSources(context, spec);
  const record = store.run(spec, mainProcessFor(context, spec));
  if (detach) {
    io.out(`${record.id}\n`);
    return 0;
  }
  await followLogs(store, record.spec.name, io);
  return store.lastExitCode(spec.name) ?? 0;
}
