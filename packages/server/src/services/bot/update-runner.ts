import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import {
  SshAbortedError,
  SshError,
  SshTimeoutError,
  type ShellCommand,
  type SshPool,
} from '../../adapters/ssh/index.js';
import type { BotPlace } from './bot.js';
import { lastLines } from './last-lines.js';

/** An update (git pull + image rebuild) that runs longer than this is stopped and reported. */
export const UPDATE_CAP_MS = 25 * 60 * 1000;
const LINES_KEPT = 1000;

export interface BotRun {
  runId: string;
  startedAt: string;
  endedAt: string | null;
  state: 'running' | 'succeeded' | 'failed' | 'timeout';
  message: string;
  lines: { stream: 'stdout' | 'stderr'; line: string }[];
}

export interface BotUpdateRunnerOptions {
  pool: Pick<SshPool, 'exec'>;
  bus: EventBus;
  log: Logger;
  /** Injectable for tests; 25 minutes in production. */
  updateCapMs?: number | undefined;
  now: () => Date;
}

/**
 * Runs one bot update at a time over SSH: its output goes to the bus as `bot.output` lines and
 * its end as `bot.update` (`succeeded`, `failed`, or `timeout` when the cap stopped it).
 */
export class BotUpdateRunner {
  readonly #options: BotUpdateRunnerOptions;
  #run: BotRun | undefined;
  #running: Promise<void> | undefined;
  #abort: AbortController | undefined;

  constructor(options: BotUpdateRunnerOptions) {
    this.#options = options;
  }

  /** The current or last update, with its output. */
  get lastRun(): BotRun | undefined {
    return this.#run;
  }

  get running(): boolean {
    return this.#run?.state === 'running';
  }

  /** Starts `script` on the bot's Spark and returns at once; `announce` is the `started` message. */
  start(place: BotPlace, script: ShellCommand, announce: string): BotRun {
    const run: BotRun = {
      runId: randomUUID(),
      startedAt: this.#options.now().toISOString(),
      endedAt: null,
      state: 'running',
      message: '',
      lines: [],
    };
    this.#run = run;
    this.#abort = new AbortController();
    this.#publishUpdate(run, 'started', announce);
    this.#running = this.#update(place, script, run, this.#abort.signal);
    return run;
  }

  /** Resolves when the running update (if any) has ended. */
  async settled(): Promise<BotRun | undefined> {
    await this.#running;
    return this.#run;
  }

  /** Stops a running update (server shutdown). */
  async close(): Promise<void> {
    this.#abort?.abort();
    await this.#running;
  }

  async #update(place: BotPlace, script: ShellCommand, run: BotRun, signal: AbortSignal): Promise<void> {
    const capMs = this.#options.updateCapMs ?? UPDATE_CAP_MS;
    const started = Date.now();
    const line = (stream: 'stdout' | 'stderr') => (text: string) => {
      run.lines.push({ stream, line: text });
      if (run.lines.length > LINES_KEPT) run.lines.shift();
      this.#options.bus.publish({
        type: 'bot.output',
        at: this.#options.now().toISOString(),
        runId: run.runId,
        stream,
        line: text,
      });
    };
    try {
      const result = await this.#options.pool.exec(place.target, script, {
        timeoutMs: capMs,
        signal,
        onStdoutLine: line('stdout'),
        onStderrLine: line('stderr'),
      });
      if (result.code === 0) {
        this.#finish(run, 'succeeded', `updated in ${Math.round((Date.now() - started) / 1000)} s`);
      } else {
        this.#finish(
          run,
          'failed',
          `update failed (exit ${result.code ?? result.signal ?? 'none'}): ${lastLines(result.stderr || result.stdout)}`,
        );
      }
    } catch (error) {
      if (error instanceof SshTimeoutError) {
        this.#finish(
          run,
          'timeout',
          `update stopped: it ran longer than the ${formatDuration(capMs)} cap. The bot may be half-updated; check its logs and state before retrying.`,
        );
      } else if (error instanceof SshAbortedError) {
        this.#finish(run, 'failed', 'update aborted (the server is shutting down)');
      } else {
        this.#finish(
          run,
          'failed',
          `update failed: ${error instanceof SshError ? error.message : 'SSH command failed'}`,
        );
      }
    }
  }

  #finish(run: BotRun, state: 'succeeded' | 'failed' | 'timeout', message: string): void {
    run.state = state;
    run.message = message;
    run.endedAt = this.#options.now().toISOString();
    if (state === 'succeeded') this.#options.log.info({ runId: run.runId }, message);
    else this.#options.log.error({ runId: run.runId, state }, `bot ${message}`);
    this.#publishUpdate(run, state, message);
  }

  #publishUpdate(run: BotRun, state: 'started' | 'succeeded' | 'failed' | 'timeout', message: string): void {
    this.#options.bus.publish({
      type: 'bot.update',
      at: this.#options.now().toISOString(),
      runId: run.runId,
      state,
      message,
    });
  }
}

function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}-minute`;
  return `${Math.round(ms / 100) / 10}-second`;
}
