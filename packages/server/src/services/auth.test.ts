import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase } from '../../test/support/db.js';
import type { Database } from '../adapters/db/client.js';
import { AuditLog } from './audit.js';
import { AuthRepo } from './auth-repo.js';
import { AuthService, hasScope } from './auth.js';
import { AdminPassword, writeAdminPasswordFile } from './password.js';

describe.each(DATABASE_KINDS)('auth and audit on %s', (kind) => {
  let database: Database;
  let dir: string;
  let auth: AuthService;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'auth-'));
    auth = new AuthService({
      repo: new AuthRepo(database.db),
      password: new AdminPassword(join(dir, 'admin-password'), undefined),
    });
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('generates the admin password once, stores only its hash, and checks it', async () => {
    const password = new AdminPassword(join(dir, 'admin-password'), undefined);
    const generated = await password.ensure();
    expect(generated).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(await password.ensure()).toBeUndefined();
    const { readFile } = await import('node:fs/promises');
    const stored = await readFile(join(dir, 'admin-password'), 'utf8');
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(generated);
    expect(await password.verify(generated!)).toBe(true);
    expect(await password.verify('wrong')).toBe(false);
  });

  it('picks up a password changed on disk without a restart', async () => {
    await writeAdminPasswordFile(join(dir, 'admin-password'), 'new-password-1');
    expect(await auth.login('new-password-1')).toBeTypeOf('string');
    expect(await auth.login('old')).toBeUndefined();
  });

  it('opens and closes sessions', async () => {
    const session = await auth.login('new-password-1');
    expect(await auth.fromSession(session!)).toMatchObject({ kind: 'session', actor: 'admin' });
    await auth.logout(session!);
    expect(await auth.fromSession(session!)).toBeUndefined();
  });

  it('creates, lists, uses and revokes scoped tokens, keeping only hashes', async () => {
    const { token, info } = await auth.createToken('crm', ['gateway']);
    expect(token).toMatch(/^sc_/);
    const principal = await auth.fromToken(token);
    expect(principal && hasScope(principal, 'gateway')).toBe(true);
    expect(principal && hasScope(principal, 'control')).toBe(false);
    const listed = await auth.listTokens();
    expect(listed.map((t) => t.id)).toContain(info.id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.find((t) => t.id === info.id)?.lastUsedAt).not.toBeNull();
    expect(await auth.revokeToken(info.id)).toBe(true);
    expect(await auth.revokeToken(info.id)).toBe(false);
    expect(await auth.fromToken(token)).toBeUndefined();
  });

  it('refuses a token once it has expired, cached or not', async () => {
    let now = new Date('2026-05-01T00:00:00Z');
    const clocked = new AuthService({
      repo: new AuthRepo(database.db),
      password: new AdminPassword(join(dir, 'admin-password'), undefined),
      now: () => now,
    });
    const { token, info } = await clocked.createToken('for a week', ['gateway'], { expiresInDays: 7 });
    expect(info.expiresAt).toBe('2026-05-08T00:00:00.000Z');
    expect(await clocked.fromToken(token)).toMatchObject({ tokenId: info.id });
    now = new Date('2026-05-08T00:00:00Z');
    expect(await clocked.fromToken(token)).toBeUndefined();
    const fresh = new AuthService({
      repo: new AuthRepo(database.db),
      password: new AdminPassword(join(dir, 'admin-password'), undefined),
      now: () => now,
    });
    expect(await fresh.fromToken(token)).toBeUndefined();
    const { token: forever } = await clocked.createToken('forever', ['gateway']);
    now = new Date('2036-05-08T00:00:00Z');
    expect(await clocked.fromToken(forever)).toMatchObject({ expiresAt: null });
  });

  it('seeds the environment token with every scope, idempotently', async () => {
    await auth.seedToken('sc_seeded');
    await auth.seedToken('sc_seeded');
    const principal = await auth.fromToken('sc_seeded');
    expect(principal?.scopes).toContain('admin');
    expect((await auth.listTokens()).filter((t) => t.name === 'environment')).toHaveLength(1);
  });

  it('keeps only the latest environment token', async () => {
    await auth.seedToken('sc_first-start');
    await auth.seedToken('sc_second-start');
    expect(await auth.fromToken('sc_first-start')).toBeUndefined();
    expect((await auth.fromToken('sc_second-start'))?.scopes).toContain('admin');
  });

  it('writes audit rows', async () => {
    const audit = new AuditLog(database.db);
    await audit.record({ actor: 'admin', action: 'POST /api/tokens', outcome: 'ok', status: 201 });
    const [row] = await audit.recent(1);
    expect(row).toMatchObject({ actor: 'admin', action: 'POST /api/tokens', outcome: 'ok', status: 201 });
    expect(row?.at).toBeInstanceOf(Date);
  });
});
