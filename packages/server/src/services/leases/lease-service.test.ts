import { parseSettings, type AppEvent } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/client.js';
import { EventBus } from '../../adapters/event-bus.js';
import { createLogger } from '../../adapters/logger.js';
import { LogCapture } from '../../../test/support/app.js';
import { DATABASE_KINDS, freshDatabase } from '../../../test/support/db.js';
import { PlacementDirectory } from '../placements/placement-directory.js';
import { LeaseRepo } from './lease-repo.js';
import { DomainError } from '../domain-error.js';
import { LeaseService } from './lease-service.js';
import { leaseSchedulePort } from './schedule-port.js';

const MODELS = new Set(['model-a', 'model-b', 'model-c']);
const catalog = { get: (id: string) => (MODELS.has(id) ? { id, tensorParallel: 1 as const } : undefined) };

/** Placement p1 may serve model-a or model-c, p2 only model-b. */
const twoPlacements = (() => {
  const parsed = parseSettings({
    sparks: [
      { id: 'spark1', host: '127.0.0.2' },
      { id: 'spark2', host: '127.0.0.3' },
    ],
    placements: [
      { id: 'p1', sparkIds: ['spark1'], port: 8001, container: 'vllm_p1', models: ['model-a', 'model-c'] },
      { id: 'p2', sparkIds: ['spark2'], port: 8002, container: 'vllm_p2', models: ['model-b'] },
    ],
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  return new PlacementDirectory({ settings: { current: parsed.settings } });
})();

describe.each(DATABASE_KINDS)('leases on %s', (kind) => {
  let database: Database;
  const clock = { now: new Date('2026-12-01T10:00:00.000Z') };
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };

  /** A lease service as a (re)started server builds it: on the same database, loaded. */
  const boot = async (placements?: PlacementDirectory) => {
    const bus = new EventBus();
    const events: AppEvent[] = [];
    bus.subscribe((event) => events.push(event));
    const service = new LeaseService({
      repo: new LeaseRepo(database.db),
      catalog,
      ...(placements ? { placements } : {}),
      bus,
      log: createLogger({ level: 'warn', destination: new LogCapture() }),
      now: () => clock.now,
    });
    await service.load();
    return { service, events };
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(async () => database?.close());

  it('holds the placement against schedules: a window start for another model is blocked, with the lease as reason', async () => {
    const { service } = await boot();
    const lease = await service.create(
      { modelId: 'model-a', durationSec: 600, note: 'batch job' },
      'token:ci',
    );
    // model-a is served on p1: only a swap there evicts it.
    const port = leaseSchedulePort(service, {
      evicted: (modelId, placementId) =>
        Promise.resolve(placementId === 'p1' ? service.blocking(modelId) : []),
      placementOf: () => Promise.resolve('p1'),
    });
    expect(await port.isBlocked({ modelId: 'model-b', placement: 'p1' }, clock.now)).toEqual({
      reason: `model-a is leased by "batch job" (token:ci) until ${lease.until}`,
    });
    expect(await port.isBlocked({ modelId: 'model-b', placement: 'p2' }, clock.now)).toBeNull();
    expect(await port.isBlocked({ modelId: 'model-a', placement: 'p1' }, clock.now)).toBeNull();
    const dayLater = new Date(clock.now.getTime() + 24 * 3600_000);
    expect(await port.holds(clock.now, dayLater)).toEqual([
      {
        from: clock.now,
        until: new Date(lease.until),
        modelId: 'model-a',
        placement: 'p1',
        holder: 'batch job',
      },
    ]);
    await service.release(lease.id, 'admin');
    expect(await port.isBlocked({ modelId: 'model-b', placement: 'p1' }, clock.now)).toBeNull();
    expect(await port.holds(clock.now, dayLater)).toEqual([]);
  });

  it('holds a model until its end, survives a restart and blocks only swaps to other models', async () => {
    const first = await boot();
    const lease = await first.service.create(
      { modelId: 'model-a', durationSec: 600, note: 'eval run' },
      'token:ci',
    );
    expect(lease).toMatchObject({
      modelId: 'model-a',
      until: '2026-12-01T10:10:00.000Z',
      note: 'eval run',
      createdBy: 'token:ci',
      createdAt: '2026-12-01T10:00:00.000Z',
    });
    expect(first.events.map((event) => event.type)).toEqual(['lease.created']);

    const restarted = await boot();
    expect(restarted.service.active()).toEqual([lease]);
    expect(restarted.service.blocking('model-b')).toEqual([lease]);
    expect(restarted.service.blocking('model-a')).toEqual([]);

    expect(await restarted.service.release(lease.id, 'admin')).toEqual(lease);
    expect(restarted.events).toMatchObject([
      { type: 'lease.released', lease: { id: lease.id }, by: 'admin' },
    ]);
    expect(restarted.service.blocking('model-b')).toEqual([]);
    expect(await restarted.service.release(lease.id, 'admin')).toBeUndefined();
    expect((await boot()).service.active()).toEqual([]);
  });

  it('expires on time by the clock, and a lease that ran out while the server was down expires at start', async () => {
    const { service, events } = await boot();
    let ended = 0;
    service.onEnded(() => (ended += 1));
    const lease = await service.create({ modelId: 'model-a', durationSec: 60, note: '' }, 'admin');
    advance(59_000);
    await service.expireDue();
    expect(service.blocking('model-b')).toEqual([lease]);
    expect(ended).toBe(0);
    advance(1000);
    // Past its end the lease no longer blocks, even before the expiry is recorded.
    expect(service.blocking('model-b')).toEqual([]);
    await service.expireDue();
    expect(ended).toBe(1);
    expect(events.map((event) => event.type)).toEqual(['lease.created', 'lease.expired']);

    const stale = await service.create({ modelId: 'model-b', durationSec: 30, note: 'stale' }, 'admin');
    advance(3_600_000);
    const restarted = await boot();
    expect(restarted.service.active()).toEqual([]);
    expect(restarted.events).toMatchObject([{ type: 'lease.expired', lease: { id: stale.id } }]);
  });

  it('refuses an unknown model, a past or too distant end, and a second model while one is leased', async () => {
    const { service } = await boot();
    const refusal = async (work: Promise<unknown>) => {
      const error = await work.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DomainError);
      return { code: (error as DomainError).code, message: (error as DomainError).message };
    };
    expect(await refusal(service.create({ modelId: 'nope', durationSec: 60, note: '' }, 'admin'))).toEqual({
      code: 'NOT_FOUND',
      message: 'modelId: no model "nope" in the catalog',
    });
    expect(
      await refusal(service.create({ modelId: 'model-a', until: '2026-01-01T00:00:00Z', note: '' }, 'admin')),
    ).toEqual({ code: 'VALIDATION_FAILED', message: 'until: must be in the future' });
    const farAway = new Date(clock.now.getTime() + 8 * 86_400_000).toISOString();
    expect(await refusal(service.create({ modelId: 'model-a', until: farAway, note: '' }, 'admin'))).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'until: must be at most 7 days from now',
    });
    const held = await service.create({ modelId: 'model-a', durationSec: 60, note: 'batch' }, 'token:ci');
    const conflict = await refusal(
      service.create({ modelId: 'model-b', durationSec: 60, note: '' }, 'admin'),
    );
    expect(conflict.code).toBe('LEASED');
    expect(conflict.message).toContain(`model-a is leased by "batch" (token:ci) until ${held.until}`);
    // A second lease on the same model is fine.
    await service.create({ modelId: 'model-a', durationSec: 120, note: '' }, 'admin');
    expect(service.active()).toHaveLength(2);
  });

  it('leases models the placements can serve side by side, and refuses one that would share a placement', async () => {
    const { service } = await boot(twoPlacements);
    for (const lease of service.active()) await service.release(lease.id, 'admin');
    await service.create({ modelId: 'model-a', durationSec: 60, note: '' }, 'admin');
    // model-b runs on p2 while model-a holds p1.
    await service.create({ modelId: 'model-b', durationSec: 60, note: '' }, 'admin');
    const refused = await service
      .create({ modelId: 'model-c', durationSec: 60, note: '' }, 'admin')
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('LEASED');
    expect((refused as DomainError).message).toMatch(
      /^modelId: model-a is leased by admin until .*; model-b is leased by admin until .*; the placements cannot serve model-c beside them$/,
    );
  });
});
