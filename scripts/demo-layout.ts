// The demo's two placements, both served through the one /v1: the default layout's `vllm` with the big
// model on Spark 1, and `small` on Spark 2 beside the speech services, with a small model.
import type { StartClusterOptions } from '@spark-control/sim';
import {
  DEFAULT_ROLES_BY_POSITION,
  parseSettings,
  resolvePlacements,
  type Placement,
} from '../packages/schema/src/index.js';
import { DEFAULT_CATALOG } from '../packages/server/src/services/catalog/defaults.js';

type InitialModel = NonNullable<StartClusterOptions['initialModels']>[number];

/** The demo's simulated Sparks as settings.json names them, in the simulator's order. */
export const DEMO_SPARKS = [
  { id: 'spark-1', label: 'Spark 1' },
  { id: 'spark-2', label: 'Spark 2' },
] as const;

/** The simulated Spark a placement answers on (its head), with its index in the simulator. */
function head(placement: Placement): { index: number; label: string } {
  const index = DEMO_SPARKS.findIndex((spark) => spark.id === placement.sparkIds[0]);
  const spark = DEMO_SPARKS[index];
  if (!spark) throw new Error(`placement ${placement.id} names no demo Spark first`);
  return { index, label: spark.label };
}

/** Exactly the placement the settings would make without any configured: id, Sparks, port, container. */
function defaultLayoutPlacement(): Placement {
  const defaults = parseSettings({});
  if (!defaults.success) throw new Error(`the default settings do not parse: ${defaults.errors.join('; ')}`);
  const sparks = DEMO_SPARKS.map((spark, index) => ({
    id: spark.id,
    roles: DEFAULT_ROLES_BY_POSITION[index] ?? [],
  }));
  const [placement] = resolvePlacements({ ...defaults.settings, sparks });
  if (!placement) throw new Error('the default layout has no placement');
  return placement;
}

/** Each placement with the catalog model it serves from the start. */
export const DEMO_PLACEMENTS: readonly { placement: Placement; modelId: string }[] = [
  { placement: defaultLayoutPlacement(), modelId: 'qwen3-30b-a3b' },
  {
    placement: {
      id: 'small',
      sparkIds: [DEMO_SPARKS[1].id],
      port: 8890,
      container: 'vllm_small',
      memoryShare: 0.25,
      models: ['qwen3-4b', 'phi-4-mini'],
    },
    modelId: 'qwen3-4b',
  },
];

function catalogModel(id: string) {
  const model = DEFAULT_CATALOG.find((entry) => entry.id === id);
  if (!model?.hfRepo) throw new Error(`the default catalog has no Hugging Face model ${id}`);
  return { ...model, hfRepo: model.hfRepo };
}

/** What goes into settings.json's `placements`. */
export function demoPlacementSettings(): Placement[] {
  return DEMO_PLACEMENTS.map(({ placement }) => placement);
}

/** The simulator's models already served at start: each placement's, in its container on its head Spark. */
export function demoInitialModels(): InitialModel[] {
  return DEMO_PLACEMENTS.map(({ placement, modelId }) => {
    const model = catalogModel(modelId);
    const share = placement.memoryShare ?? model.vllm?.gpuMemoryUtilization;
    if (share === undefined) throw new Error(`${modelId} has no gpuMemoryUtilization`);
    return {
      spark: head(placement).index,
      model: model.hfRepo,
      port: placement.port,
      container: placement.container,
      args: ['--served-model-name', model.servedName, '--gpu-memory-utilization', String(share)],
    };
  });
}

/** One line: each placement, its Spark and the model it serves (and what else it may serve). */
export function describeDemoPlacements(): string {
  const parts = DEMO_PLACEMENTS.map(({ placement, modelId }) => {
    const others = placement.models.filter((id) => id !== modelId).map((id) => catalogModel(id).servedName);
    const alternatives = others.length > 0 ? ` (or ${others.join(', ')} after a swap)` : '';
    return `${placement.id} on ${head(placement).label} serves ${catalogModel(modelId).servedName}${alternatives}`;
  });
  return `Placements, both at /v1: ${parts.join('; ')}`;
}
