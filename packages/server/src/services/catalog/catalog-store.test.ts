import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelDefSchema } from '@spark-control/schema';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { LogCapture } from '../../../test/support/app.js';
import { CatalogStore } from './catalog-store.js';
import { DEFAULT_CATALOG } from './defaults.js';

describe('CatalogStore', () => {
  let dir: string;
  let file: string;
  let logs: LogCapture;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-'));
    file = join(dir, 'catalog.yaml');
    logs = new LogCapture();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('seeds the default catalog on first start', async () => {
    const store = new CatalogStore({ file, log: createLogger({ destination: logs }) });
    await store.load();
    expect(store.list().map((model) => model.id)).toEqual(DEFAULT_CATALOG.map((model) => model.id));
    expect(await readFile(file, 'utf8')).toContain('hfRepo: Qwen/Qwen3-30B-A3B-FP8');
  });

  it('skips a bad entry with a visible warning and keeps it in the file', async () => {
    await writeFile(
      file,
      [
        'models:',
        '  - { id: good, label: Good, hfRepo: Qwen/Qwen3-30B-A3B-FP8, servedName: good }',
        '  - { id: bad, label: Bad, hfRepo: "x; reboot", servedName: bad }',
        '  - { id: good, label: Twin, hfRepo: Qwen/Qwen3-30B-A3B-FP8, servedName: twin }',
      ].join('\n'),
    );
    const store = new CatalogStore({ file, log: createLogger({ destination: logs }) });
    await store.load();
    expect(store.list().map((model) => model.id)).toEqual(['good']);
    expect(store.warnings.join('\n')).toContain('catalog entry bad: hfRepo: must be a Hugging Face repo id');
    expect(store.warnings.join('\n')).toContain('catalog entry good: duplicate id');
    expect(logs.lines.join('\n')).toContain('catalog entry skipped');

    await store.add(
      v.parse(ModelDefSchema, { id: 'new', label: 'New', hfRepo: 'openai/gpt-oss-120b', servedName: 'new' }),
    );
    const text = await readFile(file, 'utf8');
    expect(text).toContain('x; reboot');
    expect(text).toContain('id: new');
  });

  it('survives a file that is not YAML', async () => {
    await writeFile(file, 'models: [ {');
    const store = new CatalogStore({ file, log: createLogger({ destination: logs }) });
    await store.load();
    expect(store.list()).toEqual([]);
    expect(store.warnings[0]).toMatch(/catalog.yaml: is not valid YAML/);
  });
});
