import { spawn } from 'node:child_process';
import type { SparkContext } from '../layout.js';
import { spawnDetached } from '../processes.js';
import { has, noSuchContainer, parse, RUN_VALUE_FLAGS, values, type Io } from './args.js';
import { containerEnv } from './images.js';
import type { ContainerStore } from './store.js';

/** `docker exec [-d] [-e K=V] NAME CMD…`: inside, `/proc/1/fd/1|2` is the container log and `/tmp` is private. */
export async function exec(
  context: SparkContext,
  store: ContainerStore,
  args: string[],
  io: Io,
): Promise<number> {
  const parsed = parse(args, RUN_VALUE_FLAGS, true);
  const [name, ...cmd] = parsed.positional;
  if (!name || cmd.length === 0) {
    io.err('"docker exec" requires at least 2 arguments.\n');
    return 1;
  }
  const record = store.get(name);
  if (!record) return noSuchContainer(io, name);
  if (record.status !== 'running') {
    io.err(`Error response from daemon: container ${record.id} is not running\n`);
    return 1;
  }
  const env = containerEnv(context, {
    ...record.spec,
    env: [...record.spec.env, ...values(parsed, '-e', '--env')],
  });
  const log = store.logFile(record.spec.name);
  const cwd = store.rootDir(record.spec.name);
  const argv = cmd.map((arg) =>
    arg
      .replace(/(^|[\s"'=>])\/tmp\//g, `$1${cwd}/tmp/`)
      .replaceAll('/proc/1/fd/1', log)
      .replaceAll('/proc/1/fd/2', log),
  );
  const [program = '', ...rest] = argv;
  if (has(parsed, '-d', '--detach')) {
    const pid = spawnDetached(context.spark.stateDir, program, rest, { cwd, env, stdio: 'ignore' });
    store.addExec(record.spec.name, pid);
    return 0;
  }
  return new Promise<number>((resolve) => {
    const child = spawn(program, rest, { cwd, env, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.out(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => io.err(chunk.toString('utf8')));
    child.on('error', () => {
      io.err(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
      );
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
  });
}
