import type { SparkHardware, SwapView } from '@spark-control/schema';
import type { ServerClient } from './server-link.js';

/** What a StartOS health check shows. */
export interface Health {
  result: 'success' | 'failure' | 'disabled' | 'starting' | 'loading';
  message: string;
}

export interface OwnerNotice {
  level: 'warning' | 'error';
  title: string;
  message: string;
  /** Markdown shown under "View Details". */
  data: string | null;
}

/** The watcher's words, in the StartOS language. */
export interface WatchText {
  sparkReachable: (label: string, latencyMs: number | null) => string;
  sparkUnreachable: (label: string, error: string) => string;
  sparkPending: string;
  gatewayServing: (models: string[]) => string;
  gatewaySwapping: (modelId: string) => string;
  gatewayNotConfigured: string;
  gatewayFailing: (message: string) => string;
  noAnswer: string;
  sparkDownNotice: (label: string, error: string) => Omit<OwnerNotice, 'level' | 'data'>;
  swapFailedNotice: (swap: SwapView) => Omit<OwnerNotice, 'level'>;
}

interface Snapshot {
  sparks: SparkHardware[];
  swaps: SwapView[];
}

export interface ClusterWatchOptions {
  client: Pick<ServerClient, 'sparks' | 'swapHistory' | 'gatewayModels'>;
  notify: (notice: OwnerNotice) => Promise<void>;
  text: WatchText;
  /** Health checks asking within this time share one look at the server (default 4 s). */
  ttlMs?: number;
}

/**
 * One look at the server shared by the per-Spark and gateway health checks, and the owner's
 * notifications: one when a Spark becomes unreachable (again only after it was reachable), one for
 * each swap that fails while the package watches. Swaps that had already failed when the watch
 * began are not announced.
 */
export class ClusterWatch {
  readonly #options: ClusterWatchOptions;
  #cached: { at: number; snapshot: Promise<Snapshot> } | undefined;
  readonly #down = new Set<string>();
  #seenSwaps: Set<string> | undefined;

  constructor(options: ClusterWatchOptions) {
    this.#options = options;
  }

  async sparkHealth(sparkId: string): Promise<Health> {
    const { text } = this.#options;
    let snapshot: Snapshot;
    try {
      snapshot = await this.#snapshot();
    } catch {
      return { result: 'failure', message: text.noAnswer };
    }
    const card = snapshot.sparks.find((spark) => spark.sparkId === sparkId);
    if (!card) return { result: 'starting', message: text.sparkPending };
    return card.ssh.reachable
      ? { result: 'success', message: text.sparkReachable(card.label, card.ssh.latencyMs) }
      : { result: 'failure', message: text.sparkUnreachable(card.label, card.ssh.error ?? '') };
  }

  async gatewayHealth(): Promise<Health> {
    const { text, client } = this.#options;
    try {
      const running = (await this.#snapshot()).swaps.find((swap) => swap.status === 'running');
      if (running) return { result: 'loading', message: text.gatewaySwapping(running.modelId) };
      const models = await client.gatewayModels();
      if (models.status === 200) return { result: 'success', message: text.gatewayServing(models.models) };
      if (models.code === 'service_not_configured')
        return { result: 'disabled', message: text.gatewayNotConfigured };
      return { result: 'failure', message: text.gatewayFailing(models.error ?? `HTTP ${models.status}`) };
    } catch {
      return { result: 'failure', message: text.noAnswer };
    }
  }

  #snapshot(): Promise<Snapshot> {
    const now = Date.now();
    if (this.#cached && now - this.#cached.at < (this.#options.ttlMs ?? 4000)) return this.#cached.snapshot;
    const snapshot = this.#look();
    this.#cached = { at: now, snapshot };
    return snapshot;
  }

  async #look(): Promise<Snapshot> {
    const { client } = this.#options;
    const [sparks, swaps] = await Promise.all([client.sparks(), client.swapHistory()]);
    await this.#announce({ sparks, swaps });
    return { sparks, swaps };
  }

  async #announce(snapshot: Snapshot): Promise<void> {
    const { text } = this.#options;
    const notices: OwnerNotice[] = [];
    for (const card of snapshot.sparks) {
      if (card.ssh.reachable) {
        this.#down.delete(card.sparkId);
      } else if (!this.#down.has(card.sparkId)) {
        this.#down.add(card.sparkId);
        const notice = text.sparkDownNotice(card.label, card.ssh.error ?? '');
        notices.push({ level: 'warning', data: null, ...notice });
      }
    }
    const finished = snapshot.swaps.filter((swap) => swap.status !== 'running');
    if (!this.#seenSwaps) {
      this.#seenSwaps = new Set(finished.map((swap) => swap.id));
    } else {
      for (const swap of finished) {
        if (this.#seenSwaps.has(swap.id)) continue;
        this.#seenSwaps.add(swap.id);
        if (swap.status === 'failed') notices.push({ level: 'error', ...text.swapFailedNotice(swap) });
      }
    }
    for (const notice of notices) await this.#options.notify(notice);
  }
}
