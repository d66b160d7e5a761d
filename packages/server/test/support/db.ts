import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/adapters/db/client.js';
import { systemComponent } from './system.js';

const postgresUrl = process.env.TEST_DATABASE_URL;

/** The databases every data-layer test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASE_KINDS: readonly ('pglite' | 'postgres')[] = systemComponent(
  'PostgreSQL',
  Boolean(postgresUrl),
  'set TEST_DATABASE_URL to run the data-layer tests on a real PostgreSQL too',
)
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * A fresh, migrated database for one suite: in-memory PGlite, or a new database created on the
 * PostgreSQL server of TEST_DATABASE_URL and dropped again by `close()`.
 */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `sc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
