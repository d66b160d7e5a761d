import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { sleep } from '../processes.js';
import { has, last, LOGS_VALUE_FLAGS, noSuchContainer, parse, type Io } from './args.js';
import { dockerTimestamp, parseDockerTime, readLogIndex } from './log-index.js';
import type { ContainerStore } from './store.js';

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

interface FollowOptions {
  tail?: number;
  sinceMs?: number;
  untilMs?: number;
  timestamps?: boolean;
  follow?: boolean;
}

/** Writes a container's log; with `follow`, until the container stops (or `untilMs`). */
export async function followLogs(
  store: ContainerStore,
  name: string,
  io: Io,
  options: FollowOptions = { follow: true },
): Promise<void> {
  const { sinceMs, untilMs } = options;
  const emit = (lines: LogLine[]) => {
    const shown = lines.filter(
      (line) =>
        (sinceMs === undefined || line.at >= sinceMs) && (untilMs === undefined || line.at <= untilMs),
    );
    if (shown.length > 0)
      io.out(
        shown
          .map((line) => `${options.timestamps ? `${dockerTimestamp(line.at)} ` : ''}${line.text}\n`)
          .join(''),
      );
  };
  const file = store.logFile(name);
  const first = readLines(file, 0, !options.follow);
  emit(
    options.tail === undefined
      ? first.lines
      : first.lines.slice(Math.max(0, first.lines.length - options.tail)),
  );
  if (!options.follow) return;
  let position = first.next;
  for (;;) {
    const current = store.get(name);
    const stopped =
      !current || current.status !== 'running' || (untilMs !== undefined && Date.now() > untilMs);
    const chunk = readLines(file, position, stopped);
    position = chunk.next;
    emit(chunk.lines);
    if (stopped) return;
    await sleep(100);
  }
}

/** `docker logs [--tail N] [-f] [-t] [--since T] [--until T] NAME`. */
export async function logs(store: ContainerStore, args: string[], io: Io): Promise<number> {
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
  const tail = last(parsed, '--tail', '-n');
  await followLogs(store, record.spec.name, io, {
    ...(tail === undefined || tail === 'all' ? {} : { tail: Number(tail) }),
    ...(sinceMs === undefined ? {} : { sinceMs }),
    ...(untilMs === undefined ? {} : { untilMs }),
    timestamps: has(parsed, '-t', '--timestamps'),
    follow: has(parsed, '-f', '--follow'),
  });
  return 0;
}
