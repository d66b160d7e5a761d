import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs';
import { join } from 'node:path';

/** Sidecar of a container log: one `<byte offset of the line> <epoch ms when it appeared>` per line. */
export function logIndexFile(logFile: string): string {
  return `${logFile}.idx`;
}

/** Times of the log's lines (by start offset), as recorded by the indexer. */
export function readLogIndex(logFile: string): Map<number, number> {
  const times = new Map<number, number>();
  let text = '';
  try {
    text = readFileSync(logIndexFile(logFile), 'utf8');
  } catch {
    return times;
  }
  for (const line of text.split('\n')) {
    const [offset, at] = line.split(' ');
    if (offset !== undefined && at !== undefined) times.set(Number(offset), Number(at));
  }
  return times;
}

/**
 * Watches the container logs of one Spark and records when each line appeared, which docker keeps per line and
 * `docker logs -t/--since/--until` need. Processes write the logs directly, so this runs beside them (in the
 * orchestrator) and stamps lines within one poll interval.
 */
export class LogIndexer {
  private readonly seen = new Map<string, { size: number; lineStart: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly containersDir: string,
    readonly intervalMs = 200,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.scan(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  scan(now = Date.now()): void {
    let entries: string[] = [];
    try {
      entries = readdirSync(this.containersDir).filter((entry) => entry.endsWith('.log'));
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = join(this.containersDir, entry);
      try {
        this.index(file, now);
      } catch (error) {
        // `docker rm` may delete the log (or its index) while we read it: the container is gone.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.seen.delete(file);
      }
    }
  }

  private index(file: string, now: number): void {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      let state = this.seen.get(file);
      // A log that shrank or lost its index was recreated by a new `docker run`.
      if (!state || size < state.size || (state.size > 0 && !existsSync(logIndexFile(file))))
        state = { size: 0, lineStart: 0 };
      if (size > state.size) {
        const buffer = Buffer.alloc(size - state.size);
        readSync(fd, buffer, 0, buffer.length, state.size);
        let records = '';
        let lineStart = state.lineStart;
        for (let index = 0; index < buffer.length; index++) {
          if (buffer[index] !== 0x0a) continue;
          records += `${lineStart} ${now}\n`;
          lineStart = state.size + index + 1;
        }
        if (records !== '') appendFileSync(logIndexFile(file), records);
        state = { size, lineStart };
      }
      this.seen.set(file, state);
    } finally {
      closeSync(fd);
    }
  }
}

/** Parses docker's `--since`/`--until`: RFC 3339, Unix seconds, or a duration before now (`10m`, `1h30m`). */
export function parseDockerTime(value: string, now = Date.now()): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const duration = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(
    value,
  );
  if (duration && value !== '') {
    const [, h = '0', m = '0', s = '0', ms = '0'] = duration;
    return now - (Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms));
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Docker's RFC 3339 with nanoseconds: `2026-11-21T06:10:08.123000000Z`. */
export function dockerTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
