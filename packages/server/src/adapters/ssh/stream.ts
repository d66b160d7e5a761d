import type { ClientChannel } from 'ssh2';
import { SshAbortedError } from './errors.js';
import type { ExecResult } from './pool.js';

export interface SshLine {
  stream: 'stdout' | 'stderr';
  line: string;
}

/** Lines of a long-running command (`docker logs -f`); iteration ends when it exits or is aborted. */
export interface SshStream extends AsyncIterable<SshLine> {
  /** Settles when the command ends: its exit, or the error (`SshAbortedError` after an abort). */
  readonly result: Promise<ExecResult>;
}

export interface StreamHooks {
  /** Aborted by the caller's signal, or when the consumer stops iterating early. */
  signal: AbortSignal;
  line: (line: SshLine) => void;
  channel: (channel: ClientChannel) => void;
}

const HIGH_WATER = 2000;

/**
 * Turns a running command into an async iterable of its lines. A slow consumer pauses the
 * channel at `HIGH_WATER` queued lines (SSH flow control) instead of buffering without bound.
 */
export function lineStream(
  start: (hooks: StreamHooks) => Promise<ExecResult>,
  signal?: AbortSignal,
): SshStream {
  const queue: SshLine[] = [];
  const stopper = new AbortController();
  let channel: ClientChannel | undefined;
  let paused = false;
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;

  const result = start({
    signal: signal ? AbortSignal.any([signal, stopper.signal]) : stopper.signal,
    line: (line) => {
      queue.push(line);
      if (queue.length >= HIGH_WATER && channel && !paused) {
        paused = true;
        channel.pause();
        channel.stderr.pause();
      }
      wake?.();
    },
    channel: (opened) => (channel = opened),
  });
  result
    .then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof SshAbortedError)) failure = error as Error;
      },
    )
    .finally(() => {
      finished = true;
      wake?.();
    });

  return {
    result,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const next = queue.shift();
          if (next) {
            yield next;
            if (paused && queue.length < HIGH_WATER / 2) {
              paused = false;
              channel?.resume();
              channel?.stderr.resume();
            }
          } else if (finished) {
            if (failure) throw failure;
            return;
          } else {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = undefined;
          }
        }
      } finally {
        // The consumer stopped early (break, return): end the remote command too.
        if (!finished) stopper.abort();
      }
    },
  };
}
