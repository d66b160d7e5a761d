import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/client.js';
import { serviceSampleMinutes, serviceSamples } from '../../adapters/db/schema.js';
import { DATABASE_KINDS, freshDatabase } from '../../../test/support/db.js';
import { HealthStore, type SampleRow } from './store.js';

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('health store on %s', (kind) => {
  let database: Database;
  let store: HealthStore;
  const now = new Date('2026-11-21T12:00:00.000Z');

  beforeAll(async () => {
    database = await freshDatabase(kind);
    store = new HealthStore(database.db);
  });
  afterAll(async () => database?.close());

  it('folds samples older than an hour into minute aggregates and keeps uptime the same', async () => {
    const rows: SampleRow[] = [];
    // Two hours ago: 12 samples in one minute, 3 down, 3 swapping (excluded), 6 up.
    const old = now.getTime() - 120 * MINUTE;
    for (let i = 0; i < 12; i += 1) {
      const status = i < 3 ? 'down' : i < 6 ? 'swapping' : 'up';
      rows.push({
        serviceId: 'kokoro',
        at: new Date(old + i * 5000),
        status,
        latencyMs: status === 'up' ? 10 + i : null,
      });
    }
    // Ten minutes ago: 4 up samples, still raw after compaction.
    for (let i = 0; i < 4; i += 1) {
      rows.push({
        serviceId: 'kokoro',
        at: new Date(now.getTime() - 10 * MINUTE + i * 5000),
        status: 'up',
        latencyMs: 20,
      });
    }
    await store.recordSamples(rows);
    const before = (await store.uptime(new Date(now.getTime() - 24 * 60 * MINUTE))).get('kokoro');
    expect(before).toBeCloseTo(10 / 13);

    await store.compact(now);
    const raw = await database.db.select().from(serviceSamples);
    expect(raw).toHaveLength(4);
    const minutes = await database.db.select().from(serviceSampleMinutes);
    expect(minutes).toEqual([
      expect.objectContaining({
        serviceId: 'kokoro',
        samples: 12,
        available: 6,
        excluded: 3,
        latencyCount: 6,
        latencyMaxMs: 21,
      }),
    ]);
    expect((await store.uptime(new Date(now.getTime() - 24 * 60 * MINUTE))).get('kokoro')).toBeCloseTo(
      10 / 13,
    );
    // Only the last hour: the raw samples alone.
    expect((await store.uptime(new Date(now.getTime() - 60 * MINUTE))).get('kokoro')).toBe(1);

    // Compacting again adds nothing twice.
    await store.compact(now);
    expect(await database.db.select().from(serviceSampleMinutes)).toHaveLength(1);
    const history = await store.history('kokoro', new Date(now.getTime() - 24 * 60 * MINUTE));
    expect(history.minutes).toEqual([
      expect.objectContaining({ samples: 12, latencyAvgMs: 19, latencyMaxMs: 21 }),
    ]);
    expect(history.samples).toHaveLength(4);
  });

  it('drops aggregates and transitions older than 31 days', async () => {
    const ancient = new Date(now.getTime() - 40 * 24 * 60 * MINUTE);
    await store.recordSamples([{ serviceId: 'qdrant', at: ancient, status: 'up', latencyMs: 5 }]);
    await store.recordTransition({ serviceId: 'qdrant', at: ancient, from: 'unknown', to: 'up', detail: '' });
    await store.compact(now);
    const history = await store.history('qdrant', new Date(0));
    expect(history.minutes).toEqual([]);
    expect(history.transitions).toEqual([]);
  });

  it('counts a service with only swap samples as having no uptime yet', async () => {
    await store.recordSamples([{ serviceId: 'vllm', at: now, status: 'swapping', latencyMs: null }]);
    expect((await store.uptime(new Date(now.getTime() - MINUTE))).has('vllm')).toBe(false);
  });
});
