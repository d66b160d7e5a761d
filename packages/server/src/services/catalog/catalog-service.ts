import type { CatalogModel, ModelDef, Settings, Spark } from '@spark-control/schema';
import { ShellValueError } from '../../adapters/ssh/index.js';
import { serveArguments } from '../swap/commands.js';
import { hfCacheOf } from '../swap/launcher.js';
import { vllmNodes, type VllmCluster } from '../swap/vllm-cluster.js';
import { CatalogError, type CatalogStore } from './catalog-store.js';
import { localPathProblem } from './model-paths.js';

/** A catalog change refused: `field` names what was wrong, `kind` says how the API reports it. */
export class CatalogProblem extends Error {
  constructor(
    readonly kind: 'invalid' | 'conflict' | 'missing' | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'CatalogProblem';
  }
}

/** Catalog changes with every check a user expects before anything is saved or deleted. */
export class CatalogService {
  constructor(
    private readonly store: CatalogStore,
    private readonly cluster: VllmCluster,
    private readonly settings: () => Settings,
    private readonly isServing: (model: ModelDef) => Promise<boolean>,
  ) {}

  list(): { models: CatalogModel[]; warnings: string[] } {
    return { models: this.store.list(), warnings: [...this.store.warnings] };
  }

  async add(model: ModelDef): Promise<void> {
    await this.#check(model);
    await this.#store(() => this.store.add(model));
  }

  async update(id: string, model: ModelDef): Promise<void> {
    await this.#check(model);
    await this.#store(() => this.store.update(id, model));
  }

  /** Removes the entry; with `deleteFiles`, also the downloaded weights (never a local model's files). */
  async remove(id: string, options: { deleteFiles: boolean; confirm: string | undefined }): Promise<void> {
    const model = this.store.get(id);
    if (!model) throw new CatalogProblem('missing', `no model with id "${id}"`);
    if (options.deleteFiles) {
      if (model.localPath)
        throw new CatalogProblem('conflict', 'deleteFiles: a local model is never deleted from disk');
      if (options.confirm !== id)
        throw new CatalogProblem('invalid', `confirm: must repeat the model id "${id}" to delete its files`);
      if (await this.isServing(model))
        throw new CatalogProblem('conflict', `${model.label} is being served; swap to another model first`);
      const [head, ...workers] = vllmNodes(this.settings(), model.tensorParallel) as [Spark, ...Spark[]];
      let spark = head;
      try {
        // Workers mount the head's cache path, so the weights are under that path on every node.
        const hfCache = hfCacheOf(this.settings(), await this.cluster.probe(head));
        for (spark of [head, ...workers])
          await this.cluster.removeHfCache(spark, hfCache, model.hfRepo ?? '');
      } catch (error) {
        throw new CatalogProblem(
          'unreachable',
          `could not delete the weights on ${spark.label}: ${(error as Error).message}`,
        );
      }
    }
    await this.#store(() => this.store.remove(id));
  }

  async #check(model: ModelDef): Promise<void> {
    const settings = this.settings();
    let head: Spark;
    try {
      [head] = vllmNodes(settings, model.tensorParallel) as [Spark];
      serveArguments(settings, model);
    } catch (error) {
      if (error instanceof ShellValueError) throw new CatalogProblem('invalid', error.message);
      throw new CatalogProblem('invalid', (error as Error).message);
    }
    const problem = localPathProblem(settings, head, model);
    if (problem) throw new CatalogProblem('invalid', `localPath: ${problem}`);
    if (!model.localPath) return;
    let exists: boolean;
    try {
      exists = await this.cluster.directoryExists(head, model.localPath);
    } catch (error) {
      throw new CatalogProblem(
        'unreachable',
        `could not check localPath on ${head.label}: ${(error as Error).message}`,
      );
    }
    if (!exists)
      throw new CatalogProblem('invalid', `localPath: ${model.localPath} does not exist on ${head.label}`);
  }

  async #store(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (error instanceof CatalogError)
        throw new CatalogProblem(error.reason === 'exists' ? 'conflict' : 'missing', error.message);
      throw error;
    }
  }
}
