import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommand, systemComponent } from '../../../test/support/system.js';
import { copyPublicKey } from './copy-key.js';
import { SshAbortedError, SshHostKeyChangedError, SshTimeoutError } from './errors.js';
import { HostKeyStore } from './host-keys.js';
import { ControllerKey } from './keys.js';
import { SshPool, type SshLine } from './pool.js';
import { command, shellArg } from './shell.js';
import { freePort } from '@spark-control/sim';
import { Sshd, sshdUsable } from './testing/sshd.js';

const available = systemComponent(
  'sshd',
  sshdUsable(),
  'apt-get install openssh-server (and run as root for /run/sshd)',
);

/** Whether a process whose command line is exactly `argv` is alive (reads /proc, no tools needed). */
function running(argv: string[]): boolean {
  const wanted = `${argv.join('\0')}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .some((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === wanted;
      } catch {
        return false;
      }
    });
}

describe.skipIf(!available)('against OpenSSH sshd', () => {
  let dir: string;
  let port: number;
  let sshd: Sshd;
  let key: ControllerKey;
  let hostKeysFile: string;
  let pool: SshPool;
  const user = userInfo().username;
  const spark = () => ({ id: 'spark-real', host: '127.0.0.1', sshPort: port, sshUser: user });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openssh-'));
    port = await freePort();
    key = await ControllerKey.load(join(dir, 'controller'));
    writeFileSync(join(dir, 'authorized_keys'), `${key.publicKey()}\n`);
    hostKeysFile = join(dir, 'known_hosts.json');
    sshd = await Sshd.start({
      dir,
      port,
      hostKey: Sshd.hostKey(),
      authorizedKeysFiles: [join(dir, 'authorized_keys')],
    });
    pool = new SshPool({ key, hostKeys: new HostKeyStore(hostKeysFile), connectTimeoutMs: 5000 });
  });

  afterAll(async () => {
    pool.closeAll();
    await sshd.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a command: exit code, stdout, stderr, lines', async () => {
    const lines: string[] = [];
    const result = await pool.exec(spark(), command`echo hello; printf 'a\\nb'; echo err >&2; exit 4`, {
      onStdoutLine: (line) => lines.push(line),
    });
    expect(result).toEqual({ code: 4, signal: null, stdout: 'hello\na\nb', stderr: 'err\n' });
    expect(lines).toEqual(['hello', 'a', 'b']);
  });

  it('expands ~/ paths to the login home', async () => {
    const home = (await pool.exec(spark(), command`printf %s "$HOME"`)).stdout;
    const result = await pool.exec(
      spark(),
      command`printf %s ${shellArg.remotePath('~/spark-vllm-docker/launch-cluster.sh')}`,
    );
    expect(result.stdout).toBe(`${home}/spark-vllm-docker/launch-cluster.sh`);
  });

  it('streams lines as they come and ends with the remote command', async () => {
    const stream = pool.stream(spark(), command`for i in 1 2 3; do echo line$i; sleep 0.05; done`);
    const seen: SshLine[] = [];
    for await (const line of stream) seen.push(line);
    expect(seen.map((l) => l.line)).toEqual(['line1', 'line2', 'line3']);
    await expect(stream.result).resolves.toMatchObject({ code: 0 });
  });

  // Root logins are not privilege-separated, and OpenSSH relays signal requests only from
  // privilege-separated sessions; the non-root suite below checks that the command dies.
  it('times out and closes the channel', async () => {
    const started = Date.now();
    const error = await pool.exec(spark(), command`sleep 2.5`, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await pool.exec(spark(), command`echo next`)).stdout).toBe('next\n');
  });

  it('aborts a stream', async () => {
    const controller = new AbortController();
    const stream = pool.stream(
      spark(),
      command`for i in 1 2 3 4 5 6 7 8 9 10; do echo tick; sleep 0.1; done`,
      {
        signal: controller.signal,
      },
    );
    let ticks = 0;
    for await (const line of stream) {
      if (line.line === 'tick' && (ticks += 1) === 3) controller.abort();
    }
    expect(ticks).toBe(3);
    await expect(stream.result).rejects.toBeInstanceOf(SshAbortedError);
  });

  it('refuses a changed host key until it is trusted again', async () => {
    await pool.exec(spark(), command`true`);
    const pinned = JSON.parse(readFileSync(hostKeysFile, 'utf8')) as Record<string, { fingerprint: string }>;
    pool.closeAll();
    await sshd.stop();
    sshd = await Sshd.start({
      dir,
      port,
      hostKey: Sshd.hostKey(),
      authorizedKeysFiles: [join(dir, 'authorized_keys')],
    });

    const error = await pool.exec(spark(), command`true`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SshHostKeyChangedError);
    expect((error as Error).message).toContain('"spark-real"');
    expect((error as Error).message).toContain(pinned['spark-real']?.fingerprint);
    expect((error as SshHostKeyChangedError).actualFingerprint).not.toBe(pinned['spark-real']?.fingerprint);

    await pool.trustHostKey('spark-real');
    expect((await pool.exec(spark(), command`echo ok`)).stdout).toBe('ok\n');
  });
});

/** Key copy needs a password login: a throw-away local user, so only as root with useradd. */
const canAddUser =
  available &&
  process.getuid?.() === 0 &&
  hasCommand('useradd') &&
  hasCommand('chpasswd') &&
  hasCommand('userdel');
if (available && !canAddUser) console.warn('skipping real-sshd key copy: needs root with useradd/chpasswd');

describe.skipIf(!canAddUser)('copy key with a password against OpenSSH sshd', () => {
  const name = `sc${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  let dir: string;
  let home: string;
  let port: number;
  let sshd: Sshd;
  let key: ControllerKey;
  let hostKeys: HostKeyStore;
  let created = false;
  const spark = () => ({ id: 'spark-copy', host: '127.0.0.1', sshPort: port, sshUser: name });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openssh-copy-'));
    chmodSync(dir, 0o755);
    home = join(dir, 'home');
    execFileSync('useradd', ['--no-create-home', '--home-dir', home, '--shell', '/bin/sh', name]);
    created = true;
    execFileSync('chpasswd', { input: `${name}:${password}\n` });
    mkdirSync(home, { mode: 0o755 });
    const { uid, gid } = JSON.parse(
      execFileSync('sh', [
        '-c',
        `printf '{"uid":%s,"gid":%s}' "$(id -u ${name})" "$(id -g ${name})"`,
      ]).toString(),
    ) as {
      uid: number;
      gid: number;
    };
    chownSync(home, uid, gid);
    port = await freePort();
    key = await ControllerKey.load(join(dir, 'controller'));
    hostKeys = new HostKeyStore(join(dir, 'known_hosts.json'));
    sshd = await Sshd.start({
      dir,
      port,
      hostKey: Sshd.hostKey(),
      authorizedKeysFiles: ['.ssh/authorized_keys'],
      passwordAuthentication: true,
    });
  });

  afterAll(async () => {
    await sshd?.stop();
    try {
      if (created) execFileSync('userdel', [name]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('appends the key once with 700/600 and key login then works', async () => {
    const pool = new SshPool({ key, hostKeys });
    await expect(pool.exec(spark(), command`true`)).rejects.toMatchObject({ reason: 'auth' });

    expect(await copyPublicKey({ spark: spark(), password, key, hostKeys })).toMatchObject({ added: true });
    expect(await copyPublicKey({ spark: spark(), password, key, hostKeys })).toMatchObject({ added: false });
    expect(readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8')).toBe(`${key.publicKey()}\n`);
    expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.ssh', 'authorized_keys')).mode & 0o777).toBe(0o600);

    expect((await pool.exec(spark(), command`id -un`)).stdout).toBe(`${name}\n`);
    pool.closeAll();
    expect(sshd.log.join('\n')).not.toContain(password);
  });

  it('a timed-out or aborted command is terminated on the Spark (signal relayed by sshd)', async () => {
    await copyPublicKey({ spark: spark(), password, key, hostKeys });
    const pool = new SshPool({ key, hostKeys });
    try {
      await pool.exec(spark(), command`true`);
      const sleeper = ['sleep', '31.4159'];
      const lines: string[] = [];
      const error = await pool
        .exec(spark(), command`echo started; exec sleep 31.4159`, {
          timeoutMs: 1500,
          onStdoutLine: (line) => lines.push(line),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SshTimeoutError);
      expect(lines).toEqual(['started']);
      await expect.poll(() => running(sleeper), { timeout: 5000 }).toBe(false);

      const loop = ['sh', '-c', 'while :; do echo tick; sleep 0.05; done', 'spark-abort-test'];
      const controller = new AbortController();
      const stream = pool.stream(
        spark(),
        command`exec sh -c 'while :; do echo tick; sleep 0.05; done' spark-abort-test`,
        {
          signal: controller.signal,
        },
      );
      for await (const line of stream) if (line.line === 'tick') controller.abort();
      await expect(stream.result).rejects.toBeInstanceOf(SshAbortedError);
      await expect.poll(() => running(loop), { timeout: 5000 }).toBe(false);
    } finally {
      pool.closeAll();
    }
  });

  it('a wrong password is refused as an auth error', async () => {
    await expect(
      copyPublicKey({ spark: spark(), password: `${password}x`, key, hostKeys }),
    ).rejects.toMatchObject({ reason: 'auth' });
  });
});
