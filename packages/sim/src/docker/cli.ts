import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { SparkContext } from '../layout.js';
import { sleep, spawnDetached } from '../processes.js';
import { psObject, inspectObject, renderTemplate } from './format.js';
import { containerEnv, imageId, mainProcessFor } from './images.js';
import { dockerTimestamp, parseDockerTime, readLogIndex } from './log-index.js';
import { ContainerStore, type RunSpec } from './store.js';
import { composeCommand } from './compose.js';

/** Where a docker command writes; the CLI passes process.stdout/stderr, the launcher its own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** docker run/exec flags that take a value (everything else starting with `-` is a switch). */
const RUN_VALUE_FLAGS = new Set([
  '--name',
  '-e',
  '--env',
  '-v',
  '--volume',
  '--network',
  '--net',
  '-p',
  '--publish',
  '--entrypoint',
  '--ulimit',
  '--ipc',
  '--gpus',
  '-w',
  '--workdir',
  '--label',
  '-l',
  '--shm-size',
  '--restart',
  '-u',
  '--user',
  '--env-file',
  '--device',
  '--cap-add',
  '--cap-drop',
  '--hostname',
  '-h',
  '--pid',
  '--runtime',
  '--memory',
  '-m',
  '--cpus',
  '--log-driver',
  '--log-opt',
  '--security-opt',
  '--mount',
  '--health-cmd',
  '--platform',
  '--pull',
  '--detach-keys',
]);
const PS_VALUE_FLAGS = new Set(['--filter', '-f', '--format', '-n', '--last']);
const INSPECT_VALUE_FLAGS = new Set(['-f', '--format', '--type']);
const LOGS_VALUE_FLAGS = new Set(['--tail', '-n', '--since', '--until']);
const STOP_VALUE_FLAGS = new Set(['-t', '--time', '-s', '--signal']);

interface Parsed {
  flags: Map<string, string[]>;
  positional: string[];
}

/** Parses `[flags] positional…`; flags stop at the first positional when `stopAtPositional` (run, exec). */
function parse(args: string[], valueFlags: Set<string>, stopAtPositional: boolean): Parsed {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const add = (flag: string, value: string) => flags.set(flag, [...(flags.get(flag) ?? []), value]);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (positional.length > 0 && stopAtPositional) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      positional.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith('--') && arg.includes('=')) {
      const at = arg.indexOf('=');
      add(arg.slice(0, at), arg.slice(at + 1));
    } else if (valueFlags.has(arg)) {
      add(arg, args[++index] ?? '');
    } else if (/^-[a-zA-Z]{2,}$/.test(arg)) {
      for (const letter of arg.slice(1)) add(`-${letter}`, 'true');
    } else if (arg.startsWith('-') && arg !== '-') {
      add(arg, 'true');
    } else {
      positional.push(arg);
    }
  }
  return { flags, positional };
}

function has(parsed: Parsed, ...names: string[]): boolean {
  return names.some((name) => parsed.flags.has(name));
}

function values(parsed: Parsed, ...names: string[]): string[] {
  return names.flatMap((name) => parsed.flags.get(name) ?? []);
}

function last(parsed: Parsed, ...names: string[]): string | undefined {
  return values(parsed, ...names).at(-1);
}

function noSuchContainer(io: Io, name: string): number {
  io.err(`Error response from daemon: No such container: ${name}\n`);
  return 1;
}

/** Runs one docker command line (`docker` already stripped) on a simulated Spark; resolves to its exit code. */
export async function dockerCommand(
  context: SparkContext,
  argv: string[],
  io: Io = processIo,
): Promise<number> {
  const store = new ContainerStore(context.spark.stateDir);
  let [command, ...args] = argv;
  if (command === 'container') [command, ...args] = args;
  if (command === 'image' && args[0] === 'inspect') return imageInspect(context, args.slice(1), io);
  switch (command) {
    case 'run':
      return run(context, store, args, io);
    case 'ps':
      return ps(store, args, io);
    case 'ls':
      return ps(store, args, io);
    case 'inspect':
      return inspect(store, args, io);
    case 'logs':
      return logs(store, args, io);
    case 'stop':
    case 'kill':
    case 'start':
    case 'restart':
    case 'rm':
      return lifecycle(context, store, command, args, io);
    case 'exec':
      return exec(context, store, args, io);
    case 'compose':
      return composeCommand(context, store, args, io);
    case 'version':
    case '--version':
      io.out('Docker version 28.5.1, build e180ab8 (simulated)\n');
      return 0;
    default:
      io.err(
        `docker: unknown command: docker ${command ?? ''}\n\nRun 'docker --help' for more information\n`,
      );
      return 1;
  }
}

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

