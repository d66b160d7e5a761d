import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommand } from '../../../test/support/system.js';
import { HostKeyStore } from './host-keys.js';
import { ControllerKey } from './keys.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssh-keys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ControllerKey', () => {
  it('generates an ed25519 key at first start with mode 0600 and keeps it afterwards', async () => {
    const keyDir = join(dir, 'first');
    const key = await ControllerKey.load(keyDir);
    expect(statSync(join(keyDir, 'id_ed25519')).mode & 0o777).toBe(0o600);
    expect(key.publicKey()).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/]+ spark-control$/);
    expect(readFileSync(join(keyDir, 'id_ed25519.pub'), 'utf8')).toBe(`${key.publicKey()}\n`);
    expect(key.fingerprint()).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    const again = await ControllerKey.load(keyDir);
    expect(again.fingerprint()).toBe(key.fingerprint());
  });

  it('tightens a key file that became readable by others', async () => {
    const keyDir = join(dir, 'loose');
    await ControllerKey.load(keyDir);
    chmodSync(join(keyDir, 'id_ed25519'), 0o644);
    await ControllerKey.load(keyDir);
    expect(statSync(join(keyDir, 'id_ed25519')).mode & 0o777).toBe(0o600);
  });

  it('never shows the private key when printed or serialised', async () => {
    const keyDir = join(dir, 'quiet');
    const key = await ControllerKey.load(keyDir);
    const secret = readFileSync(join(keyDir, 'id_ed25519'), 'utf8');
    const body = secret.split('\n')[1] ?? '';
    for (const shown of [
      inspect(key),
      JSON.stringify(key),
      `${inspect({ nested: key })}`,
      JSON.stringify({ nested: key }),
    ]) {
      expect(shown).not.toContain(body);
      expect(shown).not.toContain('PRIVATE KEY');
    }
    expect(JSON.stringify(key)).toBe(JSON.stringify({ fingerprint: key.fingerprint() }));
  });

  it('refuses a file that is not an ed25519 private key', async () => {
    const keyDir = join(dir, 'broken');
    await ControllerKey.load(keyDir);
    writeFileSync(join(keyDir, 'id_ed25519'), 'not a key');
    await expect(ControllerKey.load(keyDir)).rejects.toThrow(/not an unencrypted ed25519 private key/);
  });

  it.skipIf(!hasCommand('ssh-keygen'))('has the fingerprint ssh-keygen prints', async () => {
    const keyDir = join(dir, 'keygen');
    const key = await ControllerKey.load(keyDir);
    const printed = execFileSync('ssh-keygen', ['-lf', join(keyDir, 'id_ed25519.pub')]).toString();
    expect(printed.split(' ')[1]).toBe(key.fingerprint());
  });
});

describe('HostKeyStore', () => {
  it('pins on first use, persists, refuses another key and forgets on trust', async () => {
    const file = join(dir, 'hosts', 'known_hosts.json');
    const store = new HostKeyStore(file);
    const first = Buffer.from('first key');
    expect(await store.check('spark-1', first, { host: '10.0.0.2', port: 22 })).toEqual({
      ok: true,
      pinnedNow: true,
    });
    expect(await store.check('spark-1', first, { host: '10.0.0.2', port: 22 })).toEqual({
      ok: true,
      pinnedNow: false,
    });

    const reopened = new HostKeyStore(file);
    const changed = await reopened.check('spark-1', Buffer.from('second key'), {
      host: '10.0.0.2',
      port: 22,
    });
    expect(changed).toMatchObject({ ok: false });
    if (changed.ok) return;
    expect(changed.expected).not.toBe(changed.actual);
    expect((await reopened.pinned('spark-1'))?.fingerprint).toBe(changed.expected);

    await reopened.forget('spark-1');
    expect(await new HostKeyStore(file).pinned('spark-1')).toBeUndefined();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
