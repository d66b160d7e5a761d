import type { ScheduleOutcome, ScheduleRun } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import { DomainError } from '../domain-error.js';
import type { SwapService } from '../swap/swap-service.js';
import type { ScheduleRepo, StoredSchedule } from './schedule-repo.js';
import type { SchedulePort } from './schedule-service.js';
import { resolveTimeZone, windowsStartingIn } from './zoned-time.js';

export interface ScheduleRunnerDeps {
  repo: ScheduleRepo;
  swaps: Pick<SwapService, 'isSwapping' | 'start'>;
  catalog: Pick<CatalogStore, 'byServedName'>;
  /** The model names every placement serves now (vLLM's `/v1/models`), undefined when none answers. */
  servedNow: () => Promise<string[] | undefined>;
  port: SchedulePort;
  timeZone: () => string;
  log: Logger;
  now: () => Date;
  /** How often the ticker looks for window starts (default 15 s). */
  tickMs?: number;
}

/**
 * Runs schedules: each tick handles the window starts since the last tick, at most once per schedule
 * and start (the run is stored, so a restart does not repeat it). At a start it skips, with the reason
 * stored, when the port reports a hold or a swap is running; does nothing when the model is already
 * served; else starts a swap as `schedule:<id>`.
 */
export class ScheduleRunner {
  readonly #deps: ScheduleRunnerDeps;
  readonly #tickMs: number;
  #lastTick: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> = Promise.resolve();

  constructor(deps: ScheduleRunnerDeps) {
    this.#deps = deps;
    this.#tickMs = deps.tickMs ?? 15_000;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.#ticking = this.#ticking
        .then(async () => {
          await this.tick();
        })
        .catch((error: unknown) => {
          this.#deps.log.error({ err: error }, 'schedule tick failed');
        });
    }, this.#tickMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#ticking;
  }

  /**
   * Handles the window starts in (last tick, now]. The first tick also looks two tick periods back,
   * so a start during a restart is not lost; the stored runs keep it from running twice.
   */
  async tick(): Promise<ScheduleRun[]> {
    const now = this.#deps.now().getTime();
    const since = this.#lastTick ?? now - 2 * this.#tickMs;
    this.#lastTick = now;
    const timeZone = resolveTimeZone(this.#deps.timeZone());
    const due: { schedule: StoredSchedule; start: number }[] = [];
    for (const schedule of await this.#deps.repo.list()) {
      if (!schedule.enabled) continue;
      for (const window of windowsStartingIn(schedule, since, now, timeZone)) {
        due.push({ schedule, start: window.start });
      }
    }
    due.sort((a, b) => a.start - b.start);
    const runs: ScheduleRun[] = [];
    for (const { schedule, start } of due) {
      if (await this.#deps.repo.hasRun(schedule.id, new Date(start))) continue;
      const run = await this.#runOnce(schedule, new Date(start));
      await this.#deps.repo.recordRun(run);
      this.#deps.log.info({ ...run }, 'schedule window started');
      runs.push(run);
    }
    return runs;
  }

  async #runOnce(schedule: StoredSchedule, windowStart: Date): Promise<ScheduleRun> {
    const run = (
      outcome: ScheduleOutcome,
      reason: string | null,
      swapId: string | null = null,
    ): ScheduleRun => ({
      scheduleId: schedule.id,
      windowStart: windowStart.toISOString(),
      ranAt: this.#deps.now().toISOString(),
      outcome,
      reason,
      swapId,
    });
    const target = { modelId: schedule.modelId, placement: schedule.placement };
    const block = await this.#deps.port.isBlocked(target, windowStart);
    if (block) return run('skipped', block.reason);
    if (this.#deps.swaps.isSwapping(schedule.placement)) return run('skipped', 'a swap was running');
    const served = await this.#deps.servedNow();
    const servedIds = (served ?? []).map((name) => this.#deps.catalog.byServedName(name)?.id);
    if (servedIds.includes(schedule.modelId)) return run('already-serving', null);
    try {
      const swap = await this.#deps.swaps.start(
        schedule.modelId,
        `schedule:${schedule.id}`,
        schedule.placement,
      );
      return run('swapped', null, swap.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'SWAP_IN_PROGRESS')
        return run('skipped', 'a swap was running');
      return run('failed', error instanceof Error ? error.message : String(error));
    }
  }
}
