import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase } from '../../../test/support/db.js';
import type { Database } from '../../adapters/db/client.js';
import { ReasoningRuns, type ReasoningRunRecord } from './runs.js';

const run = (id: string, overrides: Partial<ReasoningRunRecord>): ReasoningRunRecord => ({
  id,
  task: 'lead_tagger',
  tier: 'primary',
  model: 'm1',
  outcome: 'strict',
  finishReason: 'stop',
  reasked: false,
  latencyMs: 12,
  attempts: [{ tier: 'primary', outcome: 'answered', model: 'm1', message: 'strict' }],
  error: null,
  ...overrides,
});

describe.each(DATABASE_KINDS)('ReasoningRuns on %s', (kind) => {
  let database: Database;
  let runs: ReasoningRuns;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    runs = new ReasoningRuns(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts outcomes per task and model, calls no model answered included', async () => {
    await runs.record(run('a', {}));
    await runs.record(run('b', { outcome: 'repaired', reasked: true }));
    await runs.record(
      run('c', { model: 'm2', tier: 'fallback', outcome: 'partial', finishReason: 'length' }),
    );
    await runs.record(
      run('d', { task: 'swap_triage', tier: null, model: null, outcome: 'failed', error: 'primary: 503' }),
    );
    expect(await runs.stats()).toEqual([
      {
        task: 'lead_tagger',
        model: 'm1',
        counts: { strict: 1, repaired: 1, partial: 0, failed: 0 },
        total: 2,
      },
      {
        task: 'lead_tagger',
        model: 'm2',
        counts: { strict: 0, repaired: 0, partial: 1, failed: 0 },
        total: 1,
      },
      {
        task: 'swap_triage',
        model: null,
        counts: { strict: 0, repaired: 0, partial: 0, failed: 1 },
        total: 1,
      },
    ]);
  });
});
