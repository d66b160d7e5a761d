import {
  UNLOADED_DETAIL,
  type PlacementFitView,
  type PlacementHolding,
  type PlacementStatus,
  type PlacementView,
  type ServiceView,
  type SwapView,
} from '@spark-control/schema';

export const PLACEMENT_STATUS_WORDS: Record<PlacementStatus, string> = {
  serving: 'Serving',
  swapping: 'Swapping',
  idle: 'Idle',
  unreachable: 'Unreachable',
};

/** One placement's part of a Spark's memory bar. */
export interface MemorySegment extends PlacementHolding {
  /** Its part of the Spark's memory, 0…1 (0 when it reserves nothing there). */
  fraction: number;
}

/** A Spark's memory bar: its unified memory split by the placements on it. */
export interface SparkMemoryBar {
  id: string;
  label: string;
  memoryGiB: number | null;
  segments: MemorySegment[];
  /** What no placement reserves, 0…1; null while the memory is unread. */
  freeFraction: number | null;
}

/** Every Spark any placement uses, in the order the placements name them, with what each placement holds. */
export function sparkMemoryBars(placements: readonly PlacementView[]): SparkMemoryBar[] {
  const bars = new Map<string, SparkMemoryBar>();
  for (const placement of placements) {
    for (const spark of placement.sparks) {
      if (bars.has(spark.id)) continue;
      const total = spark.memoryGiB;
      const segments = spark.placements.map((holding) => ({
        ...holding,
        fraction: total && holding.budgetGiB !== null ? Math.min(1, holding.budgetGiB / total) : 0,
      }));
      const used = segments.reduce((sum, segment) => sum + segment.fraction, 0);
      bars.set(spark.id, {
        id: spark.id,
        label: spark.label,
        memoryGiB: total,
        segments,
        freeFraction: total ? Math.max(0, 1 - used) : null,
      });
    }
  }
  return [...bars.values()];
}

/**
 * Where a catalog model may run and why not elsewhere, in words:
 * "May run on vllm · Not on small: placement small serves only qwen3-4b".
 */
export function fitWords(fits: readonly PlacementFitView[]): string {
  const may = fits.filter((fit) => fit.problem === null).map((fit) => fit.placementId);
  const not = fits
    .filter((fit) => fit.problem !== null)
    .map((fit) => `Not on ${fit.placementId}: ${fit.problem ?? ''}`);
  return [may.length > 0 ? `May run on ${may.join(', ')}` : 'May run on no placement', ...not].join(' · ');
}

/** Whether the model may run on the placement, as `GET /api/catalog`'s `fits` says. */
export function mayRunOn(model: { fits: readonly PlacementFitView[] }, placementId: string): boolean {
  return model.fits.find((fit) => fit.placementId === placementId)?.problem === null;
}

/**
 * A built-in vLLM tile as a swap event on its own placement says it is, before the next probe does:
 * swapping the moment a swap or unload runs, up the moment a swap is ready, unloaded the moment an
 * unload is (an unload's model is the one it stopped). A failed or cancelled swap leaves it to the
 * probe (a rollback may still be bringing the previous model back); a swap on another placement
 * does not touch it.
 */
export function afterSwapEvent(service: ServiceView, swap: SwapView): ServiceView {
  if (service.kind !== 'vllm' || service.placementId !== swap.placementId) return service;
  const unload = swap.kind === 'unload';
  const next =
    swap.status === 'running'
      ? {
          status: 'swapping' as const,
          detail: unload ? `unloading ${swap.modelId}` : 'model swap in progress',
        }
      : swap.status !== 'ready'
        ? undefined
        : unload
          ? { status: 'unloaded' as const, detail: UNLOADED_DETAIL }
          : { status: 'up' as const, detail: `serving ${swap.modelId}` };
  if (!next || next.status === service.status) return service;
  // The served model is the probe's word; until it probes again the detail names the new model.
  const { servedModel: _previous, ...rest } = service;
  return { ...rest, ...next, since: swap.finishedAt ?? swap.startedAt, latencyMs: null };
}

/**
 * A tile's status read before its placement's last swap ended (a list fetched while the swap ran, a probe's event
 * sent just before) does not turn it back to "swapping": the swap event that came after it says what it is now.
 */
export function afterLastSwap(service: ServiceView, lastSwap: SwapView | undefined): ServiceView {
  if (!lastSwap || lastSwap.status === 'running' || service.status !== 'swapping') return service;
  return afterSwapEvent(service, lastSwap);
}
