import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyPublicKey } from './copy-key.js';
import { SshConnectError, SshTimeoutError } from './errors.js';
import { HostKeyStore } from './host-keys.js';
import { ControllerKey } from './keys.js';
import { SshPool } from './pool.js';
import { command } from './shell.js';
import { TestSshServer } from './testing/ssh-server.js';

const PASSWORD = 'correct horse battery staple';
let dir: string;
let home: string;
let key: ControllerKey;
let hostKeys: HostKeyStore;
let server: TestSshServer;

function spark() {
  return { id: 'spark-2', host: '127.0.0.1', sshPort: server.port, sshUser: 'spark' };
}

function authorizedKeys(): string {
  return readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssh-copy-'));
  home = join(dir, 'home');
  mkdirSync(home);
  key = await ControllerKey.load(join(dir, 'controller'));
  hostKeys = new HostKeyStore(join(dir, 'known_hosts.json'));
  server = await TestSshServer.start({ home, password: PASSWORD });
});

beforeEach(() => rmSync(join(home, '.ssh'), { recursive: true, force: true }));

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('copyPublicKey', () => {
  it('adds the key with 700/600 permissions, then key login works', async () => {
    const pool = new SshPool({ key, hostKeys });
    await expect(pool.exec(spark(), command`true`)).rejects.toMatchObject({ reason: 'auth' });

    const result = await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys });
    expect(result).toEqual({ added: true, fingerprint: key.fingerprint() });
    expect(authorizedKeys()).toBe(`${key.publicKey()}\n`);
    expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.ssh', 'authorized_keys')).mode & 0o777).toBe(0o600);
    expect((await pool.exec(spark(), command`echo by-key`)).stdout).toBe('by-key\n');
    pool.closeAll();
  });

  it('is idempotent, also when the key is there under another comment', async () => {
    await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys });
    const again = await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys });
    expect(again.added).toBe(false);
    expect(authorizedKeys()).toBe(`${key.publicKey()}\n`);

    writeFileSync(
      join(home, '.ssh', 'authorized_keys'),
      `${key.publicKey().replace(/ spark-control$/, ' me@laptop')}\n`,
    );
    expect((await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys })).added).toBe(false);
  });

  it('keeps existing keys and starts a new line after a file without a final newline', async () => {
    mkdirSync(join(home, '.ssh'), { mode: 0o755 });
    const existing = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExistingKeyExistingKeyExistingKeyExist other@host';
    writeFileSync(join(home, '.ssh', 'authorized_keys'), existing, { mode: 0o644 });
    await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys });
    expect(authorizedKeys()).toBe(`${existing}\n${key.publicKey()}\n`);
    expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.ssh', 'authorized_keys')).mode & 0o777).toBe(0o600);
  });

  it('a wrong password is an auth error that does not contain the password', async () => {
    const wrong = 'hunter2-wrong-password';
    const error = await copyPublicKey({ spark: spark(), password: wrong, key, hostKeys }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SshConnectError);
    expect(error).toMatchObject({ reason: 'auth' });
    expect(
      JSON.stringify(error) + String((error as Error).message) + String((error as Error).stack),
    ).not.toContain(wrong);
  });

  it('gives up with SshTimeoutError when the Spark never finishes the script', async () => {
    const hung = await TestSshServer.start({ home, password: PASSWORD, onExec: () => true });
    try {
      const target = { ...spark(), id: 'hung', sshPort: hung.port };
      await expect(
        copyPublicKey({ spark: target, password: PASSWORD, key, hostKeys, timeoutMs: 500 }),
      ).rejects.toBeInstanceOf(SshTimeoutError);
    } finally {
      await hung.close();
    }
  });

  it('runs only the shell-module script with the password, then a key-login check', async () => {
    const before = server.commands.length;
    await copyPublicKey({ spark: spark(), password: PASSWORD, key, hostKeys });
    const ran = server.commands.slice(before);
    expect(ran).toHaveLength(2);
    expect(ran[0]).toMatch(/^umask 077 && mkdir -p "\$HOME"\/'\.ssh' /);
    expect(ran[1]).toBe('true');
  });
});
