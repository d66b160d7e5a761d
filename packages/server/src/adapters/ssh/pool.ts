import type { Client, ClientChannel } from 'ssh2';
import type { Logger } from '../logger.js';
import { Cancellation } from './cancellation.js';
import { openConnection, type SshTarget } from './connect.js';
import { SshDisconnectedError, SshError } from './errors.js';
import type { HostKeyStore } from './host-keys.js';
import type { ControllerKey } from './keys.js';
import { LineCollector } from './lines.js';
import { ShellCommand } from './shell.js';
import { lineStream, type SshStream } from './stream.js';

export type { SshLine, SshStream } from './stream.js';

export interface ExecOptions {
  /** Whole-command deadline, connecting included; the channel is closed when it passes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

export interface ExecResult {
  /** Exit code, or null when the command died of a signal or reported none. */
  code: number | null;
  /** `SIGTERM`, … when the remote command was killed by a signal. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

export interface SshPoolOptions {
  key: ControllerKey;
  hostKeys: HostKeyStore;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  /** OpenSSH allows 10 sessions per connection (MaxSessions); more commands wait for a free one. */
  maxChannelsPerConnection?: number;
  defaultTimeoutMs?: number;
  /** Kept of each of stdout and stderr; older output is dropped. */
  maxOutputChars?: number;
  log?: Logger;
}

interface RunOptions extends ExecOptions {
  maxOutputChars: number;
  onChannel?: (channel: ClientChannel) => void;
}

interface Connection {
  readonly sparkId: string;
  readonly key: string;
  ready: Promise<Client>;
  client: Client | undefined;
  closed: boolean;
  lastError: Error | undefined;
  active: number;
  readonly waiting: (() => void)[];
}

function targetKey(target: SshTarget): string {
  return JSON.stringify([target.id, target.host, target.sshPort, target.sshUser]);
}

function stop(channel: ClientChannel): void {
  // TERM reaches the remote command (OpenSSH relays signal requests); closing frees the channel.
  channel.signal('TERM');
  channel.close();
}

/**
 * One pooled SSH connection per target (Spark, user, host and port), opened on first use with the
 * controller's key and reopened on the next use after a drop. Two users of one Spark (the
 * controller's and the bot's) have a connection each, and neither ever closes the other's: only
 * `retain`, `close` and `trustHostKey` close connections, and commands still running on a closed
 * one fail with `SshDisconnectedError`.
 */
export class SshPool {
  readonly #options: Required<Omit<SshPoolOptions, 'log'>> & { log: Logger | undefined };
  readonly #connections = new Map<string, Connection>();