async function run(context: SparkContext, store: ContainerStore, args: string[], io: Io): Promise<number> {
  const parsedRun = parseRunSpec(args);
  if (typeof parsedRun === 'string') {
    io.err(`docker: ${parsedRun}\nSee 'docker run --help'.\n`);
    return 125;
  }
  const { spec, detach } = parsedRun;
  if (!imageId(context, spec.image)) {
    io.err(
      `Unable to find image '${spec.image}' locally\ndocker: Error response from daemon: pull access denied for ${spec.image}, repository does not exist or may require 'docker login'.\n`,
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
  const record = store.run(spec, mainProcessFor(context, spec));
  if (detach) {
    io.out(`${record.id}\n`);
    return 0;
  }
  // Foreground run: follow the log until the container stops, then report its exit code.
  await logs(store, ['-f', spec.name], io);
  const final = store.get(spec.name);
  return final?.exitCode ?? 0;
}

function ps(store: ContainerStore, args: string[], io: Io): number {
  const parsed = parse(args, PS_VALUE_FLAGS, false);
  const all = has(parsed, '-a', '--all');
  const filters = values(parsed, '--filter', '-f');
  let nameFilters: RegExp[];
  try {
    nameFilters = filters
      .filter((filter) => filter.startsWith('name='))
      .map((filter) => new RegExp(filter.slice(5)));
  } catch (error) {
    io.err(`Error response from daemon: ${(error as Error).message}\n`);
    return 1;
  }
  const statusFilters = filters
    .filter((filter) => filter.startsWith('status='))
    .map((filter) => filter.slice(7));
  const containers = store
    .list()
    .filter((record) => all || statusFilters.length > 0 || record.status === 'running')
    // Docker matches the name filter as an unanchored regex against the name with and without its "/".
    .filter(
      (record) =>
        nameFilters.length === 0 ||
        nameFilters.some((regex) => regex.test(record.spec.name) || regex.test(`/${record.spec.name}`)),
    )
    .filter((record) => statusFilters.length === 0 || statusFilters.includes(record.status))
    .reverse();
  const format = last(parsed, '--format');
  const quiet = has(parsed, '-q', '--quiet');
  if (quiet) {
    for (const record of containers) io.out(`${record.id.slice(0, 12)}\n`);
    return 0;
  }
  if (format) {
    for (const record of containers) io.out(`${renderTemplate(format, psObject(record))}\n`);
    return 0;
  }
  const rows = containers.map((record) => psObject(record));
  const columns: [string, string][] = [
    ['CONTAINER ID', 'ID'],
    ['IMAGE', 'Image'],
    ['COMMAND', 'Command'],
    ['CREATED', 'RunningFor'],
    ['STATUS', 'Status'],
    ['PORTS', 'Ports'],
    ['NAMES', 'Names'],
  ];
  const widths = columns.map(
    ([title, key]) => Math.max(title.length, ...rows.map((row) => (row[key] ?? '').length)) + 3,
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('')
      .trimEnd();
  io.out(`${line(columns.map(([title]) => title))}\n`);
  for (const row of rows) io.out(`${line(columns.map(([, key]) => row[key] ?? ''))}\n`);
  return 0;
}

function inspect(store: ContainerStore, args: string[], io: Io): number {
  const parsed = parse(args, INSPECT_VALUE_FLAGS, false);
  const format = last(parsed, '-f', '--format');
  const found: Record<string, unknown>[] = [];
  let code = 0;
  for (const name of parsed.positional) {
    const record = store.get(name);
    if (!record) {
      io.err(`Error: No such object: ${name}\n`);
      code = 1;
      continue;
    }
    found.push(inspectObject(record));
  }
  if (format) {
    for (const object of found) io.out(`${renderTemplate(format, object)}\n`);
  } else {
    io.out(`${JSON.stringify(found, null, 4)}\n`);
  }
  return code;
}

function imageInspect(context: SparkContext, args: string[], io: Io): number {
  const parsed = parse(args, INSPECT_VALUE_FLAGS, false);
  const format = last(parsed, '-f', '--format');
  let code = 0;
  const found: Record<string, unknown>[] = [];
  for (const image of parsed.positional) {
    const id = imageId(context, image);
    if (!id) {
      io.err(`Error response from daemon: No such image: ${image}\n`);
      code = 1;
      continue;
    }
    found.push({
      Id: id,
      RepoTags: [image.includes(':') ? image : `${image}:latest`],
      Architecture: 'arm64',
      Os: 'linux',
    });
  }
  if (format) for (const object of found) io.out(`${renderTemplate(format, object)}\n`);
  else io.out(`${JSON.stringify(found, null, 4)}\n`);
  return code;
}

interface LogLine {
  offset: number;
  text: string;
  /** When the line appeared (from the log index; read time for lines not indexed yet). */
  at: number;
}

/** Lines of a container log from byte `from`; a trailing partial line only when `final`. */
function readLines(file: string, from: number, final: boolean): { lines: LogLine[]; next: number } {
  let buffer: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = statSync(file).size;
      buffer = Buffer.alloc(Math.max(0, size - from));
      readSync(fd, buffer, 0, buffer.length, from);
    } finally {
      closeSync(fd);
    }
  } catch {
    return { lines: [], next: from };
  }
  const times = readLogIndex(file);
  const now = Date.now();
  const lines: LogLine[] = [];
  let start = 0;
  for (let index = 0; index < buffer.length; index++) {
    if (buffer[index] !== 0x0a) continue;
    lines.push({
      offset: from + start,
      text: buffer.subarray(start, index).toString('utf8'),
      at: times.get(from + start) ?? now,
    });
    start = index + 1;
  }
  if (final && start < buffer.length) {
    lines.push({
      offset: from + start,
      text: buffer.subarray(start).toString('utf8'),
      at: times.get(from + start) ?? now,
    });
    start = buffer.length;
  }
  return { lines, next: from + start };
}

async function logs(store: ContainerStore, args: string[], io: Io): Promise<number> {
  const parsed = parse(args, LOGS_VALUE_FLAGS, false);
  const name = parsed.positional[0];
  if (!name) {
    io.err('"docker logs" requires exactly 1 argument.\n');
    return 1;
  }
  const record = store.get(name);
  if (!record) return noSuchContainer(io, name);
  const since = last(parsed, '--since');
  const until = last(parsed, '--until');
  const sinceMs = since === undefined ? undefined : parseDockerTime(since);
  const untilMs = until === undefined ? undefined : parseDockerTime(until);
  if ((since !== undefined && sinceMs === undefined) || (until !== undefined && untilMs === undefined)) {
    io.err(
      `invalid value for "since": failed to parse value as time or duration: "${since ?? until ?? ''}"\n`,
    );
    return 1;
  }
  const timestamps = has(parsed, '-t', '--timestamps');
  const follow = has(parsed, '-f', '--follow');
  const emit = (lines: LogLine[]) => {
    const shown = lines.filter(
      (line) =>
        (sinceMs === undefined || line.at >= sinceMs) && (untilMs === undefined || line.at <= untilMs),
    );
    if (shown.length > 0)
      io.out(
        shown.map((line) => `${timestamps ? `${dockerTimestamp(line.at)} ` : ''}${line.text}\n`).join(''),
      );
  };
  const file = store.logFile(record.spec.name);
  const first = readLines(file, 0, !follow);
  const tail = last(parsed, '--tail', '-n');
  emit(
    tail === undefined || tail === 'all'
      ? first.lines
      : first.lines.slice(Math.max(0, first.lines.length - Number(tail))),
  );
  if (!follow) return 0;
  // -f ends when the container stops (or at --until).
  let position = first.next;
  for (;;) {
    const current = store.get(record.spec.name);
    const stopped =
      !current || current.status !== 'running' || (untilMs !== undefined && Date.now() > untilMs);
    const chunk = readLines(file, position, stopped);
    position = chunk.next;
    emit(chunk.lines);
    if (stopped) return 0;
    await sleep(100);
  }
}

async function lifecycle(
  context: SparkContext,
  store: ContainerStore,
  command: string,
  args: string[],
  io: Io,
): Promise<number> {
  const parsed = parse(args, STOP_VALUE_FLAGS, false);
  const graceMs = command === 'kill' ? 0 : Number(last(parsed, '-t', '--time') ?? 10) * 1000;
  let code = 0;
  for (const name of parsed.positional) {
    const record = store.get(name);
    if (!record) {
      code = noSuchContainer(io, name);
      continue;
    }
    if (command === 'stop' || command === 'kill') {
      if (command === 'kill' && record.status !== 'running') {
        io.err(
          `Error response from daemon: cannot kill container: ${name}: container ${record.id} is not running\n`,
        );
        code = 1;
        continue;
      }
      await store.stop(name, graceMs);
    } else if (command === 'rm') {
      if (record.status === 'running' && !has(parsed, '-f', '--force')) {
        io.err(
          `Error response from daemon: cannot remove container "/${record.spec.name}": container is running: stop the container before removing or force remove\n`,
        );
        code = 1;
        continue;
      }
      await store.stop(name, 0, { keep: true });
      store.remove(record.spec.name);
    } else {
      if (command === 'restart' && record.status === 'running')
        await store.stop(name, graceMs, { keep: true });
      const current = store.get(name) ?? record;
      if (current.status !== 'running')
        store.write(store.startMain(current, mainProcessFor(context, current.spec)));
    }
    io.out(`${name}\n`);
  }
  return code;
}

async function exec(context: SparkContext, store: ContainerStore, args: string[], io: Io): Promise<number> {
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
  // Inside the container, PID 1's stdout is the container log.
  const log = store.logFile(record.spec.name);
  const cwd = store.rootDir(record.spec.name);
  // …and its /tmp is private to the container.
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
