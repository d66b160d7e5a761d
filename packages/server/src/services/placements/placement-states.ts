import {
  placementSparkIds,
  type ModelDef,
  type Placement,
  type PlacementHolding,
  type PlacementStatus,
  type PlacementView,
} from '@spark-control/schema';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { VllmCluster } from '../swap/vllm-cluster.js';
import type { PlacementDirectory } from './placement-directory.js';

const GIB = 1024 ** 3;
/** A served model the catalog lacks holds vLLM's default share. */
const UNKNOWN_MODEL_SHARE = 0.9;
const ASK_TIMEOUT_MS = 4000;

type Memory = { totalBytes: number; availableBytes: number } | undefined;

/** What one placement holds now, before it is put on its Sparks. */
interface Holding {
  placement: Placement;
  status: PlacementStatus;
  servedModel: string | null;
  swappingTo: string | null;
  /** The share of each of `memorySparkIds`' memory its model reserves; null when it holds nothing. */
  share: number | null;
  memorySparkIds: string[];
}

/** What `GET /api/placements` reports: each placement, what it serves and what it reserves. */
export class PlacementStates {
  private readonly directory: PlacementDirectory;
  private readonly cluster: Pick<VllmCluster, 'servedModels' | 'memory'>;
  private readonly catalog: Pick<CatalogStore, 'byServedName' | 'get'>;
  private readonly swaps: {
    isSwapping(placementId?: string): boolean;
    swappingTo(placementId: string): string | null;
  };

  constructor(options: {
    directory: PlacementDirectory;
    cluster: Pick<VllmCluster, 'servedModels' | 'memory'>;
    catalog: Pick<CatalogStore, 'byServedName' | 'get'>;
    swaps: { isSwapping(placementId?: string): boolean; swappingTo(placementId: string): string | null };
  }) {
    this.directory = options.directory;
    this.cluster = options.cluster;
    this.catalog = options.catalog;
    this.swaps = options.swaps;
  }

  async list(): Promise<PlacementView[]> {
    const placements = this.directory.all();
    const signal = AbortSignal.timeout(ASK_TIMEOUT_MS);
    const sparkIds = [...new Set(placements.flatMap((placement) => placement.sparkIds))];
    // Memory and the served models are asked at the same time: one round trip, not two.
    const memoriesRead = Promise.all(
      sparkIds.map(async (id): Promise<[string, Memory]> => {
        const spark = this.directory.spark(id);
        return [id, spark ? await this.cluster.memory(spark, signal).catch(() => undefined) : undefined];
      }),
    ).then((entries) => new Map(entries));
    const [memories, holdings] = await Promise.all([
      memoriesRead,
      Promise.all(placements.map((placement) => this.#holding(placement, memoriesRead, signal))),
    ]);
    const totalGib = (sparkId: string | undefined) => {
      const memory = sparkId === undefined ? undefined : memories.get(sparkId);
      return memory ? roundGib(memory.totalBytes) : null;
    };
    const holdingOn = (sparkId: string, holding: Holding): PlacementHolding => {
      const memory = memories.get(sparkId);
      const reserves = holding.share !== null && holding.memorySparkIds.includes(sparkId);
      return {
        placementId: holding.placement.id,
        status: holding.status,
        modelId: holding.servedModel ?? holding.swappingTo,
        budgetGiB: reserves && memory ? roundGib((holding.share ?? 0) * memory.totalBytes) : null,
      };
    };
    return holdings.map((holding): PlacementView => {
      const { placement } = holding;
      const [headId] = placement.sparkIds;
      const headMemory = headId === undefined ? undefined : memories.get(headId);
      return {
        id: placement.id,
        sparkIds: placement.sparkIds,
        port: placement.port,
        container: placement.container,
        models: placement.models,
        status: holding.status,
        servedModel: holding.servedModel,
        memoryBudgetGiB:
          holding.status === 'serving' && holding.share !== null && headMemory
            ? roundGib(holding.share * headMemory.totalBytes)
            : null,
        sparkMemoryGiB: holding.status === 'swapping' ? null : totalGib(headId),
        memorySparkIds: holding.memorySparkIds,
        swappingTo: holding.swappingTo,
        sparks: placement.sparkIds.map((sparkId) => ({
          id: sparkId,
          label: this.directory.spark(sparkId)?.label ?? sparkId,
          memoryGiB: totalGib(sparkId),
          placements: holdings
            .filter((other) => other.placement.sparkIds.includes(sparkId))
            .map((other) => holdingOn(sparkId, other)),
        })),
      };
    });
  }

  /** The placement that holds `model`: the one serving it now, else the first where it may run. */
  async holding(model: Pick<ModelDef, 'id' | 'tensorParallel'>): Promise<string | undefined> {
    const serving = (await this.list()).find((view) => view.servedModel === model.id);
    return serving?.id ?? this.directory.fits(model).find((fit) => fit.problem === null)?.placement.id;
  }

  async #holding(
    placement: Placement,
    memories: Promise<Map<string, Memory>>,
    signal: AbortSignal,
  ): Promise<Holding> {
    const nothing = { placement, servedModel: null, swappingTo: null, share: null, memorySparkIds: [] };
    if (this.swaps.isSwapping(placement.id)) {
      const swappingTo = this.swaps.swappingTo(placement.id);
      const target = swappingTo === null ? undefined : this.catalog.get(swappingTo);
      return {
        ...nothing,
        status: 'swapping',
        swappingTo,
        share: target ? (placement.memoryShare ?? target.vllm.gpuMemoryUtilization) : null,
        memorySparkIds: target ? placementSparkIds(placement, target.tensorParallel) : [],
      };
    }
    const head = this.directory.head(placement);
    if (!head) return { ...nothing, status: 'unreachable' };
    const [name] = (await this.cluster.servedModels(head, placement.port, signal)) ?? [];
    if (name === undefined)
      return { ...nothing, status: (await memories).get(head.id) ? 'idle' : 'unreachable' };
    const model = this.catalog.byServedName(name);
    return {
      ...nothing,
      status: 'serving',
      servedModel: model?.id ?? name,
      share: placement.memoryShare ?? model?.vllm.gpuMemoryUtilization ?? UNKNOWN_MODEL_SHARE,
      memorySparkIds: placementSparkIds(placement, model?.tensorParallel ?? 1),
    };
  }
}

function roundGib(bytes: number): number {
  return Math.round((bytes * 10) / GIB) / 10;
}