  constructor(options: SshPoolOptions) {
    this.#options = {
      connectTimeoutMs: 10_000,
      keepaliveIntervalMs: 15_000,
      keepaliveCountMax: 3,
      maxChannelsPerConnection: 8,
      defaultTimeoutMs: 60_000,
      maxOutputChars: 4 * 1024 * 1024,
      ...options,
      log: options.log,
    };
  }

  /**
   * Runs a command and collects its output, streaming lines to the callbacks as they arrive.
   *
   * @example
   * const { code, stdout } = await pool.exec(spark, command`docker ps --format ${format}`, { timeoutMs: 10_000 });
   */
  exec(target: SshTarget, cmd: ShellCommand, options: ExecOptions = {}): Promise<ExecResult> {
    return this.#run(target, cmd, {
      ...options,
      timeoutMs: options.timeoutMs ?? this.#options.defaultTimeoutMs,
      maxOutputChars: this.#options.maxOutputChars,
    });
  }

  /** Runs a long-lived command and yields its lines until it exits, or until `signal` aborts. */
  stream(
    target: SshTarget,
    cmd: ShellCommand,
    options: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): SshStream {
    return lineStream(
      (hooks) =>
        this.#run(target, cmd, {
          timeoutMs: options.timeoutMs,
          signal: hooks.signal,
          maxOutputChars: 64 * 1024,
          onStdoutLine: (line) => hooks.line({ stream: 'stdout', line }),
          onStderrLine: (line) => hooks.line({ stream: 'stderr', line }),
          onChannel: hooks.channel,
        }),
      options.signal,
    );
  }

  /** Forgets the pinned host key of a Spark (the user trusts its new key) and drops its connection. */
  async trustHostKey(sparkId: string): Promise<void> {
    await this.#options.hostKeys.forget(sparkId);
    this.close(sparkId);
  }

  /** Closes the connections of every target not in `targets` (a Spark gone, moved, or a user changed). */
  retain(targets: readonly SshTarget[]): void {
    const wanted = new Set(targets.map(targetKey));
    for (const conn of [...this.#connections.values()]) {
      if (!wanted.has(conn.key)) this.#close(conn);
    }
  }

  /** Closes every connection to a Spark, whatever the user. */
  close(sparkId: string): void {
    for (const conn of [...this.#connections.values()]) {
      if (conn.sparkId === sparkId) this.#close(conn);
    }
  }

  closeAll(): void {
    for (const conn of [...this.#connections.values()]) this.#close(conn);
  }

  #close(conn: Connection): void {
    conn.closed = true;
    this.#forget(conn);
    conn.client?.end();
  }

  #forget(conn: Connection): void {
    if (this.#connections.get(conn.key) === conn) this.#connections.delete(conn.key);
  }

  #connection(target: SshTarget): Connection {
    const key = targetKey(target);
    const existing = this.#connections.get(key);
    if (existing && !existing.closed) return existing;
    const conn: Connection = {
      sparkId: target.id,
      key,
      ready: Promise.resolve(undefined as unknown as Client),
      client: undefined,
      closed: false,
      lastError: undefined,
      active: 0,
      waiting: [],
    };
    const {
      key: controllerKey,
      hostKeys,
      connectTimeoutMs,
      keepaliveIntervalMs,
      keepaliveCountMax,
      log,
    } = this.#options;
    conn.ready = openConnection({
      target,
      auth: { privateKey: controllerKey.privateKeyForConnection() },
      hostKeys,
      timeoutMs: connectTimeoutMs,
      keepaliveIntervalMs,
      keepaliveCountMax,
    }).then(
      (client) => {
        if (conn.closed) {
          client.end();
          throw new SshDisconnectedError(target.id);
        }
        conn.client = client;
        client.on('error', (error: Error) => (conn.lastError = error));
        client.on('close', () => {
          conn.closed = true;
          this.#forget(conn);
          log?.info({ sparkId: target.id, user: target.sshUser }, 'ssh connection closed');
        });
        log?.info(
          { sparkId: target.id, user: target.sshUser, host: target.host, port: target.sshPort },
          'ssh connected',
        );
        return client;
      },
      (error: unknown) => {
        conn.closed = true;
        this.#forget(conn);
        log?.warn(
          { sparkId: target.id, user: target.sshUser, reason: (error as { reason?: string }).reason },
          'ssh connect failed',
        );
        throw error;
      },
    );
    conn.ready.catch(() => undefined);
    this.#connections.set(key, conn);
    return conn;
  }

  async #run(target: SshTarget, cmd: ShellCommand, options: RunOptions): Promise<ExecResult> {
    if (!(cmd instanceof ShellCommand))
      throw new TypeError('SSH commands must be built with the shell module');
    const cancel = new Cancellation(target.id, options.timeoutMs, options.signal);
    let release: (() => void) | undefined;
    try {
      if (cancel.error) throw cancel.error;
      const conn = this.#connection(target);
      const client = await cancel.race(conn.ready);
      release = await this.#acquire(conn, cancel);
      // The outcome is collected from inside exec's callback: ssh2 may emit a short command's output,
      // 'exit' and even 'close' in the same read as the channel's opening, before an await resumes.
      let collecting: Promise<ExecResult> | undefined;
      const opened = this.#open(conn, client, cmd, (channel) => {
        options.onChannel?.(channel);
        collecting = this.#collect(conn, channel, cancel, options);
        collecting.catch(() => undefined);
      });
      await cancel.race(opened, (late) => late.close());
      if (!collecting) throw new Error('ssh2 opened a channel without calling back');
      return await collecting;
    } finally {
      release?.();
      cancel.dispose();
    }
  }

  #acquire(conn: Connection, cancel: Cancellation): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      conn.active -= 1;
      conn.waiting.shift()?.();
    };
    if (conn.active < this.#options.maxChannelsPerConnection) {
      conn.active += 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      let unsubscribe = () => undefined as unknown;
      const grant = () => {
        unsubscribe();
        conn.active += 1;
        resolve(release);
      };
      conn.waiting.push(grant);
      unsubscribe = cancel.onCancel((error) => {
        conn.waiting.splice(conn.waiting.indexOf(grant), 1);
        reject(error);
      });
    });
  }

  #open(
    conn: Connection,
    client: Client,
    cmd: ShellCommand,
    onOpen: (channel: ClientChannel) => void,
  ): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      const failed = (cause: unknown) =>
        conn.closed
          ? new SshDisconnectedError(conn.sparkId, { cause })
          : new SshError(conn.sparkId, `could not start a command on Spark "${conn.sparkId}"`, { cause });
      try {
        client.exec(cmd.text, (error, channel) => {
          if (error) return reject(failed(error));
          onOpen(channel);
          resolve(channel);
        });
      } catch (error) {
        reject(failed(error));
      }
    });
  }

  #collect(
    conn: Connection,
    channel: ClientChannel,
    cancel: Cancellation,
    options: RunOptions,
  ): Promise<ExecResult> {
    return new Promise<ExecResult>((resolve, reject) => {
      const stdout = new LineCollector(options.onStdoutLine, options.maxOutputChars);
      const stderr = new LineCollector(options.onStderrLine, options.maxOutputChars);
      let exit: { code: number | null; signal: string | null } | undefined;
      let done = false;
      let unsubscribe = () => undefined as unknown;
      const finish = (error: Error | undefined) => {
        if (done) return;
        done = true;
        unsubscribe();
        if (error) reject(error);
        else
          resolve({
            code: exit?.code ?? null,
            signal: exit?.signal ?? null,
            stdout: stdout.text,
            stderr: stderr.text,
          });
      };
      // A throwing line callback must not escape into ssh2's event emitter.
      const guarded = (collector: LineCollector) => (chunk: Buffer) => {
        try {
          collector.push(chunk);
        } catch (error) {
          stop(channel);
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      };
      channel.on('data', guarded(stdout));
      channel.stderr.on('data', guarded(stderr));
      channel.on('exit', (code: number | null, signal?: string) => {
        exit = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
      });
      // ssh2 emits 'close' after 'exit' (and after stdout ended); read the outcome there.
      channel.on('close', () => {
        const settle = () => {
          try {
            stdout.end();
            stderr.end();
          } catch (error) {
            finish(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (!exit && conn.closed) finish(new SshDisconnectedError(conn.sparkId, { cause: conn.lastError }));
          else finish(undefined);
        };
        if (channel.stderr.readableEnded) settle();
        else channel.stderr.once('end', settle);
      });
      unsubscribe = cancel.onCancel((error) => {
        stop(channel);
        finish(error);
      });
    });
  }
}
