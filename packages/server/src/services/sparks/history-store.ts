import type { SparkHardware, SparkHistoryPoint } from '@spark-control/schema';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { sparkSampleMinutes, sparkSamples } from '../../adapters/db/schema.js';
import { LONG_RETENTION_MS, RAW_RETENTION_MS } from '../health/store.js';

type Metrics = Omit<SparkHistoryPoint, 'at'>;

/** The numbers of a hardware card that the history keeps. */
export function metricsOf(card: SparkHardware): Metrics {
  return {
    memUsedBytes: card.memory?.usedBytes ?? null,
    memTotalBytes: card.memory?.totalBytes ?? null,
    gpuPct: card.gpu?.utilizationPct ?? null,
    temperatureC: card.gpu?.temperatureC ?? null,
    diskFreeBytes: card.disk?.freeBytes ?? null,
    diskTotalBytes: card.disk?.totalBytes ?? null,
  };
}

const METRIC_COLUMNS = [
  'mem_used_bytes',
  'mem_total_bytes',
  'gpu_pct',
  'temperature_c',
  'disk_free_bytes',
  'disk_total_bytes',
] as const;

/** Weighted merge of a minute folded in two compactions; a side without a value does not count. */
const mergeColumn = (column: string) =>
  sql.raw(
    `${column} = CASE WHEN spark_sample_minutes.${column} IS NULL THEN excluded.${column} ` +
      `WHEN excluded.${column} IS NULL THEN spark_sample_minutes.${column} ` +
      `ELSE (spark_sample_minutes.${column} * spark_sample_minutes.samples + excluded.${column} * excluded.samples) ` +
      `/ (spark_sample_minutes.samples + excluded.samples) END`,
  );

/**
 * Each Spark's memory, GPU use, temperature and disk over time, stored as the health history is:
 * one row per 5 s sample for the last hour, then per-minute averages kept 31 days.
 */
export class SparkHistoryStore {
  constructor(private readonly db: Db) {}

  async record(rows: readonly ({ sparkId: string; at: Date } & Metrics)[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(sparkSamples).values(rows.map((row) => ({ ...row })));
  }

  /** Folds samples older than an hour into minute averages and drops minutes older than 31 days. */
  async compact(now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - RAW_RETENTION_MS);
    const longCutoff = new Date(now.getTime() - LONG_RETENTION_MS);
    const columns = sql.raw(METRIC_COLUMNS.join(', '));
    const averages = sql.raw(METRIC_COLUMNS.map((column) => `avg(${column})`).join(', '));
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`
        WITH moved AS (
          DELETE FROM ${sparkSamples} WHERE ${sparkSamples.at} < ${cutoff.toISOString()}::timestamptz RETURNING *
        )
        INSERT INTO ${sparkSampleMinutes} (spark_id, minute, samples, ${columns})
        SELECT spark_id, date_trunc('minute', at), count(*)::int, ${averages}
        FROM moved GROUP BY spark_id, date_trunc('minute', at)
        ON CONFLICT (spark_id, minute) DO UPDATE SET
          ${sql.join(METRIC_COLUMNS.map(mergeColumn), sql`, `)},
          samples = ${sparkSampleMinutes.samples} + excluded.samples
      `);
      await tx.delete(sparkSampleMinutes).where(lt(sparkSampleMinutes.minute, longCutoff));
    });
  }

  /**
   * The history since `since`, oldest first: the raw samples for a short span (`resolution: 'sample'`),
   * or one point per minute (stored minutes and the raw samples averaged per minute).
   */
  async history(sparkId: string, since: Date, resolution: 'sample' | 'minute'): Promise<SparkHistoryPoint[]> {
    const minutes = await this.db
      .select()
      .from(sparkSampleMinutes)
      .where(and(eq(sparkSampleMinutes.sparkId, sparkId), gte(sparkSampleMinutes.minute, since)))
      .orderBy(asc(sparkSampleMinutes.minute));
    const stored = minutes.map(({ minute, sparkId: _id, samples: _samples, ...metrics }) => ({
      at: minute.toISOString(),
      ...metrics,
    }));
    const recent = and(eq(sparkSamples.sparkId, sparkId), gte(sparkSamples.at, since));
    if (resolution === 'sample') {
      const rows = await this.db.select().from(sparkSamples).where(recent).orderBy(asc(sparkSamples.at));
      const raw = rows.map(({ id: _id, sparkId: _spark, at, ...metrics }) => ({
        at: at.toISOString(),
        ...metrics,
      }));
      return [...stored, ...raw];
    }
    const minute = sql<Date>`date_trunc('minute', ${sparkSamples.at})`;
    const averaged = await this.db
      .select({
        at: minute,
        memUsedBytes: sql<number | null>`avg(${sparkSamples.memUsedBytes})`,
        memTotalBytes: sql<number | null>`avg(${sparkSamples.memTotalBytes})`,
        gpuPct: sql<number | null>`avg(${sparkSamples.gpuPct})`,
        temperatureC: sql<number | null>`avg(${sparkSamples.temperatureC})`,
        diskFreeBytes: sql<number | null>`avg(${sparkSamples.diskFreeBytes})`,
        diskTotalBytes: sql<number | null>`avg(${sparkSamples.diskTotalBytes})`,
      })
      .from(sparkSamples)
      .where(recent)
      .groupBy(minute)
      .orderBy(minute);
    const raw = averaged.map((row) => ({
      at: new Date(row.at).toISOString(),
      memUsedBytes: numberOrNull(row.memUsedBytes),
      memTotalBytes: numberOrNull(row.memTotalBytes),
      gpuPct: numberOrNull(row.gpuPct),
      temperatureC: numberOrNull(row.temperatureC),
      diskFreeBytes: numberOrNull(row.diskFreeBytes),
      diskTotalBytes: numberOrNull(row.diskTotalBytes),
    }));
    return [...stored, ...raw];
  }
}

/** postgres returns avg() as text. */
function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
