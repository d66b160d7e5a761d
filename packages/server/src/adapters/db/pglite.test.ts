import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';

describe('embedded PGlite', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('creates its data directory, runs with small memory settings, and opens it again', async () => {
    const first = await openDatabase({ dataDir });
    expect(existsSync(join(dataDir, 'db', 'PG_VERSION'))).toBe(true);
    const settings: unknown = await first.db.execute(
      sql`select name, setting, unit from pg_settings where name in ('shared_buffers', 'wal_buffers', 'max_connections') order by name`,
    );
    expect((settings as { rows: unknown[] }).rows).toEqual([
      { name: 'max_connections', setting: '4', unit: null },
      { name: 'shared_buffers', setting: '512', unit: '8kB' },
      { name: 'wal_buffers', setting: '16', unit: '8kB' },
    ]);
    await first.db.execute(sql`insert into audit_log (actor, action, outcome) values ('t', 'kept', 'ok')`);
    await first.close();
    const again = await openDatabase({ dataDir });
    const rows: unknown = await again.db.execute(sql`select action from audit_log`);
    expect((rows as { rows: unknown[] }).rows).toEqual([{ action: 'kept' }]);
    await again.close();
  });
});
