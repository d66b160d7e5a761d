import type { Readable } from 'node:stream';

export type RelayOutcome = 'complete' | 'upstream-error' | 'client-gone';

/** Where a relay writes: node's `ServerResponse`, or any writable stream. */
export interface RelaySink {
  readonly destroyed: boolean;
  write(chunk: Buffer): boolean;
  end(chunk?: Buffer): unknown;
  destroy(): unknown;
  on(event: 'drain', listener: () => void): unknown;
  once(event: 'close', listener: () => void): unknown;
}

export interface RelayOptions {
  /** What to write of each chunk (e.g. whole events only); an empty buffer writes nothing. */
  frame?: ((chunk: Buffer) => Buffer) | undefined;
  /** At the upstream's end: a reason to treat the body as cut off (e.g. no closing event), else undefined. */
  cutOff?: (() => Error | undefined) | undefined;
  /** The last bytes written when the upstream fails (e.g. an error event); without them the sink is destroyed. */
  failure?: ((error: Error) => Buffer | undefined) | undefined;
  onEnd?: ((outcome: RelayOutcome, error?: Error) => void) | undefined;
}

/**
 * Writes an upstream body onto a sink as it comes, chunk by chunk: a full sink pauses the upstream
 * (backpressure), a sink that closes first (the client went away) destroys the upstream body, and
 * an upstream that fails or breaks off ends the sink with `failure`'s bytes or destroys it.
 */
export function relay(body: Readable, sink: RelaySink, options: RelayOptions = {}): void {
  let finished = false;
  const finish = (outcome: RelayOutcome, error?: Error) => {
    if (finished) return false;
    finished = true;
    options.onEnd?.(outcome, error);
    return true;
  };
  const failed = (error: Error) => {
    if (finished) return;
    const last = sink.destroyed ? undefined : options.failure?.(error);
    if (last) sink.end(last);
    else sink.destroy();
    finish('upstream-error', error);
  };
  body.on('data', (chunk: Buffer) => {
    const data = options.frame ? options.frame(chunk) : chunk;
    if (data.length > 0 && !sink.write(data)) body.pause();
  });
  sink.on('drain', () => body.resume());
  body.once('end', () => {
    const cut = options.cutOff?.();
    if (cut) {
      failed(cut);
      return;
    }
    sink.end();
    finish('complete');
  });
  body.once('error', failed);
  body.once('close', () => {
    if (!body.readableEnded) failed(new Error('connection lost'));
  });
  sink.once('close', () => {
    if (finish('client-gone')) body.destroy();
  });
}
