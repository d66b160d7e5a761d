import type { BotContainerState, BotView, Settings } from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import {
  command,
  shellArg,
  SshError,
  type ExecResult,
  type ShellCommand,
  type SshPool,
  type SshTarget,
} from '../../adapters/ssh/index.js';
import { DomainError } from '../domain-error.js';
import { lastLines } from './last-lines.js';
import { BotUpdateRunner, type BotRun } from './update-runner.js';
import type { SettingsSource } from '../settings-source.js';

export { UPDATE_CAP_MS, type BotRun } from './update-runner.js';

const COMMAND_TIMEOUT_MS = 60_000;
const STATES: readonly BotContainerState[] = ['running', 'exited', 'created', 'restarting', 'paused', 'dead'];

const notConfigured = (message = 'no bot is configured (set bot.user in Configure Sparks)') =>
  new DomainError('CONFLICT', message);

/** A docker command on the bot's Spark failed; `output` is its last lines. */
function commandFailed(action: string, code: number | null, output: string): DomainError {
  return new DomainError(
    'UPSTREAM_FAILED',
    `${action} failed (exit ${code ?? 'none'})${output ? `: ${output}` : ''}`,
  );
}

export interface BotPlace {
  target: SshTarget;
  sparkId: string;
  container: string;
  dir: string;
  branch: string;
}

/** Where the bot runs: its Spark (bot.sparkId, else the first one), logged in as bot.user. */
export function botPlace(settings: Settings): BotPlace | undefined {
  const { bot } = settings;
  if (!bot.user) return undefined;
  const spark = bot.sparkId
    ? settings.sparks.find((candidate) => candidate.id === bot.sparkId)
    : settings.sparks[0];
  if (!spark) return undefined;
  return {
    target: { id: spark.id, host: spark.host, sshPort: spark.sshPort, sshUser: bot.user },
    sparkId: spark.id,
    container: bot.container,
    dir: bot.dir,
    branch: bot.branch,
  };
}

export interface BotServiceOptions {
  pool: Pick<SshPool, 'exec' | 'stream'>;
  settings: SettingsSource;
  bus: EventBus;
  log: Logger;
  /** Injectable for tests; 25 minutes in production. */
  updateCapMs?: number;
  now?: () => Date;
}

/**
 * The bot tile's operations over SSH: docker state, update (git pull + `docker compose up -d
 * --build`, streamed on the bus, capped), restart, stop, start and the container log.
 */
export class BotService {
  readonly #options: BotServiceOptions;
  readonly #updates: BotUpdateRunner;

