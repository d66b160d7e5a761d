import type { SwapView } from '@spark-control/schema';

/**
 * Placements left empty on purpose: their last unload succeeded and no swap has started there since.
 * The health monitor reads a failed probe of such a placement as `unloaded`, not `down`.
 */
export class UnloadedPlacements {
  readonly #ids = new Set<string>();

  has(placementId: string): boolean {
    return this.#ids.has(placementId);
  }

  /** Records how a swap or unload on its placement ended: only a successful unload leaves it empty. */
  finished(view: SwapView): void {
    if (view.kind === 'unload' && view.status === 'ready') this.#ids.add(view.placementId);
  }

  /** A swap or unload starts on the placement: what it serves is no longer known to be nothing. */
  started(placementId: string): void {
    this.#ids.delete(placementId);
  }

  /** After a restart: a placement is empty when its latest record is a finished unload. */
  restore(placementId: string, latest: SwapView | undefined): void {
    this.#ids.delete(placementId);
    if (latest) this.finished(latest);
  }
}
