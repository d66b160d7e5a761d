import type { LeaseView } from '@spark-control/schema';
import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { leases } from '../../adapters/db/schema.js';

type LeaseRow = typeof leases.$inferSelect;

function toView(row: LeaseRow): LeaseView {
  return {
    id: row.id,
    modelId: row.modelId,
    until: row.until.toISOString(),
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Leases in the database, so they outlive a restart. */
export class LeaseRepo {
  constructor(private readonly db: Db) {}

  async insert(lease: LeaseView): Promise<void> {
    await this.db.insert(leases).values({
      id: lease.id,
      modelId: lease.modelId,
      until: new Date(lease.until),
      note: lease.note,
      createdBy: lease.createdBy,
      createdAt: new Date(lease.createdAt),
    });
  }

  /** Leases not yet released or marked expired (some may be past their end), soonest end first. */
  async unended(): Promise<LeaseView[]> {
    const rows = await this.db.select().from(leases).where(isNull(leases.endedAt)).orderBy(asc(leases.until));
    return rows.map(toView);
  }

  async end(id: string, at: Date, reason: 'released' | 'expired', by: string | null): Promise<void> {
    await this.db
      .update(leases)
      .set({ endedAt: at, endReason: reason, endedBy: by })
      .where(eq(leases.id, id));
  }
}
