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
export const RUN_VALUE_FLAGS = new Set([
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
  '--memory-swap',
  '--pids-limit',
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
export const PS_VALUE_FLAGS = new Set(['--filter', '-f', '--format', '-n', '--last']);
export const INSPECT_VALUE_FLAGS = new Set(['-f', '--format', '--type']);
export const LOGS_VALUE_FLAGS = new Set(['--tail', '-n', '--since', '--until']);
export const STOP_VALUE_FLAGS = new Set(['-t', '--time', '-s', '--signal']);

export interface Parsed {
  flags: Map<string, string[]>;
  positional: string[];
}

/** Parses `[flags] positional…`; flags stop at the first positional when `stopAtPositional` (run, exec). */
export function parse(args: string[], valueFlags: Set<string>, stopAtPositional: boolean): Parsed {
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

export function has(parsed: Parsed, ...names: string[]): boolean {
  return names.some((name) => parsed.flags.has(name));
}

export function values(parsed: Parsed, ...names: string[]): string[] {
  return names.flatMap((name) => parsed.flags.get(name) ?? []);
}

export function last(parsed: Parsed, ...names: string[]): string | undefined {
  return values(parsed, ...names).at(-1);
}

export function noSuchContainer(io: Io, name: string): number {
  io.err(`Error response from daemon: No such container: ${name}\n`);
  return 1;
}
