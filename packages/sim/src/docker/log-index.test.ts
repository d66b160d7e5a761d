import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogIndexer } from './log-index.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LogIndexer', () => {
  it('skips a log that `docker rm` deleted while the scan ran, and indexes the others', () => {
    dir = mkdtempSync(join(tmpdir(), 'log-index-'));
    const containers = join(dir, 'containers');
    mkdirSync(containers);
    writeFileSync(join(containers, 'kept.log'), 'one\ntwo\n');
    // Listed by readdir, gone by the time it is opened: what a removal mid-scan looks like.
    symlinkSync(join(containers, 'removed-meanwhile'), join(containers, 'gone.log'));
    const indexer = new LogIndexer(containers);
    expect(() => indexer.scan(1000)).not.toThrow();
    expect(readFileSync(join(containers, 'kept.log.idx'), 'utf8')).toBe('0 1000\n4 1000\n');
  });
});
