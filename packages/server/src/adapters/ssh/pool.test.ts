import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  SshAbortedError,
  SshConnectError,
  SshDisconnectedError,
  SshHostKeyChangedError,
  SshTimeoutError,
} from './errors.js';
import { HostKeyStore, fingerprintOf } from './host-keys.js';
import { ControllerKey } from './keys.js';
import { SshPool, type SshLine } from './pool.js';
import { command, shellArg, type ShellCommand } from './shell.js';
import { TestSshServer } from './testing/ssh-server.js';
import ssh2 from 'ssh2';

let dir: string;
let home: string;
let key: ControllerKey;
let server: TestSshServer;
const pools: SshPool[] = [];
let poolCount = 0;

function newPool(options: Partial<ConstructorParameters<typeof SshPool>[0]> = {}): SshPool {
  const pool = new SshPool({
    key,
    hostKeys: new HostKeyStore(join(dir, `known_hosts-${(poolCount += 1)}.json`)),
    connectTimeoutMs: 3000,
    ...options,
  });
  pools.push(pool);
  return pool;
}

function publicBlob(privateKey: string): Buffer {
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  return parsed.getPublicSSH();
}

function spark(port = server.port, id = 'spark-1') {
  return { id, host: '127.0.0.1', sshPort: port, sshUser: 'spark' };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssh-pool-'));
  home = join(dir, 'home');
  key = await ControllerKey.load(join(dir, 'controller'));
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(join(home, '.ssh', 'authorized_keys'), `${key.publicKey()}\n`);
  server = await TestSshServer.start({ home });
});

