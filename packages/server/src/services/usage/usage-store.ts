import type { UsageRow } from '@spark-control/schema';
import { gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { gatewayUsageHours, gatewayUsageMinutes } from '../../adapters/db/schema.js';

/** Minute rows younger than this stay; older ones are folded into hour rows. */
export const MINUTE_RETENTION_MS = 48 * 3600 * 1000;
/** Hour rows are kept this long (the 30-day view needs them). */
export const HOUR_RETENTION_MS = 31 * 24 * 3600 * 1000;

/** One aggregate: every request of a key to a model and placement, of one status class, in one minute. */
export interface UsageBucket {
  minute: Date;
  tokenId: string;
  model: string;
  placement: string;
  statusClass: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  latencySumMs: number;
  latencyMaxMs: number;
}

export type UsageTotal = Omit<UsageRow, 'tokenName'>;

/** The gateway usage tables: minute rows, folded into hour rows after 48 hours. */
export class UsageStore {
  constructor(private readonly db: Db) {}

  /** Adds buckets to their minute rows (a minute flushed twice adds up). */
  async add(buckets: readonly UsageBucket[]): Promise<void> {
    if (buckets.length === 0) return;
    const t = gatewayUsageMinutes;
    await this.db
      .insert(t)
      .values(buckets.map((bucket) => ({ ...bucket })))
      .onConflictDoUpdate({
        target: [t.minute, t.tokenId, t.model, t.placement, t.statusClass],
        set: {
          requests: sql`${t.requests} + excluded.requests`,
          promptTokens: sql`${t.promptTokens} + excluded.prompt_tokens`,
          completionTokens: sql`${t.completionTokens} + excluded.completion_tokens`,
          latencySumMs: sql`${t.latencySumMs} + excluded.latency_sum_ms`,
          latencyMaxMs: sql`greatest(${t.latencyMaxMs}, excluded.latency_max_ms)`,
        },
      });
  }

  /** Folds minute rows older than 48 hours into hour rows and drops hours older than 31 days. */
  async compact(now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - MINUTE_RETENTION_MS).toISOString();
    const longCutoff = new Date(now.getTime() - HOUR_RETENTION_MS);
    const h = gatewayUsageHours;
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`
        WITH moved AS (
          DELETE FROM ${gatewayUsageMinutes} WHERE ${gatewayUsageMinutes.minute} < ${cutoff}::timestamptz RETURNING *
        )
        INSERT INTO ${h} (hour, token_id, model, placement, status_class, requests, prompt_tokens,
          completion_tokens, latency_sum_ms, latency_max_ms)
        SELECT date_trunc('hour', minute), token_id, model, placement, status_class, sum(requests)::int,
          sum(prompt_tokens)::bigint, sum(completion_tokens)::bigint, sum(latency_sum_ms)::bigint,
          max(latency_max_ms)
        FROM moved GROUP BY date_trunc('hour', minute), token_id, model, placement, status_class
        ON CONFLICT (hour, token_id, model, placement, status_class) DO UPDATE SET
          requests = ${h.requests} + excluded.requests,
          prompt_tokens = ${h.promptTokens} + excluded.prompt_tokens,
          completion_tokens = ${h.completionTokens} + excluded.completion_tokens,
          latency_sum_ms = ${h.latencySumMs} + excluded.latency_sum_ms,
          latency_max_ms = greatest(${h.latencyMaxMs}, excluded.latency_max_ms)
      `);
      await tx.delete(h).where(lt(h.hour, longCutoff));
    });
  }

  /**
   * Totals per key and model since `since`, busiest first. Hour rows count whole: a window that
   * starts mid-hour more than 48 hours back includes that hour.
   */
  async totals(since: Date): Promise<UsageTotal[]> {
    const totals = new Map<string, UsageTotal & { latencySumMs: number }>();
    for (const table of [gatewayUsageMinutes, gatewayUsageHours] as const) {
      const at = table === gatewayUsageMinutes ? gatewayUsageMinutes.minute : gatewayUsageHours.hour;
      const rows = await this.db
        .select({
          tokenId: table.tokenId,
          model: table.model,
          requests: sql<number>`sum(${table.requests})::bigint`,
          promptTokens: sql<number>`sum(${table.promptTokens})::bigint`,
          completionTokens: sql<number>`sum(${table.completionTokens})::bigint`,
          errors: sql<number>`(sum(${table.requests}) FILTER (WHERE ${table.statusClass} <> '2xx'))::bigint`,
          latencySumMs: sql<number>`sum(${table.latencySumMs})::bigint`,
        })
        .from(table)
        .where(gte(at, since))
        .groupBy(table.tokenId, table.model);
      for (const row of rows) {
        const key = `${row.tokenId}\u0000${row.model}`;
        const total = totals.get(key) ?? {
          tokenId: row.tokenId === '' ? null : row.tokenId,
          model: row.model,
          requests: 0,
          promptTokens: 0,
          completionTokens: 0,
          errors: 0,
          latencyAvgMs: 0,
          latencySumMs: 0,
        };
        total.requests += Number(row.requests);
        total.promptTokens += Number(row.promptTokens);
        total.completionTokens += Number(row.completionTokens);
        total.errors += Number(row.errors ?? 0);
        total.latencySumMs += Number(row.latencySumMs);
        totals.set(key, total);
      }
    }
    return [...totals.values()]
      .map(({ latencySumMs, ...total }) => ({
        ...total,
        latencyAvgMs: total.requests > 0 ? Math.round(latencySumMs / total.requests) : 0,
      }))
      .sort(
        (a, b) =>
          b.promptTokens + b.completionTokens - (a.promptTokens + a.completionTokens) ||
          b.requests - a.requests,
      );
  }

  /** Tokens used per key and hour since `since`, to carry the daily limits across a restart. */
  async tokensByHour(since: Date): Promise<{ tokenId: string; hour: Date; tokens: number }[]> {
    const rows = await this.db
      .select({
        tokenId: gatewayUsageMinutes.tokenId,
        hour: sql<string>`date_trunc('hour', ${gatewayUsageMinutes.minute})`,
        tokens: sql<number>`sum(${gatewayUsageMinutes.promptTokens} + ${gatewayUsageMinutes.completionTokens})::bigint`,
      })
      .from(gatewayUsageMinutes)
      .where(gte(gatewayUsageMinutes.minute, since))
      .groupBy(gatewayUsageMinutes.tokenId, sql`date_trunc('hour', ${gatewayUsageMinutes.minute})`);
    return rows.map((row) => ({
      tokenId: row.tokenId,
      hour: new Date(row.hour),
      tokens: Number(row.tokens),
    }));
  }
}
