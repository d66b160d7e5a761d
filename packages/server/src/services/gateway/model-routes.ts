import type { Placement, Settings } from '@spark-control/schema';
import { originOf, readText, type UpstreamClient } from '../../adapters/upstream/client.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import type { SettingsSource } from '../settings-source.js';
import { malformed, upstreamFailure } from './failures.js';
import type { SwapState } from './swap-queue.js';

/** Where requests for a model go: a placement's vLLM. */
export interface PlacementRoute {
  placementId: string;
  /** `http://host:port` of the placement's head Spark. */
  origin: string;
}

/** One entry of a placement's `/v1/models` (vLLM's fields as it sent them), with where it runs. */
export interface ListedModel {
  id: string;
  placement: string;
  [field: string]: unknown;
}

/** What every placement served when it was last asked. */
export interface RoutesSnapshot {
  /** Served name → the placement serving it (the first in settings order when several do). */
  byName: ReadonlyMap<string, PlacementRoute>;
  /** Every placement's `/v1/models` entries, in settings order. */
  models: readonly ListedModel[];
  /** The placements that did not list their models, and why (a transport error or a DomainError). */
  failures: readonly { placementId: string; error: unknown }[];
  /** Every placement failed (and there is at least one). */
  readonly allFailed: boolean;
}

const EMPTY: RoutesSnapshot = { byName: new Map(), models: [], failures: [], allFailed: false };

/**
 * Which configured placement serves which model name, from each placement's `/v1/models`, cached
 * for `ttlMs`. A request reads the cache; a stale entry is still used while a refresh runs in the
 * background (a route that turned wrong answers 404, and the gateway asks again), and a name the
 * cache lacks waits for a refresh. A swap starting or ending anywhere, or a change of the
 * placements, makes the cache stale; `invalidate()` does too.
 */
export class ModelRoutes {
  #snapshot: RoutesSnapshot = EMPTY;
  #refreshedAt = Number.NEGATIVE_INFINITY;
  #swappingAtRefresh = false;
  #refreshing: Promise<RoutesSnapshot> | undefined;
  /** The settings the routes were made from: another placements or sparks list drops the cache. */
  #layoutOf: { placements: Settings['placements']; sparks: Settings['sparks'] } | undefined;
  #routes: PlacementRoute[] = [];

  private readonly settings: SettingsSource;
  private readonly directory: Pick<PlacementDirectory, 'all' | 'head'>;
  private readonly upstream: Pick<UpstreamClient, 'request'>;
  private readonly swaps: Pick<SwapState, 'isSwapping'>;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: {
    settings: SettingsSource;
    directory: Pick<PlacementDirectory, 'all' | 'head'>;
    upstream: Pick<UpstreamClient, 'request'>;
    swaps: Pick<SwapState, 'isSwapping'>;
    ttlMs?: number;
    timeoutMs?: number;
    now?: () => number;
  }) {
    this.settings = options.settings;
    this.directory = options.directory;
    this.upstream = options.upstream;
    this.swaps = options.swaps;
    this.ttlMs = options.ttlMs ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Whether the settings configure placements; without, the gateway keeps its single vLLM upstream. */
  configured(): boolean {
    return this.settings.current.placements.length > 0;
  }

  /** The configured placements' routes, in settings order (a placement whose head Spark is unknown has none). */
  routes(): readonly PlacementRoute[] {
    const { placements, sparks } = this.settings.current;
    if (this.#layoutOf?.placements !== placements || this.#layoutOf.sparks !== sparks) {
      this.#layoutOf = { placements, sparks };
      this.#routes = this.directory.all().flatMap((placement) => this.#routeOf(placement));
      this.invalidate();
      this.#snapshot = EMPTY;
    }
    return this.#routes;
  }

  /** The cached route of a served name, without waiting; undefined when the cache lacks it. */
  lookup(model: string): PlacementRoute | undefined {
    this.routes();
    if (this.#isStale()) void this.refresh();
    return this.#snapshot.byName.get(model);
  }

  /** Asks every placement for its models now (joining a refresh already under way). Never rejects. */
  refresh(): Promise<RoutesSnapshot> {
    if (this.#refreshing) return this.#refreshing;
    const routes = this.routes();
    this.#swappingAtRefresh = this.swaps.isSwapping();
    const refreshing = this.#ask(routes).then((snapshot) => {
      // A newer layout has dropped this one meanwhile: keep what it found out of the cache.
      if (routes === this.#routes) {
        this.#snapshot = snapshot;
        this.#refreshedAt = this.now();
      }
      return snapshot;
    });
    this.#refreshing = refreshing;
    void refreshing.finally(() => {
      if (this.#refreshing === refreshing) this.#refreshing = undefined;
    });
    return refreshing;
  }

  /** Makes the next lookup refresh the cache (a swap finished, a route answered 404). */
  invalidate(): void {
    this.#refreshedAt = Number.NEGATIVE_INFINITY;
  }

  #isStale(): boolean {
    return (
      this.now() - this.#refreshedAt >= this.ttlMs || this.swaps.isSwapping() !== this.#swappingAtRefresh
    );
  }

  #routeOf(placement: Placement): PlacementRoute[] {
    const head = this.directory.head(placement);
    return head ? [{ placementId: placement.id, origin: originOf(head.host, placement.port) }] : [];
  }

  async #ask(routes: readonly PlacementRoute[]): Promise<RoutesSnapshot> {
    const answers = await Promise.all(routes.map((route) => this.#modelsOf(route)));
    const byName = new Map<string, PlacementRoute>();
    const models: ListedModel[] = [];
    const failures: { placementId: string; error: unknown }[] = [];
    answers.forEach((answer, index) => {
      const route = routes[index]!;
      if ('error' in answer) {
        failures.push({ placementId: route.placementId, error: answer.error });
        return;
      }
      for (const entry of answer.entries) {
        const id = String(entry.id);
        if (!byName.has(id)) byName.set(id, route);
        models.push({ ...entry, id, placement: route.placementId });
      }
    });
    return { byName, models, failures, allFailed: routes.length > 0 && failures.length === routes.length };
  }

  async #modelsOf(
    route: PlacementRoute,
  ): Promise<{ entries: Record<string, unknown>[] } | { error: unknown }> {
    try {
      const response = await this.upstream.request({
        origin: route.origin,
        method: 'GET',
        path: '/v1/models',
        headers: {},
        timeoutMs: this.timeoutMs,
      });
      const text = await readText(response.body, 4 * 1024 * 1024);
      if (response.status !== 200) return { error: upstreamFailure('vllm', response.status, text) };
      const body = JSON.parse(text) as { data?: unknown };
      if (!Array.isArray(body.data)) return { error: malformed('vllm', '/v1/models lists no data') };
      return {
        entries: body.data.filter(
          (entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null,
        ),
      };
    } catch (error) {
      return {
        error: error instanceof SyntaxError ? malformed('vllm', 'its answer is not valid JSON') : error,
      };
    }
  }
}
