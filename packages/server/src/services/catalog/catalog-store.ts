import { readFile, rename, writeFile } from 'node:fs/promises';
import { formatIssues, ModelDefSchema, type CatalogModel, type ModelDef } from '@spark-control/schema';
import * as v from 'valibot';
import { parse, stringify } from 'yaml';
import type { Logger } from '../../adapters/logger.js';
import { DomainError } from '../domain-error.js';
import { DEFAULT_CATALOG } from './defaults.js';

/**
 * The model catalog in `catalog.yaml`. A bad entry is skipped with a warning and kept in the
 * file untouched, so one typo never takes the whole catalog down or loses the user's text.
 */
export class CatalogStore {
  #raw: unknown[] = [];
  #models = new Map<string, ModelDef>();
  #warnings: string[] = [];
  #writing: Promise<void> = Promise.resolve();

  private readonly file: string;
  private readonly log: Logger;

  constructor(options: { file: string; log: Logger }) {
    this.file = options.file;
    this.log = options.log;
  }

  /** Reads the file, seeding it with the default catalog on first start. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.#raw = [...DEFAULT_CATALOG];
      this.#index();
      await this.#save();
      return;
    }
    try {
      const document = parse(text) as { models?: unknown } | null;
      this.#raw = Array.isArray(document?.models) ? document.models : [];
      this.#index();
      if (document !== null && !Array.isArray(document?.models))
        this.#warnings.unshift('catalog.yaml: `models` must be a list');
    } catch (error) {
      this.#raw = [];
      this.#index();
      this.#warnings = [`catalog.yaml: is not valid YAML (${(error as Error).message.split('\n')[0]})`];
    }
    for (const warning of this.#warnings) this.log.warn({ warning }, 'catalog entry skipped');
  }

  list(): CatalogModel[] {
    return [...this.#models.values()].map((model) => ({
      ...model,
      source: model.localPath ? 'local' : 'hf',
    }));
  }

  get(id: string): ModelDef | undefined {
    return this.#models.get(id);
  }

  /** The entry vLLM serves under `servedName`, if the catalog has one. */
  byServedName(servedName: string): ModelDef | undefined {
    return [...this.#models.values()].find((model) => model.servedName === servedName);
  }

  get warnings(): readonly string[] {
    return this.#warnings;
  }

  async add(model: ModelDef): Promise<void> {
    if (this.#models.has(model.id) || this.#rawIndex(model.id) !== -1) {
      throw new DomainError('CONFLICT', `a model with id "${model.id}" already exists`);
    }
    this.#raw.push(model);
    this.#index();
    await this.#save();
  }

  async update(id: string, model: ModelDef): Promise<void> {
    const index = this.#rawIndex(id);
    if (index === -1) throw new DomainError('NOT_FOUND', `no model with id "${id}"`);
    if (model.id !== id && this.#rawIndex(model.id) !== -1) {
      throw new DomainError('CONFLICT', `a model with id "${model.id}" already exists`);
    }
    this.#raw[index] = model;
    this.#index();
    await this.#save();
  }

  async remove(id: string): Promise<void> {
    const index = this.#rawIndex(id);
    if (index === -1) throw new DomainError('NOT_FOUND', `no model with id "${id}"`);
    this.#raw.splice(index, 1);
    this.#index();
    await this.#save();
  }

  #rawIndex(id: string): number {
    return this.#raw.findIndex(
      (entry) => typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === id,
    );
  }

  #index(): void {
    const models = new Map<string, ModelDef>();
    const warnings: string[] = [];
    this.#raw.forEach((entry, index) => {
      const result = v.safeParse(ModelDefSchema, entry);
      const name =
        typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : `#${index + 1}`;
      if (!result.success) {
        warnings.push(`catalog entry ${name}: ${formatIssues(result.issues).join('; ')}`);
      } else if (models.has(result.output.id)) {
        warnings.push(`catalog entry ${name}: duplicate id, the first one is used`);
      } else {
        models.set(result.output.id, result.output);
      }
    });
    this.#models = models;
    this.#warnings = warnings;
  }

  async #save(): Promise<void> {
    const write = async () => {
      const temporary = `${this.file}.tmp`;
      await writeFile(temporary, stringify({ models: this.#raw }), 'utf8');
      await rename(temporary, this.file);
    };
    this.#writing = this.#writing.then(write, write);
    await this.#writing;
  }
}
