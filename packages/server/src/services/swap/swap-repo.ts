import type {
  SwapCause,
  SwapKind,
  SwapPhase,
  SwapRollback,
  SwapStatus,
  SwapView,
} from '@spark-control/schema';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { swaps } from '../../adapters/db/schema.js';

type SwapRow = typeof swaps.$inferSelect;

function toView(row: SwapRow): SwapView {
  return {
    id: row.id,
    kind: row.kind as SwapKind,
    modelId: row.modelId,
    placementId: row.placementId,
    previousModelId: row.previousModelId,
    phase: row.phase as SwapPhase,
    status: row.status as SwapStatus,
    cause: row.cause as SwapCause | null,
    message: row.message,
    hint: row.hint,
    preflight: row.preflight,
    progress: row.progress,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    logTail: row.logTail,
    rollback: row.rollback as SwapRollback | null,
    actor: row.actor,
    timings: row.timings,
  };
}

/** Swap state in the database, so a restart can reconcile what was in flight. */
export class SwapRepo {
  constructor(private readonly db: Db) {}

  async save(swap: SwapView): Promise<void> {
    const row = {
      id: swap.id,
      kind: swap.kind,
      modelId: swap.modelId,
      placementId: swap.placementId,
      previousModelId: swap.previousModelId,
      phase: swap.phase,
      status: swap.status,
      cause: swap.cause,
      message: swap.message,
      hint: swap.hint,
      preflight: swap.preflight,
      progress: swap.progress,
      logTail: swap.logTail,
      rollback: swap.rollback,
      actor: swap.actor,
      timings: swap.timings,
      startedAt: new Date(swap.startedAt),
      finishedAt: swap.finishedAt ? new Date(swap.finishedAt) : null,
    };
    await this.db.insert(swaps).values(row).onConflictDoUpdate({ target: swaps.id, set: row });
  }

  async get(id: string): Promise<SwapView | undefined> {
    const [row] = await this.db.select().from(swaps).where(eq(swaps.id, id));
    return row ? toView(row) : undefined;
  }

  /** The last swap, of one placement or of any. */
  async latest(placementId?: string): Promise<SwapView | undefined> {
    const query = this.db.select().from(swaps);
    const filtered = placementId === undefined ? query : query.where(eq(swaps.placementId, placementId));
    const [row] = await filtered.orderBy(desc(swaps.startedAt)).limit(1);
    return row ? toView(row) : undefined;
  }

  async running(): Promise<SwapView[]> {
    const rows = await this.db.select().from(swaps).where(eq(swaps.status, 'running'));
    return rows.map(toView);
  }

  async history(limit = 50): Promise<SwapView[]> {
    const rows = await this.db.select().from(swaps).orderBy(desc(swaps.startedAt)).limit(limit);
    return rows.map(toView);
  }

  /** The most recent successful swaps (not unloads), newest first (for the typical durations per model). */
  async recentReady(limit: number): Promise<SwapView[]> {
    const rows = await this.db
      .select()
      .from(swaps)
      .where(and(eq(swaps.status, 'ready'), eq(swaps.kind, 'swap')))
      .orderBy(desc(swaps.startedAt))
      .limit(limit);
    return rows.map(toView);
  }
}
