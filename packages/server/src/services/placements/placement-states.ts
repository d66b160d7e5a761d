import type { ModelDef, PlacementView } from '@spark-control/schema';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { VllmCluster } from '../swap/vllm-cluster.js';
import type { PlacementDirectory } from './placement-directory.js';

const GIB = 1024 ** 3;
/** A served model the catalog lacks holds vLLM's default share. */
const UNKNOWN_MODEL_SHARE = 0.9;
const ASK_TIMEOUT_MS = 4000;

/** What `GET /api/placements` reports: each placement, what it serves and what it reserves. */
export class PlacementStates {
  private readonly directory: PlacementDirectory;
  private readonly cluster: Pick<VllmCluster, 'servedModels' | 'memory'>;
  private readonly catalog: Pick<CatalogStore, 'byServedName'>;
  private readonly swaps: { isSwapping(placementId?: string): boolean };

  constructor(options: {
    directory: PlacementDirectory;
    cluster: Pick<VllmCluster, 'servedModels' | 'memory'>;
    catalog: Pick<CatalogStore, 'byServedName'>;
    swaps: { isSwapping(placementId?: string): boolean };
  }) {
    this.directory = options.directory;
    this.cluster = options.cluster;
    this.catalog = options.catalog;
    this.swaps = options.swaps;
  }

  list(): Promise<PlacementView[]> {
    return Promise.all(
      this.directory.all().map(async (placement): Promise<PlacementView> => {
        const base = {
          id: placement.id,
          sparkIds: placement.sparkIds,
          port: placement.port,
          container: placement.container,
          models: placement.models,
        };
        const head = this.directory.head(placement);
        if (this.swaps.isSwapping(placement.id))
          return {
            ...base,
            status: 'swapping',
            servedModel: null,
            memoryBudgetGiB: null,
            sparkMemoryGiB: null,
          };
        if (!head)
          return {
            ...base,
            status: 'unreachable',
            servedModel: null,
            memoryBudgetGiB: null,
            sparkMemoryGiB: null,
          };
        const signal = AbortSignal.timeout(ASK_TIMEOUT_MS);
        const [served, memory] = await Promise.all([
          this.cluster.servedModels(head, placement.port, signal),
          this.cluster.memory(head, signal).catch(() => undefined),
        ]);
        const [name] = served ?? [];
        const sparkMemoryGiB = memory ? roundGib(memory.totalBytes) : null;
        if (name === undefined) {
          return {
            ...base,
            status: memory ? 'idle' : 'unreachable',
            servedModel: null,
            memoryBudgetGiB: null,
            sparkMemoryGiB,
          };
        }
        const model = this.catalog.byServedName(name);
        const share = placement.memoryShare ?? model?.vllm.gpuMemoryUtilization ?? UNKNOWN_MODEL_SHARE;
        return {
          ...base,
          status: 'serving',
          servedModel: model?.id ?? name,
          memoryBudgetGiB: memory ? roundGib(share * memory.totalBytes) : null,
          sparkMemoryGiB,
        };
      }),
    );
  }

  /** The placement that holds `model`: the one serving it now, else the first where it may run. */
  async holding(model: Pick<ModelDef, 'id' | 'tensorParallel'>): Promise<string | undefined> {
    const serving = (await this.list()).find((view) => view.servedModel === model.id);
    return serving?.id ?? this.directory.fits(model).find((fit) => fit.problem === null)?.placement.id;
  }
}

function roundGib(bytes: number): number {
  return Math.round((bytes * 10) / GIB) / 10;
}
