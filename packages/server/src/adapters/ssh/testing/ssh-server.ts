import { spawn } from 'node:child_process';
import { generatePrivateKey } from '../keys.js';
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import ssh2, { type ServerChannel } from 'ssh2';

export interface TestSshServerOptions {
  /** The user's home: commands run there, and `~/.ssh/authorized_keys` decides key logins. */
  home: string;
  /** OpenSSH private key of the server; a fresh ed25519 key when absent. */
  hostKey?: string;
  password?: string;
  port?: number;
  /** Handles an exec request itself (return true) instead of running it through /bin/sh. */
  onExec?: (command: string, channel: ServerChannel) => boolean;
}

function authorizedBlobs(home: string): Buffer[] {
  let lines: string[];
  try {
    lines = readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8').split('\n');
  } catch {
    return [];
  }
  const blobs: Buffer[] = [];
  for (const line of lines) {
    const key = ssh2.utils.parseKey(line.trim());
    if (!(key instanceof Error)) blobs.push(key.getPublicSSH());
  }
  return blobs;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * An ssh2 server on 127.0.0.1 for adapter tests: key login from `~/.ssh/authorized_keys`,
 * optional password and keyboard-interactive login, and exec requests run by a real `/bin/sh`.
 */
export class TestSshServer {
  readonly hostKey: string;
  readonly commands: string[] = [];
  readonly signals: string[] = [];
  connections = 0;
  readonly #server: ssh2.Server;
  readonly #sockets = new Set<Socket>();
  #port = 0;

  private constructor(readonly options: TestSshServerOptions) {
    this.hostKey = options.hostKey ?? generatePrivateKey();
    this.#server = new ssh2.Server({ hostKeys: [this.hostKey] }, (client) => {
      this.connections += 1;
      // ssh2 keeps the TCP socket private; tests cut it to simulate a crash.
      const socket = (client as unknown as { _sock: Socket })._sock;
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => {
        if (ctx.method === 'publickey') {
          const allowed = authorizedBlobs(options.home).some((blob) => blob.equals(ctx.key.data));
          const parsed = ssh2.utils.parseKey(ctx.key.data);
          if (!allowed || parsed instanceof Error) return ctx.reject();
          if (!ctx.signature || !ctx.blob) return ctx.accept();
          return parsed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) ? ctx.accept() : ctx.reject();
        }
        if (ctx.method === 'password' && options.password !== undefined) {
          return sameText(ctx.password, options.password) ? ctx.accept() : ctx.reject();
        }
        return ctx.reject(options.password === undefined ? ['publickey'] : ['publickey', 'password']);
      });
      client.on('session', (accept) => {
        const session = accept();
        session.on('exec', (acceptExec, _reject, info) => {
          const channel = acceptExec();
          this.commands.push(info.command);
          if (options.onExec?.(info.command, channel)) return;
          this.#runShell(info.command, channel, session);
        });
      });
    });
  }

  static async start(options: TestSshServerOptions): Promise<TestSshServer> {
    const server = new TestSshServer(options);
    await server.listen(options.port ?? 0);
    return server;
  }

  get port(): number {
    return this.#port;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(port, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as { port: number }).port;
  }

  /** Cuts every client connection at the TCP level, as a crashed or rebooted Spark would. */
  dropConnections(): void {
    for (const socket of this.#sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #runShell(command: string, channel: ServerChannel, session: NodeJS.EventEmitter): void {
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: this.options.home,
      env: { HOME: this.options.home, PATH: '/usr/local/bin:/usr/bin:/bin' },
    });
    child.stdout.pipe(channel, { end: false });
    child.stderr.pipe(channel.stderr, { end: false });
    session.on('signal', (_accept: unknown, _reject: unknown, info: { name: string }) => {
      this.signals.push(info.name);
      child.kill(`SIG${info.name}` as NodeJS.Signals);
    });
    channel.on('close', () => child.kill('SIGKILL'));
    child.on('close', (code, signal) => {
      if (signal) channel.exit(signal.replace(/^SIG/, ''), false, '');
      else channel.exit(code ?? 0);
      channel.end();
    });
    child.on('error', () => channel.close());
  }
}
