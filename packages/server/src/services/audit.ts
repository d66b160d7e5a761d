import { desc } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { auditLog } from '../adapters/db/schema.js';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  status?: number;
  requestId?: string;
  detail?: Record<string, unknown>;
}

/** Writes the audit log; every mutating call ends up here. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.insert(auditLog).values({
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome,
      status: entry.status ?? null,
      requestId: entry.requestId ?? null,
      detail: entry.detail ?? null,
    });
  }

  async recent(limit = 100) {
    return this.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
  }
}
