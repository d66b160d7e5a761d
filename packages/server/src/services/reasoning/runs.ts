import { REASONING_OUTCOMES, type ReasoningOutcome } from '@spark-control/schema';
import { count } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { reasoningRuns } from '../../adapters/db/schema.js';
import type { TierAttempt } from './router.js';

export interface ReasoningRunRecord {
  id: string;
  task: string;
  tier: string | null;
  model: string | null;
  outcome: ReasoningOutcome;
  finishReason: string | null;
  reasked: boolean;
  latencyMs: number;
  attempts: TierAttempt[];
  error: string | null;
}

export interface ReasoningStat {
  task: string;
  /** Null for calls no model answered. */
  model: string | null;
  counts: Record<ReasoningOutcome, number>;
  total: number;
}

/** The `reasoning_runs` table: one row per call, whatever its outcome. */
export class ReasoningRuns {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async record(run: ReasoningRunRecord): Promise<void> {
    await this.#db.insert(reasoningRuns).values({
      ...run,
      attempts: run.attempts.map((attempt) => ({ ...attempt })),
    });
  }

  /** Outcome counts per task and model. */
  async stats(): Promise<ReasoningStat[]> {
    const rows = await this.#db
      .select({
        task: reasoningRuns.task,
        model: reasoningRuns.model,
        outcome: reasoningRuns.outcome,
        n: count(),
      })
      .from(reasoningRuns)
      .groupBy(reasoningRuns.task, reasoningRuns.model, reasoningRuns.outcome);
    const stats = new Map<string, ReasoningStat>();
    for (const row of rows) {
      const key = JSON.stringify([row.task, row.model]);
      let stat = stats.get(key);
      if (!stat) {
        const counts = Object.fromEntries(REASONING_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
          ReasoningOutcome,
          number
        >;
        stat = { task: row.task, model: row.model, counts, total: 0 };
        stats.set(key, stat);
      }
      if ((REASONING_OUTCOMES as readonly string[]).includes(row.outcome))
        stat.counts[row.outcome as ReasoningOutcome] += row.n;
      stat.total += row.n;
    }
    return [...stats.values()].sort(
      (a, b) => a.task.localeCompare(b.task) || (a.model ?? '').localeCompare(b.model ?? ''),
    );
  }
}
