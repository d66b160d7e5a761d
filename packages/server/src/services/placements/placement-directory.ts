import {
  resolvePlacements,
  whyNotPlaced,
  type ModelDef,
  type Placement,
  type Spark,
} from '@spark-control/schema';
import { DomainError } from '../domain-error.js';
import type { SettingsSource } from '../settings-source.js';

/** A placement with what a model needs to run on it, or why it may not. */
export interface PlacementFit {
  placement: Placement;
  /** Why the model may not run there; null when it may. */
  problem: string | null;
}

/**
 * The placements in force (configured, or the default layout) and the rules of which model may
 * run where. Pure lookups on the current settings; what each placement serves is `PlacementStates`'s.
 */
export class PlacementDirectory {
  private readonly settings: SettingsSource;

  constructor(options: { settings: SettingsSource }) {
    this.settings = options.settings;
  }

  all(): Placement[] {
    return resolvePlacements(this.settings.current);
  }

  get(id: string): Placement | undefined {
    return this.all().find((placement) => placement.id === id);
  }

  /** Every placement and whether `model` may run on it. */
  fits(model: Pick<ModelDef, 'id' | 'tensorParallel'>): PlacementFit[] {
    return this.all().map((placement) => ({ placement, problem: whyNotPlaced(placement, model) }));
  }

  /**
   * The placement a swap or schedule of `model` goes to: `placementId` when given (it must exist and
   * may serve the model), else the only placement that may serve it. Refusals name `field`, the
   * request's name for the placement.
   */
  choose(
    model: Pick<ModelDef, 'id' | 'tensorParallel'>,
    placementId?: string,
    field = 'placementId',
  ): Placement {
    const all = this.all();
    if (all.length === 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'placements: no placement is configured and no Spark has the vllm role; add one in Configure Sparks',
      );
    }
    if (placementId !== undefined) {
      const placement = all.find((candidate) => candidate.id === placementId);
      if (!placement) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `${field}: no placement "${placementId}" (configured: ${all.map((p) => p.id).join(', ')})`,
        );
      }
      const problem = whyNotPlaced(placement, model);
      if (problem) throw new DomainError('VALIDATION_FAILED', `${field}: ${problem}`);
      return placement;
    }
    const fitting = this.fits(model).filter((fit) => fit.problem === null);
    const [only] = fitting;
    if (fitting.length === 1 && only) return only.placement;
    if (fitting.length === 0) {
      const reasons = this.fits(model).map((fit) => fit.problem);
      throw new DomainError(
        'VALIDATION_FAILED',
        `modelId: ${model.id} may not run anywhere: ${reasons.join('; ')}`,
      );
    }
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field}: ${model.id} may run on ${fitting.map((fit) => fit.placement.id).join(', ')}; name one`,
    );
  }

  /**
   * Whether every model can be served at the same time, each on a placement of its own where it may
   * run (a matching of models to placements; co-resident placements' shares already fit by settings).
   */
  canServeTogether(models: readonly Pick<ModelDef, 'id' | 'tensorParallel'>[]): boolean {
    const placements = this.all();
    const holder = new Map<string, number>();
    const place = (index: number, tried: Set<string>): boolean => {
      const model = models[index];
      if (!model) return false;
      for (const placement of placements) {
        if (tried.has(placement.id) || whyNotPlaced(placement, model) !== null) continue;
        tried.add(placement.id);
        const current = holder.get(placement.id);
        if (current === undefined || place(current, tried)) {
          holder.set(placement.id, index);
          return true;
        }
      }
      return false;
    };
    return models.every((_, index) => place(index, new Set()));
  }

  /** The configured Spark with this id. */
  spark(id: string): Spark | undefined {
    return this.settings.current.sparks.find((spark) => spark.id === id);
  }

  /** The Spark a placement's API answers on. */
  head(placement: Placement): Spark | undefined {
    const [id] = placement.sparkIds;
    return id === undefined ? undefined : this.spark(id);
  }
}
