import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { openMemoryPglite, openPglite } from './pglite.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Committed migrations: next to the sources in development, next to the bundle in the image. */
export function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../../drizzle'), join(here, '../drizzle'), join(here, 'drizzle')];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'meta/_journal.json')));
  if (!found) throw new Error(`drizzle migrations not found near ${here}`);
  return found;
}

/**
 * Opens PostgreSQL when `url` is given, otherwise PGlite in `dataDir` (or in memory when
 * `dataDir` is undefined), and brings the schema up to date on a single connection.
 */
export async function openDatabase(options: {
  url?: string | undefined;
  dataDir?: string | undefined;
}): Promise<Database> {
  if (options.url) {
    const migrationClient = postgres(options.url, { max: 1, onnotice: () => {} });
    try {
      await migratePostgres(drizzlePostgres(migrationClient), { migrationsFolder: migrationsFolder() });
    } finally {
      await migrationClient.end();
    }
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: 'postgres',
      close: () => client.end(),
    };
  }
  const client = options.dataDir ? await openPglite(join(options.dataDir, 'db')) : await openMemoryPglite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: migrationsFolder() });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}
