import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/client.js';
import { createLogger } from '../../adapters/logger.js';
import { gatewayUsageHours, gatewayUsageMinutes } from '../../adapters/db/schema.js';
import { DATABASE_KINDS, freshDatabase } from '../../../test/support/db.js';
import { LogCapture } from '../../../test/support/app.js';
import type { Principal } from '../auth.js';
import { UsageMeter } from './usage-meter.js';
import { UsageStore } from './usage-store.js';

const HOUR = 3600_000;

function principal(tokenId: string, limits: Extract<Principal, { kind: 'token' }>['limits'] = {}): Principal {
  return {
    kind: 'token',
    actor: `token:${tokenId}`,
    tokenId,
    scopes: ['gateway'],
    expiresAt: null,
    models: null,
    limits,
  };
}

describe.each(DATABASE_KINDS)('gateway usage on %s', (kind) => {
  let database: Database;
  let clock = Date.parse('2026-12-01T08:00:10.000Z');
  const log = createLogger({ level: 'warn', destination: new LogCapture(), secrets: () => [] });
  const meter = () =>
    new UsageMeter({
      store: new UsageStore(database.db),
      log,
      now: () => clock,
      tokenNames: () => Promise.resolve(new Map([['key-a', 'app A']])),
    });

  /** One finished request of `tokenId`, `seconds` long. */
  function request(on: UsageMeter, tokenId: string, model: string, tokens: [number, number], status = 200) {
    const usage = on.begin(principal(tokenId));
    usage.model = model;
    usage.countTokens({ prompt_tokens: tokens[0], completion_tokens: tokens[1] });
    clock += 250;
    usage.answered(status);
  }

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(async () => database?.close());

  it('aggregates in memory, survives a flush into a fresh meter, and folds old minutes into hours', async () => {
    const first = meter();
    request(first, 'key-a', 'model-a', [10, 5]);
    request(first, 'key-a', 'model-a', [20, 7]);
    request(first, 'key-a', 'model-a', [3, 0], 502);
    request(first, 'key-a', 'model-b', [1, 1]);
    expect(await database.db.select().from(gatewayUsageMinutes)).toEqual([]);
    await first.stop();
    // One row per (key, model, placement, status class, minute), not one per request.
    expect(await database.db.select().from(gatewayUsageMinutes)).toHaveLength(3);

    const restarted = meter();
    expect(await restarted.report(24)).toEqual([
      {
        tokenId: 'key-a',
        tokenName: 'app A',
        model: 'model-a',
        requests: 3,
        promptTokens: 33,
        completionTokens: 12,
        errors: 1,
        latencyAvgMs: 250,
      },
      expect.objectContaining({ model: 'model-b', requests: 1, promptTokens: 1, completionTokens: 1 }),
    ]);

    // Three days later the minutes are hours, with the same totals, and the 24 h view is empty.
    clock += 72 * HOUR;
    await new UsageStore(database.db).compact(new Date(clock));
    expect(await database.db.select().from(gatewayUsageMinutes)).toEqual([]);
    expect(await database.db.select().from(gatewayUsageHours)).toHaveLength(3);
    expect(await restarted.report(24)).toEqual([]);
    expect(await restarted.report(720)).toEqual([
      expect.objectContaining({ model: 'model-a', requests: 3, promptTokens: 33, completionTokens: 12 }),
      expect.objectContaining({ model: 'model-b', requests: 1 }),
    ]);
    // Past 31 days they are gone.
    clock += 31 * 24 * HOUR;
    await new UsageStore(database.db).compact(new Date(clock));
    expect(await database.db.select().from(gatewayUsageHours)).toEqual([]);
  });

  it('keeps a daily token limit across a restart', async () => {
    const before = meter();
    request(before, 'key-day', 'model-a', [40, 20]);
    await before.stop();
    const after = meter();
    await after.load();
    expect(() => after.begin(principal('key-day', { tokensPerDay: 60 }))).toThrow(/60 tokens per 24 hours/);
    expect(() => after.begin(principal('key-day', { tokensPerDay: 61 }))).not.toThrow();
  });
});
