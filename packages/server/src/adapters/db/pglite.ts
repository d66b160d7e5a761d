import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's own start-up arguments plus memory settings for one small embedded database. Its
 * defaults are a server's: 128 MB of shared buffers, 4 MB of WAL buffers and 100 connections' worth
 * of shared memory, all of it allocated (and touched) inside the WebAssembly heap at start-up.
 */
export const PGLITE_START_PARAMS: readonly string[] = [
  '--single',
  '-F',
  '-O',
  '-j',
  ...[
    'search_path=public',
    'exit_on_error=false',
    'log_checkpoints=false',
    'max_worker_processes=0',
    'max_parallel_workers=0',
    'max_parallel_workers_per_gather=0',
    // Our tables are small; the kernel's page cache holds the files behind them anyway.
    'shared_buffers=4MB',
    'wal_buffers=128kB',
    // One session: the server itself.
    'max_connections=4',
  ].flatMap((setting) => ['-c', setting]),
];

const execFileAsync = promisify(execFile);
const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');

// initdb needs ~700 MB for a few seconds and WebAssembly memory is never given back: run it in a
// short-lived process so this one never grows that large.
const INITDB_SCRIPT = `
const { PGlite } = require(process.argv[1]);
const [, , mode, target] = process.argv;
(async () => {
  const db = new PGlite(mode === 'dir' ? target : undefined);
  await db.waitReady;
  if (mode === 'tar') {
    const dump = await db.dumpDataDir('none');
    require('node:fs').writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  }
  await db.close();
})().catch((error) => {
  process.stderr.write(String(error && error.message) + '\\n');
  process.exit(1);
});`;

async function initdb(mode: 'dir' | 'tar', target: string): Promise<void> {
  await execFileAsync(process.execPath, ['-e', INITDB_SCRIPT, pgliteEntry, mode, target], {
    maxBuffer: 1024 * 1024,
  });
}

let flagsSet = false;
/**
 * V8's baseline WebAssembly compiler only: the optimising tier would add ~40 MB of machine code
 * for PGlite's hot paths, for a database that answers a few queries a second.
 */
function baselineWasmOnly(): void {
  if (flagsSet) return;
  flagsSet = true;
  setFlagsFromString('--liftoff-only');
}

/** Opens (creating it in a child process first when new) the PGlite database in `dir`. */
export async function openPglite(dir: string): Promise<PGlite> {
  await mkdir(dir, { recursive: true });
  if (!existsSync(join(dir, 'PG_VERSION'))) await initdb('dir', dir);
  baselineWasmOnly();
  const client = new PGlite(dir, { startParams: [...PGLITE_START_PARAMS] });
  await client.waitReady;
  return client;
}

let emptyTemplate: Promise<Blob> | undefined;
/**
 * An in-memory PGlite (tests): loaded from an empty, initialised data directory made once and
 * kept in the temp dir, so each fresh database skips initdb.
 */
export async function openMemoryPglite(): Promise<PGlite> {
  emptyTemplate ??= (async () => {
    const version = (
      JSON.parse(await readFile(join(pgliteEntry, '../../package.json'), 'utf8')) as { version: string }
    ).version;
    const file = join(tmpdir(), `spark-control-pglite-${version}-empty.tar`);
    if (!existsSync(file)) {
      const partial = `${file}.${process.pid}.tmp`;
      await initdb('tar', partial);
      await rename(partial, file);
    }
    return new Blob([await readFile(file)]);
  })();
  baselineWasmOnly();
  const client = new PGlite({ loadDataDir: await emptyTemplate, startParams: [...PGLITE_START_PARAMS] });
  await client.waitReady;
  return client;
}
