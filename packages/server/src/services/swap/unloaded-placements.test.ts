import type { Placement, SwapView } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/db/client.js';
import { createLogger } from '../../adapters/logger.js';
import { newSwapView } from './swap-journal.js';
import { SwapRepo } from './swap-repo.js';
import { SwapService, type SwapServiceDeps } from './swap-service.js';
import { UnloadedPlacements } from './unloaded-placements.js';

const record = (
  kind: SwapView['kind'],
  placementId: string,
  status: 'ready' | 'failed' | 'cancelled',
  startedAt: string,
): SwapView => ({
  ...newSwapView({ kind, modelId: 'model-a', placementId, actor: 'test' }),
  status,
  phase: status,
  startedAt,
  finishedAt: startedAt,
});

describe('UnloadedPlacements', () => {
  it('marks a placement on a successful unload and clears it when a swap starts there', () => {
    const unloaded = new UnloadedPlacements();
    unloaded.finished(record('unload', 'p1', 'ready', '2026-12-06T10:00:00Z'));
    unloaded.finished(record('unload', 'p2', 'failed', '2026-12-06T10:00:00Z'));
    unloaded.finished(record('unload', 'p3', 'cancelled', '2026-12-06T10:00:00Z'));
    unloaded.finished(record('swap', 'p4', 'ready', '2026-12-06T10:00:00Z'));
    expect(['p1', 'p2', 'p3', 'p4'].map((id) => unloaded.has(id))).toEqual([true, false, false, false]);
    unloaded.started('p1');
    expect(unloaded.has('p1')).toBe(false);
  });
});

/** `reconcile()` after a restart rebuilds `isUnloaded` from each placement's latest swap record. */
describe('SwapService.isUnloaded after a restart', () => {
  const ids = ['unloaded', 'refilled', 'failed-unload', 'never'];
  const placements = ids.map((id) => ({ id }) as Placement);
  let database: Database;
  let repo: SwapRepo;

  const restarted = async (): Promise<SwapService> => {
    // reconcile() with nothing running reads only the repo and the placement list.
    const deps = {
      repo,
      placements: { all: () => placements, get: (id: string) => placements.find((p) => p.id === id) },
      log: createLogger({ level: 'silent' }),
    } as unknown as SwapServiceDeps;
    const swaps = new SwapService(deps);
    await swaps.reconcile();
    return swaps;
  };

  beforeAll(async () => {
    database = await openDatabase({});
    repo = new SwapRepo(database.db);
    await repo.save(record('swap', 'unloaded', 'ready', '2026-12-06T09:00:00Z'));
    await repo.save(record('unload', 'unloaded', 'ready', '2026-12-06T10:00:00Z'));
    await repo.save(record('unload', 'refilled', 'ready', '2026-12-06T09:00:00Z'));
    await repo.save(record('swap', 'refilled', 'failed', '2026-12-06T10:00:00Z'));
    await repo.save(record('unload', 'failed-unload', 'failed', '2026-12-06T10:00:00Z'));
  });
  afterAll(() => database.close());

  it('marks unloaded only the placements whose latest record is a finished unload', async () => {
    const swaps = await restarted();
    expect(ids.map((id) => [id, swaps.isUnloaded(id)])).toEqual([
      ['unloaded', true],
      ['refilled', false],
      ['failed-unload', false],
      ['never', false],
    ]);
  });

  it('follows a newer record: a swap started after the unload clears it', async () => {
    await repo.save(record('swap', 'unloaded', 'ready', '2026-12-06T11:00:00Z'));
    await repo.save(record('unload', 'never', 'ready', '2026-12-06T11:00:00Z'));
    const swaps = await restarted();
    expect(swaps.isUnloaded('unloaded')).toBe(false);
    expect(swaps.isUnloaded('never')).toBe(true);
  });
});