afterEach(() => {
  for (const pool of pools.splice(0)) pool.closeAll();
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SshPool.exec', () => {
  it('returns code, stdout and stderr and streams complete lines', async () => {
    const pool = newPool();
    const out: string[] = [];
    const err: string[] = [];
    const result = await pool.exec(spark(), command`printf 'one\\ntwo\\r\\nthree'; echo oops >&2; exit 3`, {
      onStdoutLine: (line) => out.push(line),
      onStderrLine: (line) => err.push(line),
    });
    expect(result).toEqual({ code: 3, signal: null, stdout: 'one\ntwo\r\nthree', stderr: 'oops\n' });
    expect(out).toEqual(['one', 'two', 'three']);
    expect(err).toEqual(['oops']);
  });

  it('joins lines and characters split across chunks', async () => {
    const chunked = await TestSshServer.start({
      home,
      onExec: (_command, channel) => {
        const bytes = Buffer.from('héllo wo', 'utf8');
        const parts = [
          bytes.subarray(0, 2),
          bytes.subarray(2),
          Buffer.from('rld\npart'),
          Buffer.from('ial\n€'.slice(0, 5)),
        ];
        const euro = Buffer.from('€');
        parts.push(euro.subarray(0, 1), euro.subarray(1));
        let delay = 0;
        for (const part of parts) setTimeout(() => channel.write(part), (delay += 15));
        setTimeout(() => {
          channel.exit(0);
          channel.end();
        }, delay + 15);
        return true;
      },
    });
    try {
      const lines: string[] = [];
      const result = await newPool().exec(spark(chunked.port, 'chunky'), command`anything`, {
        onStdoutLine: (l) => lines.push(l),
      });
      expect(lines).toEqual(['héllo world', 'partial', '€€']);
      expect(result.stdout).toBe('héllo world\npartial\n€€');
    } finally {
      await chunked.close();
    }
  });

  it("reads the exit code of a command that answers in the same packet burst as the channel's opening", async () => {
    // Output, exit status and end written in the tick that accepts the exec: the client reads them
    // together with the exec's success.
    const instant = await TestSshServer.start({
      home,
      onExec: (_command, channel) => {
        channel.write('done\n');
        channel.exit(3);
        channel.end();
        return true;
      },
    });
    try {
      const pool = newPool();
      const results = await Promise.all(
        Array.from({ length: 40 }, () => pool.exec(spark(instant.port, 'instant'), command`anything`)),
      );
      for (const result of results) expect(result).toMatchObject({ code: 3, stdout: 'done\n' });
    } finally {
      await instant.close();
    }
  });

  it('reports a signal death as signal, not code', async () => {
    const result = await newPool().exec(spark(), command`kill -TERM $$`);
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('reuses one connection per Spark', async () => {
    const pool = newPool();
    const before = server.connections;
    await Promise.all([1, 2, 3].map((n) => pool.exec(spark(), command`echo ${n}`)));
    await pool.exec(spark(), command`true`);
    expect(server.connections - before).toBe(1);
  });

  it('queues commands beyond the channel limit instead of failing', async () => {
    const pool = newPool({ maxChannelsPerConnection: 2 });
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, n) => pool.exec(spark(), command`sleep 0.05; echo ${n}`)),
    );
    expect(results.map((r) => r.stdout.trim())).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('times out, signals the remote command and closes the channel', async () => {
    const pool = newPool();
    await pool.exec(spark(), command`true`);
    const started = Date.now();
    const lines: string[] = [];
    const error = await pool
      .exec(spark(), command`echo started; sleep 5`, {
        timeoutMs: 1000,
        onStdoutLine: (line) => lines.push(line),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshTimeoutError);
    expect(lines).toEqual(['started']);
    expect(Date.now() - started).toBeLessThan(4000);
    await expect.poll(() => server.signals).toContain('TERM');
    expect((await pool.exec(spark(), command`echo still-usable`)).stdout).toBe('still-usable\n');
  });

  it('aborts with the signal, also when already aborted', async () => {
    const pool = newPool();
    const controller = new AbortController();
    const pending = pool.exec(spark(), command`sleep 5`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toBeInstanceOf(SshAbortedError);
    await expect(pool.exec(spark(), command`true`, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      SshAbortedError,
    );
  });

  it('fails with SshDisconnectedError when the connection drops, then reconnects on next use', async () => {
    const pool = newPool();
    await pool.exec(spark(), command`true`);
    const before = server.connections;
    const pending = pool.exec(spark(), command`sleep 5`);
    setTimeout(() => server.dropConnections(), 150);
    await expect(pending).rejects.toBeInstanceOf(SshDisconnectedError);
    expect((await pool.exec(spark(), command`echo back`)).stdout).toBe('back\n');
    expect(server.connections - before).toBe(1);
  });

  it("keeps one connection per user of a Spark: neither user cuts the other one's long command", async () => {
    const pool = newPool();
    const controller = spark();
    const bot = { ...spark(), sshUser: 'bot' };
    const before = server.connections;
    const long = [controller, bot].map((target) =>
      pool.exec(target, command`sleep 0.6; echo ${shellArg.unixUser(target.sshUser)} done`),
    );
    // Short commands of both users in between, as the hardware card and the health check run them.
    for (let round = 0; round < 3; round++) {
      for (const target of [bot, controller])
        expect((await pool.exec(target, command`echo hi`)).code).toBe(0);
    }
    expect((await Promise.all(long)).map((result) => result.stdout)).toEqual(['spark done\n', 'bot done\n']);
    expect(server.connections - before).toBe(2);
  });

  it('retain closes the connections of targets no longer in use, and only those', async () => {
    const other = await TestSshServer.start({ home, hostKey: server.hostKey });
    try {
      const pool = newPool();
      const bot = { ...spark(), sshUser: 'bot' };
      await pool.exec(spark(), command`true`);
      await pool.exec(bot, command`true`);
      const moved = spark(other.port);
      const pending = pool.exec(moved, command`echo started; sleep 5`).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const before = server.connections;
      // The Spark moved back to the first port; the bot still logs in there.
      pool.retain([spark(), bot]);
      expect(await pending).toBeInstanceOf(SshDisconnectedError);
      expect((await pool.exec(bot, command`echo kept`)).stdout).toBe('kept\n');
      expect((await pool.exec(spark(), command`echo kept`)).stdout).toBe('kept\n');
      expect(server.connections - before).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("close(sparkId) closes the Spark's connections of every user", async () => {
    const pool = newPool();
    const bot = { ...spark(), sshUser: 'bot' };
    const pending = [spark(), bot].map((target) =>
      pool.exec(target, command`sleep 5`).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    pool.close(spark().id);
    for (const result of await Promise.all(pending)) expect(result).toBeInstanceOf(SshDisconnectedError);
  });

  it('accepts only commands built by the shell module', async () => {
    const forged = { text: 'echo forged' } as unknown as ShellCommand;
    await expect(newPool().exec(spark(), forged)).rejects.toThrow(/shell module/);
  });

  it('a throwing line callback fails the command instead of the process', async () => {
    const error = await newPool()
      .exec(spark(), command`echo a; sleep 5`, {
        onStdoutLine: () => {
          throw new Error('consumer broke');
        },
      })
      .catch((e: unknown) => e);
    expect(error).toHaveProperty('message', 'consumer broke');
  });
});

describe('SshPool connect errors', () => {
  let blackhole: Server;
  const held: Socket[] = [];
  beforeAll(async () => {
    blackhole = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => blackhole.close(resolve));
  });

  it('refused', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as { port: number }).port;
    await new Promise((resolve) => free.close(resolve));
    await expect(newPool().exec(spark(port), command`true`)).rejects.toMatchObject({ reason: 'refused' });
  });

  it('timeout when the peer never answers', async () => {
    const port = (blackhole.address() as { port: number }).port;
    const error = await newPool({ connectTimeoutMs: 300 })
      .exec(spark(port), command`true`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshConnectError);
    expect(error).toMatchObject({ reason: 'timeout', sparkId: 'spark-1' });
  });

  it('auth when the key is not authorized', async () => {
    const stranger = mkdtempSync(join(dir, 'stranger-'));
    const other = await TestSshServer.start({ home: stranger });
    try {
      const error = await newPool()
        .exec(spark(other.port), command`true`)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshConnectError);
      const { reason, message } = error as SshConnectError;
      expect(reason).toBe('auth');
      expect(message).toMatch(/copy it to the Spark/);
    } finally {
      await other.close();
    }
  });

  it('pins the host key, refuses a changed one naming both fingerprints, and trusts it again on request', async () => {
    const hostKeysFile = join(dir, 'pinning.json');
    const pool = newPool({ hostKeys: new HostKeyStore(hostKeysFile) });
    await pool.exec(spark(server.port, 'pinned'), command`true`);
    const pinnedFingerprint = fingerprintOf(publicBlob(server.hostKey));
    expect(JSON.parse(readFileSync(hostKeysFile, 'utf8'))).toMatchObject({
      pinned: { fingerprint: pinnedFingerprint, port: server.port },
    });

    const impostor = await TestSshServer.start({ home });
    try {
      const error = await pool.exec(spark(impostor.port, 'pinned'), command`true`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshHostKeyChangedError);
      const changed = error as SshHostKeyChangedError;
      expect(changed.reason).toBe('host-key-changed');
      expect(changed.message).toContain('"pinned"');
      expect(changed.message).toContain(pinnedFingerprint);
      expect(changed.message).toContain(changed.actualFingerprint);
      expect(changed.actualFingerprint).not.toBe(pinnedFingerprint);
      expect(impostor.commands).toEqual([]);

      await pool.trustHostKey('pinned');
      expect((await pool.exec(spark(impostor.port, 'pinned'), command`echo trusted`)).stdout).toBe(
        'trusted\n',
      );
      expect(JSON.parse(readFileSync(hostKeysFile, 'utf8'))).toMatchObject({
        pinned: { fingerprint: changed.actualFingerprint },
      });
    } finally {
      await impostor.close();
    }
  });
});

describe('SshPool.stream', () => {
  async function collect(
    lines: AsyncIterable<SshLine>,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<SshLine[]> {
    const seen: SshLine[] = [];
    for await (const line of lines) {
      seen.push(line);
      if (seen.length >= limit) break;
    }
    return seen;
  }

  it('yields lines until the remote command ends, then the result', async () => {
    const stream = newPool().stream(
      spark(),
      command`for i in 1 2 3; do echo out$i; sleep 0.02; done; echo err >&2; exit 1`,
    );
    expect(await collect(stream)).toEqual([
      { stream: 'stdout', line: 'out1' },
      { stream: 'stdout', line: 'out2' },
      { stream: 'stdout', line: 'out3' },
      { stream: 'stderr', line: 'err' },
    ]);
    await expect(stream.result).resolves.toMatchObject({ code: 1 });
  });

  it('ends quietly when the signal aborts', async () => {
    const controller = new AbortController();
    const stream = newPool().stream(spark(), command`while true; do echo tick; sleep 0.05; done`, {
      signal: controller.signal,
    });
    let lines = 0;
    for await (const line of stream) {
      expect(line).toEqual({ stream: 'stdout', line: 'tick' });
      if ((lines += 1) === 2) controller.abort();
    }
    expect(lines).toBe(2);
    await expect(stream.result).rejects.toBeInstanceOf(SshAbortedError);
  });

  it('stops the remote command when the consumer breaks out', async () => {
    const stream = newPool().stream(spark(), command`while true; do echo tick; sleep 0.02; done`);
    expect(await collect(stream, 3)).toHaveLength(3);
    await expect(stream.result).rejects.toBeInstanceOf(SshAbortedError);
  });

  it('keeps every line of a fast producer (flow control)', async () => {
    const stream = newPool().stream(spark(), command`seq 1 20000`);
    const lines = await collect(stream);
    expect(lines).toHaveLength(20000);
    expect(lines.at(-1)).toEqual({ stream: 'stdout', line: '20000' });
  });

  it('throws from the iteration when the connection drops', async () => {
    const stream = newPool().stream(spark(), command`while true; do echo tick; sleep 0.05; done`);
    setTimeout(() => server.dropConnections(), 200);
    await expect(collect(stream)).rejects.toBeInstanceOf(SshDisconnectedError);
  });

  it('validated values reach the remote shell intact', async () => {
    const path = shellArg.remotePath('~/models/x_y+z');
    const result = await newPool().exec(spark(), command`printf %s ${path}`);
    expect(result.stdout).toBe(`${home}/models/x_y+z`);
  });
});
