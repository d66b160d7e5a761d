import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import ssh2, { type Connection, type ServerChannel } from 'ssh2';
import { readFaults } from './faults.js';
import { type SparkContext, sparkEnv } from './layout.js';
import { writeMeminfo } from './memory.js';
import { killGroups, registerGroup, signalGroup, unregisterGroup } from './processes.js';
import { hostKey } from './sandbox.js';

const { Server, utils } = ssh2;

export interface SshServerOptions {
  context: SparkContext;
  /** Password accepted for any user (the controller's key-copy flow); password auth is off when absent. */
  password?: string;
  /** Only this login name is accepted; any name when absent. */
  username?: string;
}

export interface SimSshServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function authorizedKeys(home: string): ReturnType<typeof utils.parseKey>[] {
  let text = '';
  try {
    text = readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => utils.parseKey(line));
}

/**
 * The SSH server of one simulated Spark: every exec runs through `/bin/sh -c` in the sandbox home with the
 * fakes first on PATH, in its own process group, and reports the exit code or signal as sshd does.
 */
export async function startSshServer(options: SshServerOptions): Promise<SimSshServer> {
  const { context } = options;
  const { spark } = context;
  const sockets = new Set<Socket>();
  const groups = new Set<number>();
  let sentBytes = new WeakMap<Connection, number>();
  const socketOf = new WeakMap<Connection, Socket>();

  const ssh = new Server(
    { hostKeys: [hostKey(spark.stateDir)], ident: 'OpenSSH_9.6p1 Ubuntu-3ubuntu13.5' },
    (client: Connection, info) => {
      client.on('error', () => undefined);
      const socket = [...sockets].find(
        (candidate) => candidate.remotePort === info.port && candidate.remoteAddress === info.ip,
      );
      if (socket) socketOf.set(client, socket);
      let user = '';
      client.on('authentication', (auth) => {
        if (options.username !== undefined && auth.username !== options.username) return auth.reject();
        user = auth.username;
        if (auth.method === 'password') {
          const ok =
            options.password !== undefined &&
            sameBytes(Buffer.from(auth.password), Buffer.from(options.password));
          return ok ? auth.accept() : auth.reject(['publickey', 'password']);
        }
        if (auth.method === 'publickey') {
          const match = authorizedKeys(spark.home).find(
            (key) =>
              !(key instanceof Error) &&
              key.type === auth.key.algo &&
              sameBytes(key.getPublicSSH(), auth.key.data),
          );
          if (!match || match instanceof Error) return auth.reject(['publickey', 'password']);
          if (!auth.signature || !auth.blob) return auth.accept();
          return match.verify(auth.blob, auth.signature, auth.hashAlgo) === true
            ? auth.accept()
            : auth.reject();
        }
        return auth.reject(options.password === undefined ? ['publickey'] : ['publickey', 'password']);
      });
      client.on('ready', () => {
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          const sessionEnv: Record<string, string> = {};
          session.on('pty', (accept) => accept?.());
          session.on('env', (accept, _reject, info) => {
            sessionEnv[info.key] = info.val;
            accept?.();
          });
          session.on('exec', (accept, _reject, info) => {
            const channel = accept();
            // As sshd does; every user shares the Spark's one home here (docs/simulator.md).
            runExec(channel, info.command, { ...sessionEnv, USER: user, LOGNAME: user }, client);
          });
          session.on('shell', (_accept, reject) => reject());
          session.on('subsystem', (_accept, reject) => reject());
        });
      });
    },
  );

  /** Sends channel data, honouring the `sshDropAfterBytes` fault; false once the connection was cut. */
  function send(client: Connection, write: (chunk: Buffer) => void, chunk: Buffer): boolean {
    const limit = readFaults(spark.stateDir).sshDropAfterBytes;
    const sent = sentBytes.get(client) ?? 0;
    if (limit !== undefined && sent + chunk.length >= limit) {
      const allowed = Math.max(0, limit - sent);
      if (allowed > 0) write(chunk.subarray(0, allowed));
      sentBytes.set(client, limit);
      // Give the partial write a moment to reach the wire, then cut TCP without an SSH disconnect.
      setTimeout(() => socketOf.get(client)?.destroy(), 20);
      return false;
    }
    sentBytes.set(client, sent + chunk.length);
    write(chunk);
    return true;
  }

  function runExec(
    channel: ServerChannel,
    rawCommand: string,
    sessionEnv: Record<string, string>,
    client: Connection,
  ): void {
    let command = rawCommand;
    let refresh: NodeJS.Timeout | undefined;
    if (command.includes('/proc/meminfo')) {
      // The simulated meminfo is a file kept current while the command runs.
      const lag = context.config.memoryReleaseLagMs;
      command = command.replaceAll('/proc/meminfo', writeMeminfo(spark.stateDir, lag));
      refresh = setInterval(() => writeMeminfo(spark.stateDir, lag), 100);
    }
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: spark.home,
      env: { ...sparkEnv(context), ...sessionEnv },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const pgid = child.pid;
    if (pgid !== undefined) {
      groups.add(pgid);
      registerGroup(spark.stateDir, pgid, 'ssh-exec');
    }
    let finished = false;
    let cut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!cut) cut = !send(client, (data) => channel.write(data), chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (!cut) cut = !send(client, (data) => channel.stderr.write(data), chunk);
    });
    child.stdin.on('error', () => undefined);
    channel.on('data', (chunk: Buffer) => child.stdin.write(chunk));
    channel.on('eof', () => child.stdin.end());
    child.on('error', () => undefined);
    child.on('close', (code, signal) => {
      finished = true;
      clearInterval(refresh);
      if (pgid !== undefined) {
        groups.delete(pgid);
        unregisterGroup(spark.stateDir, pgid);
      }
      if (cut) return;
      try {
        if (signal) channel.exit(signal.replace(/^SIG/, ''), false, '');
        else channel.exit(code ?? 0);
        channel.end();
      } catch {
        // client already gone
      }
    });
    channel.on('close', () => {
      // The client went away: like sshd, take the command's process group down with it.
      if (!finished && pgid !== undefined) {
        signalGroup(pgid, 'SIGHUP');
        void killGroups([pgid], 30_000);
      }
    });
  }

  const server: NetServer = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // Blackhole: the port accepts and then says nothing, ever.
    if (readFaults(spark.stateDir).blackhole) return;
    ssh.injectSocket(socket);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(spark.sshPort, spark.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : spark.sshPort;

  return {
    host: spark.host,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await killGroups([...groups], 500);
      sentBytes = new WeakMap();
    },
  };
}
