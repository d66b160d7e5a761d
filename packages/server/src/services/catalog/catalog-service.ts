import { resolvePlacements, type ModelDef, type PlacedCatalogModel, type Spark } from '@spark-control/schema';
import { serveArguments } from '../swap/commands.js';
import { hfCacheOf } from '../swap/launcher.js';
import { modelNodes, type VllmCluster } from '../swap/vllm-cluster.js';
import { DomainError } from '../domain-error.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import type { CatalogStore } from './catalog-store.js';
import { localPathProblem } from './model-paths.js';
import type { SettingsSource } from '../settings-source.js';

/** Catalog changes with every check a user expects before anything is saved or deleted. */
export class CatalogService {
  private readonly store: CatalogStore;
  private readonly cluster: VllmCluster;
  private readonly settings: SettingsSource;
  private readonly placements: Pick<PlacementDirectory, 'fits'>;
  private readonly isServing: (model: ModelDef) => Promise<boolean>;

  constructor(options: {
    store: CatalogStore;
    cluster: VllmCluster;
    settings: SettingsSource;
    placements: Pick<PlacementDirectory, 'fits'>;
    isServing: (model: ModelDef) => Promise<boolean>;
  }) {
    this.store = options.store;
    this.cluster = options.cluster;
    this.settings = options.settings;
    this.placements = options.placements;
    this.isServing = options.isServing;
  }

  /** Every entry with each placement and why the model may not run there (null: it may). */
  list(): { models: PlacedCatalogModel[]; warnings: string[] } {
    const models = this.store.list().map((model) => ({
      ...model,
      fits: this.placements
        .fits(model)
        .map((fit) => ({ placementId: fit.placement.id, problem: fit.problem })),
    }));
    return { models, warnings: [...this.store.warnings] };
  }

  async add(model: ModelDef): Promise<void> {
    await this.#check(model);
    await this.store.add(model);
  }

  async update(id: string, model: ModelDef): Promise<void> {
    await this.#check(model);
    await this.store.update(id, model);
  }

  /** Removes the entry; with `deleteFiles`, also the downloaded weights (never a local model's files). */
  async remove(id: string, options: { deleteFiles: boolean; confirm: string | undefined }): Promise<void> {
    const model = this.store.get(id);
    if (!model) throw new DomainError('NOT_FOUND', `no model with id "${id}"`);
    if (options.deleteFiles) {
      if (model.localPath)
        throw new DomainError('CONFLICT', 'deleteFiles: a local model is never deleted from disk');
      if (options.confirm !== id)
        throw new DomainError(
          'VALIDATION_FAILED',
          `confirm: must repeat the model id "${id}" to delete its files`,
        );
      if (await this.isServing(model))
        throw new DomainError('CONFLICT', `${model.label} is being served; swap to another model first`);
      const [head, ...workers] = modelNodes(this.settings.current, model) as [Spark, ...Spark[]];
      let spark = head;
      try {
        // Workers mount the head's cache path, so the weights are under that path on every node.
        const hfCache = hfCacheOf(await this.cluster.probe(head));
        for (spark of [head, ...workers])
          await this.cluster.removeHfCache(spark, hfCache, model.hfRepo ?? '');
      } catch (error) {
        throw new DomainError(
          'UPSTREAM_FAILED',
          `could not delete the weights on ${spark.label}: ${(error as Error).message}`,
        );
      }
    }
    await this.store.remove(id);
  }

  async #check(model: ModelDef): Promise<void> {
    const settings = this.settings.current;
    let head: Spark;
    try {
      [head] = modelNodes(settings, model) as [Spark];
      for (const placement of resolvePlacements(settings)) serveArguments(model, placement);
    } catch (error) {
      throw new DomainError('VALIDATION_FAILED', (error as Error).message, { cause: error });
    }
    const problem = localPathProblem(settings, head, model);
    if (problem) throw new DomainError('VALIDATION_FAILED', `localPath: ${problem}`);
    if (!model.localPath) return;
    let exists: boolean;
    try {
      exists = await this.cluster.directoryExists(head, model.localPath);
    } catch (error) {
      throw new DomainError(
        'UPSTREAM_FAILED',
        `could not check localPath on ${head.label}: ${(error as Error).message}`,
      );
    }
    if (!exists)
      throw new DomainError(
        'VALIDATION_FAILED',
        `localPath: ${model.localPath} does not exist on ${head.label}`,
      );
  }
}
