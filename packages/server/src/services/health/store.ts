import type {
  ServiceHistory,
  ServiceMinute,
  ServiceSample,
  ServiceStatus,
  ServiceTransition,
} from '@spark-control/schema';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { serviceSampleMinutes, serviceSamples, serviceTransitions } from '../../adapters/db/schema.js';

/** Samples younger than this stay one row per sweep; older ones become minute aggregates. */
export const RAW_RETENTION_MS = 60 * 60 * 1000;
/** Minute aggregates and transitions are kept this long (the 30-day uptime needs them). */
export const LONG_RETENTION_MS = 31 * 24 * 60 * 60 * 1000;

const AVAILABLE = ['up', 'degraded'];
/** Planned, intentionally empty or unobserved time: not counted for or against uptime. */
const EXCLUDED = ['swapping', 'disabled', 'unknown', 'unloaded'];

export interface SampleRow {
  serviceId: string;
  at: Date;
  status: ServiceStatus;
  latencyMs: number | null;
}

const inList = (values: string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** The health monitor's tables: samples, minute aggregates and transitions. */
export class HealthStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async recordSamples(rows: readonly SampleRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#db.insert(serviceSamples).values(rows.map((row) => ({ ...row })));
  }

  async recordTransition(row: {
    serviceId: string;
    at: Date;
    from: ServiceStatus;
    to: ServiceStatus;
    detail: string;
  }): Promise<void> {
    await this.#db.insert(serviceTransitions).values({
      serviceId: row.serviceId,
      at: row.at,
      fromStatus: row.from,
      toStatus: row.to,
      detail: row.detail,
    });
  }

  /**
   * Folds samples older than the raw retention into per-minute aggregates and drops what is
   * older than the long retention. Safe to run at any time.
   */
  async compact(now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - RAW_RETENTION_MS);
    const longCutoff = new Date(now.getTime() - LONG_RETENTION_MS);
    await this.#db.transaction(async (tx) => {
      await tx.execute(sql`
        WITH moved AS (
          DELETE FROM ${serviceSamples} WHERE ${serviceSamples.at} < ${cutoff.toISOString()}::timestamptz RETURNING *
        )
        INSERT INTO ${serviceSampleMinutes}
          (service_id, minute, samples, available, excluded, latency_sum_ms, latency_count, latency_max_ms)
        SELECT service_id, date_trunc('minute', at), count(*)::int,
          (count(*) FILTER (WHERE status IN (${inList(AVAILABLE)})))::int,
          (count(*) FILTER (WHERE status IN (${inList(EXCLUDED)})))::int,
          coalesce(sum(latency_ms), 0)::int, count(latency_ms)::int, max(latency_ms)
        FROM moved GROUP BY service_id, date_trunc('minute', at)
        ON CONFLICT (service_id, minute) DO UPDATE SET
          samples = ${serviceSampleMinutes.samples} + excluded.samples,
          available = ${serviceSampleMinutes.available} + excluded.available,
          excluded = ${serviceSampleMinutes.excluded} + excluded.excluded,
          latency_sum_ms = ${serviceSampleMinutes.latencySumMs} + excluded.latency_sum_ms,
          latency_count = ${serviceSampleMinutes.latencyCount} + excluded.latency_count,
          latency_max_ms = greatest(${serviceSampleMinutes.latencyMaxMs}, excluded.latency_max_ms)
      `);
      await tx.delete(serviceSampleMinutes).where(lt(serviceSampleMinutes.minute, longCutoff));
      await tx.delete(serviceTransitions).where(lt(serviceTransitions.at, longCutoff));
    });
  }

  /**
   * Uptime per service since `since`: available samples over counted samples, where swaps,
   * unloaded, disabled and unknown time are not counted. Services without counted samples are absent.
   */
  async uptime(since: Date): Promise<Map<string, number>> {
    const raw = await this.#db
      .select({
        serviceId: serviceSamples.serviceId,
        counted: sql<number>`(count(*) FILTER (WHERE ${serviceSamples.status} NOT IN (${inList(EXCLUDED)})))::int`,
        available: sql<number>`(count(*) FILTER (WHERE ${serviceSamples.status} IN (${inList(AVAILABLE)})))::int`,
      })
      .from(serviceSamples)
      .where(gte(serviceSamples.at, since))
      .groupBy(serviceSamples.serviceId);
    const minutes = await this.#db
      .select({
        serviceId: serviceSampleMinutes.serviceId,
        counted: sql<number>`(sum(${serviceSampleMinutes.samples}) - sum(${serviceSampleMinutes.excluded}))::int`,
        available: sql<number>`sum(${serviceSampleMinutes.available})::int`,
      })
      .from(serviceSampleMinutes)
      .where(gte(serviceSampleMinutes.minute, since))
      .groupBy(serviceSampleMinutes.serviceId);
    const totals = new Map<string, { counted: number; available: number }>();
    for (const row of [...raw, ...minutes]) {
      const total = totals.get(row.serviceId) ?? { counted: 0, available: 0 };
      total.counted += Number(row.counted);
      total.available += Number(row.available);
      totals.set(row.serviceId, total);
    }
    const uptime = new Map<string, number>();
    for (const [id, total] of totals) {
      if (total.counted > 0) uptime.set(id, total.available / total.counted);
    }
    return uptime;
  }

  /** Transitions (newest first), raw samples (oldest first) and minute aggregates since `since`. */
  async history(serviceId: string, since: Date, limit = 500): Promise<ServiceHistory> {
    const transitions = await this.#db
      .select()
      .from(serviceTransitions)
      .where(and(eq(serviceTransitions.serviceId, serviceId), gte(serviceTransitions.at, since)))
      .orderBy(desc(serviceTransitions.at), desc(serviceTransitions.id))
      .limit(limit);
    const samples = await this.#db
      .select()
      .from(serviceSamples)
      .where(and(eq(serviceSamples.serviceId, serviceId), gte(serviceSamples.at, since)))
      .orderBy(desc(serviceSamples.at))
      .limit(limit);
    const minutes = await this.#db
      .select()
      .from(serviceSampleMinutes)
      .where(and(eq(serviceSampleMinutes.serviceId, serviceId), gte(serviceSampleMinutes.minute, since)))
      .orderBy(asc(serviceSampleMinutes.minute))
      .limit(limit * 4);
    return {
      id: serviceId,
      transitions: transitions.map((row): ServiceTransition => ({
        at: row.at.toISOString(),
        from: row.fromStatus as ServiceStatus,
        to: row.toStatus as ServiceStatus,
        detail: row.detail,
      })),
      samples: samples.reverse().map((row): ServiceSample => ({
        at: row.at.toISOString(),
        status: row.status as ServiceStatus,
        latencyMs: row.latencyMs,
      })),
      minutes: minutes.map((row): ServiceMinute => ({
        minute: row.minute.toISOString(),
        samples: row.samples,
        available: row.available,
        excluded: row.excluded,
        latencyAvgMs: row.latencyCount > 0 ? Math.round(row.latencySumMs / row.latencyCount) : null,
        latencyMaxMs: row.latencyMaxMs,
      })),
    };
  }

  /** The last recorded status of each service (to carry `since` across a restart). */
  async lastTransitions(): Promise<Map<string, { at: Date; to: ServiceStatus }>> {
    const rows = await this.#db
      .selectDistinctOn([serviceTransitions.serviceId], {
        serviceId: serviceTransitions.serviceId,
        at: serviceTransitions.at,
        to: serviceTransitions.toStatus,
      })
      .from(serviceTransitions)
      .orderBy(serviceTransitions.serviceId, desc(serviceTransitions.at), desc(serviceTransitions.id));
    return new Map(rows.map((row) => [row.serviceId, { at: row.at, to: row.to as ServiceStatus }]));
  }
}
