import type { SparkHardware, SparkHistory } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/client.js';
import { createLogger } from '../../adapters/logger.js';
import { DATABASE_KINDS, freshDatabase } from '../../../test/support/db.js';
import { HardwareHistory } from './history-sampler.js';
import { SparkHistoryStore } from './history-store.js';

const GIB = 1024 ** 3;

/** A card as the inspector reads it, with the numbers the history keeps. */
function card(sparkId: string, gpuPct: number, temperatureC: number, usedGib: number): SparkHardware {
  return {
    sparkId,
    label: sparkId,
    host: '127.0.0.1',
    checkedAt: '',
    ssh: { reachable: true, latencyMs: 1, error: null },
    memory: { totalBytes: 128 * GIB, usedBytes: usedGib * GIB, availableBytes: (128 - usedGib) * GIB },
    gpu: { name: 'NVIDIA GB10', utilizationPct: gpuPct, temperatureC },
    disk: { path: '/home/spark/.cache/huggingface', totalBytes: 4000 * GIB, freeBytes: 1000 * GIB },
    wireguard: null,
    uptimeSec: 100,
    clusterIp: null,
    clusterIpProblem: null,
    launcher: null,
  };
}

describe.each(DATABASE_KINDS)('hardware history on %s', (kind) => {
  let database: Database;
  let history: HardwareHistory;
  let clock = new Date('2026-12-05T10:00:00.000Z');
  let cards: SparkHardware[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind);
    history = new HardwareHistory({
      inspector: { list: () => Promise.resolve(cards) },
      store: new SparkHistoryStore(database.db),
      settings: { current: { sparks: [{ id: 'spark1' }, { id: 'spark2' }] } as never },
      log: createLogger({ level: 'silent' }),
      now: () => clock,
    });
  });
  afterAll(async () => database?.close());

  const read = async (hours: 1 | 24): Promise<SparkHistory> => {
    const found = await history.history('spark1', hours);
    if (!found) throw new Error('no history');
    return found;
  };

  it('keeps 5 s samples for an hour, then minute averages, and serves both spans', async () => {
    // Two hours of samples for spark1 every 5 s is too many for a test; 12 samples in one old minute
    // and 3 in the last minutes are enough. An unreachable spark2 leaves no row.
    const start = Date.parse('2026-12-05T08:00:00.000Z');
    for (let i = 0; i < 12; i += 1) {
      clock = new Date(start + i * 5000);
      cards = [
        card('spark1', i < 6 ? 0 : 100, 40 + i, 10),
        { ...card('spark2', 1, 1, 1), ssh: { reachable: false, latencyMs: null, error: 'down' } },
      ];
      await history.sample();
    }
    for (let i = 0; i < 3; i += 1) {
      clock = new Date(Date.parse('2026-12-05T09:58:00.000Z') + i * 5000);
      cards = [card('spark1', 50, 60, 64)];
      await history.sample();
    }
    // The sample at 09:58:10 compacts (the last compaction was 5 minutes back at least).
    const lastHour = await read(1);
    expect(lastHour.points.map((point) => point.at)).toEqual([
      '2026-12-05T09:58:00.000Z',
      '2026-12-05T09:58:05.000Z',
      '2026-12-05T09:58:10.000Z',
    ]);
    expect(lastHour.points[0]).toMatchObject({ gpuPct: 50, temperatureC: 60, memUsedBytes: 64 * GIB });

    const day = await read(24);
    expect(day.points).toEqual([
      {
        at: '2026-12-05T08:00:00.000Z',
        gpuPct: 50,
        temperatureC: 45.5,
        memUsedBytes: 10 * GIB,
        memTotalBytes: 128 * GIB,
        diskFreeBytes: 1000 * GIB,
        diskTotalBytes: 4000 * GIB,
      },
      {
        at: '2026-12-05T09:58:00.000Z',
        gpuPct: 50,
        temperatureC: 60,
        memUsedBytes: 64 * GIB,
        memTotalBytes: 128 * GIB,
        diskFreeBytes: 1000 * GIB,
        diskTotalBytes: 4000 * GIB,
      },
    ]);
    expect(await history.history('spark2', 24)).toEqual({ sparkId: 'spark2', hours: 24, points: [] });
    expect(await history.history('nope', 1)).toBeUndefined();
  });
});
