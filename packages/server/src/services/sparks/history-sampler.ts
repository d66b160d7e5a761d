import type { SparkHistory } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import type { SparkInspector } from './hardware.js';
import { metricsOf, type SparkHistoryStore } from './history-store.js';
import type { SettingsSource } from '../settings-source.js';

const COMPACT_EVERY_MS = 5 * 60 * 1000;

export interface HardwareSamplerOptions {
  inspector: Pick<SparkInspector, 'list'>;
  store: SparkHistoryStore;
  settings: SettingsSource;
  log: Logger;
  now: () => Date;
  /** Between samples (default 5 s); a slow sample delays the next, samples never overlap. */
  intervalMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Samples every Spark's hardware card into the history every 5 s, compacts the old samples, and reads
 * the history back: the last hour as samples, the last 24 h as one point per minute.
 */
export class HardwareHistory {
  readonly #options: HardwareSamplerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #sampling: Promise<void> = Promise.resolve();
  #lastCompact = 0;

  constructor(options: HardwareSamplerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#sampling;
  }

  /** Undefined when no Spark has that id. */
  async history(sparkId: string, hours: 1 | 24): Promise<SparkHistory | undefined> {
    if (!this.#options.settings.current.sparks.some((spark) => spark.id === sparkId)) return undefined;
    const since = new Date(this.#options.now().getTime() - hours * HOUR_MS);
    const points = await this.#options.store.history(sparkId, since, hours === 1 ? 'sample' : 'minute');
    return { sparkId, hours, points };
  }

  /** One sample of every reachable Spark (unreachable ones leave a gap). */
  async sample(): Promise<void> {
    const cards = await this.#options.inspector.list({ fresh: true });
    const now = this.#options.now();
    await this.#options.store.record(
      cards
        .filter((card) => card.ssh.reachable)
        .map((card) => ({ sparkId: card.sparkId, at: now, ...metricsOf(card) })),
    );
    if (now.getTime() - this.#lastCompact >= COMPACT_EVERY_MS) {
      this.#lastCompact = now.getTime();
      await this.#options.store.compact(now);
    }
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#sampling = this.sample()
        .catch((error: unknown) => this.#options.log.warn({ err: error }, 'hardware sample failed'))
        .finally(() => {
          if (this.#running) this.#schedule();
        });
    }, this.#options.intervalMs ?? 5000);
    this.#timer.unref();
  }
}
