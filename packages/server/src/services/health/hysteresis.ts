/** When failed probes make a service `down` (settings.monitor.downAfterProbes / downAfterSec). */
export interface DownAfter {
  probes: number;
  seconds: number;
}

export const DEFAULT_DOWN_AFTER: DownAfter = { probes: 3, seconds: 15 };

/**
 * The run of failed probes of each service. A busy GPU's `/health` misses a probe or two (a
 * known limit of vLLM); a service is shown `down` only once its probes failed `probes` times in
 * a row or for `seconds`, whichever comes first. Until then the tile and the uptime keep the last
 * status. One good probe ends the run.
 */
export class FailureStreaks {
  readonly #streaks = new Map<string, { count: number; since: number }>();

  /**
   * Records one probe of `id`; true when its result should be shown as it is: a success, a
   * failure of a service already down, or a failure that has now lasted long enough.
   */
  record(id: string, failed: boolean, at: Date, alreadyDown: boolean, rule: DownAfter): boolean {
    if (!failed) {
      this.#streaks.delete(id);
      return true;
    }
    const streak = this.#streaks.get(id) ?? { count: 0, since: at.getTime() };
    streak.count += 1;
    this.#streaks.set(id, streak);
    return alreadyDown || streak.count >= rule.probes || at.getTime() - streak.since >= rule.seconds * 1000;
  }

  forget(id: string): void {
    this.#streaks.delete(id);
  }
}
