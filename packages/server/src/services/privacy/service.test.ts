import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase } from '../../../test/support/db.js';
import type { Database } from '../../adapters/db/client.js';
import { redactionVault } from '../../adapters/db/schema.js';
import { readNameList } from './names-file.js';
import { PrivacyService } from './service.js';
import { loadOrCreateVaultKey } from './vault.js';

const OWNER = 'token:cloud-bridge';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'privacy-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vault key', () => {
  it('is created once with mode 0600 and read back the same', async () => {
    const file = join(dir, 'keys', 'vault.key');
    const key = await loadOrCreateVaultKey(file);
    expect(key).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await loadOrCreateVaultKey(file)).equals(key)).toBe(true);
  });

  it('refuses a key file of the wrong size', async () => {
    const file = join(dir, 'short.key');
    await writeFile(file, 'too short', { mode: 0o600 });
    await expect(loadOrCreateVaultKey(file)).rejects.toThrow(/32 bytes/);
  });
});

describe('names.txt', () => {
  it('reads one name per line, skipping blanks and comments; a missing file is an empty list', async () => {
    await writeFile(join(dir, 'names.txt'), '# family\nQuorra Tanngrisnir\n\n  Ebbe  # the cat\n');
    expect(await readNameList(dir)).toEqual(['Quorra Tanngrisnir', 'Ebbe']);
    expect(await readNameList(join(dir, 'nowhere'))).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('PrivacyService on %s', (kind) => {
  let database: Database;
  let now = new Date('2026-01-01T00:00:00Z');
  let service: PrivacyService;
  const key = Buffer.alloc(32, 7);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    service = new PrivacyService({
      db: database.db,
      vaultKey: key,
      names: ['Quorra Tanngrisnir'],
      now: () => now,
      ttlMs: 60_000,
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('scrubs, stores the mapping encrypted, and rehydrates text, JSON and streams', async () => {
    const text = 'Quorra Tanngrisnir <quorra@example.com> called +49 30 1234567.';
    const scrubbed = await service.scrubText(text, OWNER);
    expect(scrubbed.value).not.toMatch(/Quorra|quorra@|1234567/);
    expect(scrubbed.entities.map((e) => e.type)).toEqual(['PERSON', 'EMAIL', 'PHONE']);

    const rows = await database.db.select().from(redactionVault);
    const row = rows.find((r) => r.sessionId === scrubbed.sessionId);
    expect(row).toBeDefined();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('Quorra');
    expect(stored).not.toContain('quorra@example.com');
    expect(Buffer.from(row?.ciphertext ?? '', 'base64').toString('utf8')).not.toContain('Quorra');

    const reply = `Summary: ${scrubbed.value}`;
    expect(await service.rehydrateText(scrubbed.sessionId, reply, OWNER)).toBe(`Summary: ${text}`);

    const json = await service.scrubJson({ to: 'quorra@example.com', n: 3 }, OWNER);
    expect(await service.rehydrateJson(json.sessionId, json.value, OWNER)).toEqual({
      to: 'quorra@example.com',
      n: 3,
    });

    const stream = await service.restoreStream(scrubbed.sessionId, OWNER);
    const pieces = reply.match(/.{1,4}/gs) ?? [];
    expect(pieces.map((p) => stream.push(p)).join('') + stream.end()).toBe(`Summary: ${text}`);
  });

  it('restores a session only for the principal that scrubbed it', async () => {
    const scrubbed = await service.scrubText('card 4111 1111 1111 1111, mail owner@example.com', OWNER);
    await expect(
      service.rehydrateText(scrubbed.sessionId, scrubbed.value, 'token:other'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.restoreStream(scrubbed.sessionId, 'token:other')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The owner is bound into the ciphertext: rewriting the column does not hand the session over.
    await database.db
      .update(redactionVault)
      .set({ owner: 'token:other' })
      .where(eq(redactionVault.sessionId, scrubbed.sessionId));
    await expect(service.rehydrateText(scrubbed.sessionId, scrubbed.value, 'token:other')).rejects.toThrow(
      /unable to authenticate|auth/i,
    );
  });

  it('refuses a tampered ciphertext', async () => {
    const scrubbed = await service.scrubText('mail tamper@example.com', OWNER);
    const other = new PrivacyService({ db: database.db, vaultKey: Buffer.alloc(32, 9), now: () => now });
    await expect(other.rehydrateText(scrubbed.sessionId, scrubbed.value, OWNER)).rejects.toThrow();
  });

  it('forgets a session after its TTL: rehydrate fails as gone, never returns the tokens as they are', async () => {
    const scrubbed = await service.scrubText('mail late@example.com', OWNER);
    now = new Date(now.getTime() + 60_001);
    await expect(service.rehydrateText(scrubbed.sessionId, scrubbed.value, OWNER)).rejects.toMatchObject({
      code: 'GONE',
    });
    await expect(service.restoreStream(scrubbed.sessionId, OWNER)).rejects.toMatchObject({ code: 'GONE' });
    await expect(
      service.rehydrateText('00000000-0000-4000-8000-000000000000', 'x', OWNER),
    ).rejects.toMatchObject({ code: 'GONE' });
  });

  it('purges expired sessions from the table', async () => {
    await service.scrubText('mail purge@example.com', OWNER);
    now = new Date(now.getTime() + 120_000);
    await service.purgeExpired();
    const rows = await database.db.select().from(redactionVault);
    expect(rows.filter((r) => r.expiresAt.getTime() <= now.getTime())).toEqual([]);
  });
});