  constructor(options: BotServiceOptions) {
    this.#options = options;
    this.#updates = new BotUpdateRunner({
      pool: options.pool,
      bus: options.bus,
      log: options.log,
      updateCapMs: options.updateCapMs,
      now: () => this.#now(),
    });
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  #place(): BotPlace {
    const place = botPlace(this.#options.settings.current);
    if (!place) throw notConfigured();
    return place;
  }

  async view(): Promise<BotView> {
    const place = botPlace(this.#options.settings.current);
    const run = this.#updates.lastRun;
    const update = {
      running: this.#updates.running,
      runId: run?.runId ?? null,
      startedAt: run?.startedAt ?? null,
    };
    if (!place) {
      return {
        configured: false,
        sparkId: null,
        container: this.#options.settings.current.bot.container,
        state: 'unknown',
        detail: 'no bot is configured',
        update,
      };
    }
    const { state, detail } = await this.#dockerState(place);
    return { configured: true, sparkId: place.sparkId, container: place.container, state, detail, update };
  }

  async #dockerState(place: BotPlace): Promise<{ state: BotContainerState; detail: string }> {
    try {
      const result = await this.#options.pool.exec(
        place.target,
        command`docker inspect --format '{{.State.Status}}' ${shellArg.container(place.container)}`,
        { timeoutMs: 15_000 },
      );
      const status = result.stdout.trim();
      if (result.code === 0) {
        const known = STATES.find((state) => state === status);
        return known ? { state: known, detail: status } : { state: 'unknown', detail: status || 'no state' };
      }
      if (/no such (object|container)/i.test(result.stderr))
        return { state: 'absent', detail: 'no such container' };
      return { state: 'unknown', detail: lastLines(result.stderr) || `docker inspect exited ${result.code}` };
    } catch (error) {
      return { state: 'unknown', detail: error instanceof SshError ? error.message : 'SSH command failed' };
    }
  }

  /** The current or last update, with its output. */
  lastRun(): BotRun | undefined {
    return this.#updates.lastRun;
  }

  /**
   * Starts an update and returns at once; output goes to the bus as `bot.output` lines and
   * the end as `bot.update` (`succeeded`, `failed`, or `timeout` when the cap stopped it).
   */
  startUpdate(): BotRun {
    const place = this.#place();
    if (!place.dir) throw notConfigured('bot.dir is not set, so there is no checkout to update');
    if (this.#updates.running) throw new DomainError('CONFLICT', 'a bot update is already running');
    const dir = shellArg.remotePath(place.dir);
    const branch = shellArg.gitBranch(place.branch);
    const script = command`cd ${dir} && git fetch --prune origin ${branch} && git pull --ff-only origin ${branch} && docker compose up -d --build`;
    return this.#updates.start(
      place,
      script,
      `updating ${place.container} on ${place.sparkId} (branch ${place.branch})`,
    );
  }

  /** Resolves when the running update (if any) has ended. */
  async settled(): Promise<BotRun | undefined> {
    return this.#updates.settled();
  }

  async restart(): Promise<BotView> {
    return this.#docker('restart', (container) => command`docker restart ${container}`);
  }

  async stop(): Promise<BotView> {
    return this.#docker('stop', (container) => command`docker stop ${container}`);
  }

  async start(): Promise<BotView> {
    return this.#docker('start', (container) => command`docker start ${container}`);
  }

  async #docker(
    action: string,
    build: (container: ReturnType<typeof shellArg.container>) => ShellCommand,
  ): Promise<BotView> {
    const place = this.#place();
    const result = await this.#command(place.target, build(shellArg.container(place.container)));
    if (result.code !== 0) throw commandFailed(`docker ${action}`, result.code, lastLines(result.stderr));
    return this.view();
  }

  /** The last `tail` lines of the container log (stdout and stderr interleaved as docker keeps them). */
  async logs(tail: number): Promise<string[]> {
    const place = this.#place();
    const result = await this.#command(
      place.target,
      command`docker logs --tail ${Math.floor(tail)} ${shellArg.container(place.container)} 2>&1`,
    );
    if (result.code !== 0) throw commandFailed('docker logs', result.code, lastLines(result.stdout));
    return result.stdout.split('\n').filter((entry, index, all) => entry !== '' || index < all.length - 1);
  }

  /** Follows the container log (`docker logs -f`) until `signal` aborts; yields each line. */
  follow(tail: number, signal: AbortSignal): AsyncIterable<string> {
    const place = this.#place();
    const stream = this.#options.pool.stream(
      place.target,
      command`docker logs -f --tail ${Math.floor(tail)} ${shellArg.container(place.container)} 2>&1`,
      { signal },
    );
    return (async function* () {
      for await (const entry of stream) yield entry.line;
    })();
  }

  /** A docker command on the bot's Spark; a Spark that cannot be reached is an upstream failure. */
  async #command(target: SshTarget, cmd: ShellCommand): Promise<ExecResult> {
    try {
      return await this.#options.pool.exec(target, cmd, { timeoutMs: COMMAND_TIMEOUT_MS });
    } catch (error) {
      if (error instanceof SshError)
        throw new DomainError('UPSTREAM_FAILED', error.message, { cause: error });
      throw error;
    }
  }

  /** Stops a running update (server shutdown). */
  async close(): Promise<void> {
    await this.#updates.close();
  }
}
