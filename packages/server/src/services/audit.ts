import { desc, sql } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { auditDenied, auditLog } from '../adapters/db/schema.js';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  status?: number;
  requestId?: string;
  detail?: Record<string, unknown>;
}

/** PostgreSQL text cannot hold NUL; a request path can (`%00`). */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/**
 * Writes the audit log: a row for every mutation by someone identified, and one counted row per
 * route for those refused before anyone was identified.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.insert(auditLog).values({
      actor: storable(entry.actor),
      action: storable(entry.action),
      target: entry.target === undefined || entry.target === null ? null : storable(entry.target),
      outcome: entry.outcome,
      status: entry.status ?? null,
      requestId: entry.requestId ?? null,
      detail:
        entry.detail === undefined
          ? null
          : (JSON.parse(storable(JSON.stringify(entry.detail))) as Record<string, unknown>),
    });
  }

  /** Counts an anonymous refusal of `action` (a route pattern, so the table stays as small as the API). */
  async countDenied(action: string, status: number): Promise<void> {
    const now = this.now();
    await this.db
      .insert(auditDenied)
      .values({ action: storable(action), count: 1, firstAt: now, lastAt: now, lastStatus: status })
      .onConflictDoUpdate({
        target: auditDenied.action,
        set: { count: sql`${auditDenied.count} + 1`, lastAt: now, lastStatus: status },
      });
  }

  async recent(limit = 100) {
    return this.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
  }

  async denied() {
    return this.db.select().from(auditDenied).orderBy(desc(auditDenied.lastAt));
  }
}
