import type { ScheduleBody, ScheduleOutcome, ScheduleRun } from '@spark-control/schema';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { scheduleRuns, schedules } from '../../adapters/db/schema.js';

export interface StoredSchedule extends ScheduleBody {
  id: string;
  placement: string;
  createdAt: string;
}

type RunRow = typeof scheduleRuns.$inferSelect;

function toRun(row: RunRow): ScheduleRun {
  return {
    scheduleId: row.scheduleId,
    windowStart: row.windowStart.toISOString(),
    ranAt: row.ranAt.toISOString(),
    outcome: row.outcome as ScheduleOutcome,
    reason: row.reason,
    swapId: row.swapId,
  };
}

/** Schedules and what each of their window starts did. */
export class ScheduleRepo {
  constructor(private readonly db: Db) {}

  async list(): Promise<StoredSchedule[]> {
    const rows = await this.db
      .select()
      .from(schedules)
      .orderBy(asc(schedules.start), asc(schedules.createdAt));
    return rows.map((row) => ({
      id: row.id,
      modelId: row.modelId,
      placement: row.placement,
      start: row.start,
      end: row.end,
      enabled: row.enabled,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  async insert(schedule: StoredSchedule): Promise<void> {
    await this.db.insert(schedules).values({ ...schedule, createdAt: new Date(schedule.createdAt) });
  }

  /** False when there is no such schedule. */
  async update(id: string, body: ScheduleBody & { placement: string }): Promise<boolean> {
    const rows = await this.db
      .update(schedules)
      .set(body)
      .where(eq(schedules.id, id))
      .returning({ id: schedules.id });
    return rows.length > 0;
  }

  /** False when there is no such schedule; its runs go with it. */
  async remove(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.delete(scheduleRuns).where(eq(scheduleRuns.scheduleId, id));
      const rows = await tx.delete(schedules).where(eq(schedules.id, id)).returning({ id: schedules.id });
      return rows.length > 0;
    });
  }

  async hasRun(scheduleId: string, windowStart: Date): Promise<boolean> {
    const rows = await this.db
      .select({ scheduleId: scheduleRuns.scheduleId })
      .from(scheduleRuns)
      .where(and(eq(scheduleRuns.scheduleId, scheduleId), eq(scheduleRuns.windowStart, windowStart)));
    return rows.length > 0;
  }

  async recordRun(run: ScheduleRun): Promise<void> {
    await this.db
      .insert(scheduleRuns)
      .values({ ...run, windowStart: new Date(run.windowStart), ranAt: new Date(run.ranAt) })
      .onConflictDoNothing();
  }

  /** The newest runs first. */
  async recentRuns(limit = 50): Promise<ScheduleRun[]> {
    const rows = await this.db.select().from(scheduleRuns).orderBy(desc(scheduleRuns.ranAt)).limit(limit);
    return rows.map(toRun);
  }

  /** The last run of each schedule. */
  async lastRuns(): Promise<Map<string, ScheduleRun>> {
    const rows = await this.db
      .selectDistinctOn([scheduleRuns.scheduleId])
      .from(scheduleRuns)
      .orderBy(scheduleRuns.scheduleId, desc(scheduleRuns.windowStart));
    return new Map(rows.map((row) => [row.scheduleId, toRun(row)]));
  }
}
