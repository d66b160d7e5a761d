// The demo's placements, all served through the one /v1: the default layout's `vllm` with the big model
// on Spark 1, and `small` on Spark 2 beside the speech services, with a small model. With three or four
// Sparks (SPARK_CONTROL_DEMO_SPARKS), `third` serves a small model on Spark 3 and `fourth` spans Sparks 4
// and 3 with nothing loaded yet.
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
const ALL_DEMO_SPARKS = [
  { id: 'spark-1', label: 'Spark 1' },
  { id: 'spark-2', label: 'Spark 2' },
  { id: 'spark-3', label: 'Spark 3' },
  { id: 'spark-4', label: 'Spark 4' },
] as const;
const [SPARK_1, SPARK_2, SPARK_3, SPARK_4] = ALL_DEMO_SPARKS;

/** How many Sparks the demo simulates: two, or three or four with SPARK_CONTROL_DEMO_SPARKS. */
export function demoSparkCount(value: string | undefined): number {
  if (value === undefined || value === '') return 2;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 2 || count > ALL_DEMO_SPARKS.length)
    throw new Error(`SPARK_CONTROL_DEMO_SPARKS must be 2, 3 or 4, not "${value}"`);
  return count;
}

/** The first `count` demo Sparks. */
export function demoSparks(count: number): readonly { id: string; label: string }[] {
  return ALL_DEMO_SPARKS.slice(0, count);
}

/** The simulated Spark a placement answers on (its head), with its index in the simulator. */
function head(placement: Placement): { index: number; label: string } {
  const index = ALL_DEMO_SPARKS.findIndex((spark) => spark.id === placement.sparkIds[0]);
  const spark = ALL_DEMO_SPARKS[index];
  if (!spark) throw new Error(`placement ${placement.id} names no demo Spark first`);
  return { index, label: spark.label };
}

/** Exactly the placement the settings would make without any configured: id, Sparks, port, container. */
function defaultLayoutPlacement(): Placement {
  const defaults = parseSettings({});
  if (!defaults.success) throw new Error(`the default settings do not parse: ${defaults.errors.join('; ')}`);
  const sparks = [SPARK_1, SPARK_2].map((spark, index) => ({
    id: spark.id,
    roles: DEFAULT_ROLES_BY_POSITION[index] ?? [],
  }));
  const [placement] = resolvePlacements({ ...defaults.settings, sparks });
  if (!placement) throw new Error('the default layout has no placement');
  return placement;
}

/** Each placement with the catalog model it serves from the start (null: none). */
const ALL_DEMO_PLACEMENTS: readonly { placement: Placement; modelId: string | null }[] = [
  { placement: defaultLayoutPlacement(), modelId: 'qwen3-30b-a3b' },
  {
    placement: {
      id: 'small',
      sparkIds: [SPARK_2.id],
      port: 8890,
      container: 'vllm_small',
      memoryShare: 0.25,
      models: ['qwen3-4b', 'phi-4-mini'],
    },
    modelId: 'qwen3-4b',
  },
  {
    placement: {
      id: 'third',
      sparkIds: [SPARK_3.id],
      port: 8891,
      container: 'vllm_third',
      memoryShare: 0.3,
      models: ['phi-4-mini', 'qwen3-4b'],
    },
    modelId: 'phi-4-mini',
  },
  {
    placement: {
      id: 'fourth',
      sparkIds: [SPARK_4.id, SPARK_3.id],
      port: 8892,
      container: 'vllm_fourth',
      memoryShare: 0.4,
      models: ['qwen3-4b', 'phi-4-mini'],
    },
    modelId: null,
  },
];

/** The placements whose Sparks are all among the first `count`. */
function demoPlacements(count: number) {
  const ids = new Set(demoSparks(count).map((spark) => spark.id));
  return ALL_DEMO_PLACEMENTS.filter(({ placement }) => placement.sparkIds.every((id) => ids.has(id)));
}

function catalogModel(id: string) {
  const model = DEFAULT_CATALOG.find((entry) => entry.id === id);
  if (!model?.hfRepo) throw new Error(`the default catalog has no Hugging Face model ${id}`);
  return { ...model, hfRepo: model.hfRepo };
}

/** What goes into settings.json's `placements`. */
export function demoPlacementSettings(count: number): Placement[] {
  return demoPlacements(count).map(({ placement }) => placement);
}

/** The simulator's models already served at start: each placement's, in its container on its head Spark. */
export function demoInitialModels(count: number): InitialModel[] {
  return demoPlacements(count).flatMap(({ placement, modelId }) => {
    if (modelId === null) return [];
    const model = catalogModel(modelId);
    const share = placement.memoryShare ?? model.vllm?.gpuMemoryUtilization;
    if (share === undefined) throw new Error(`${modelId} has no gpuMemoryUtilization`);
    return [
      {
        spark: head(placement).index,
        model: model.hfRepo,
        port: placement.port,
        container: placement.container,
        args: ['--served-model-name', model.servedName, '--gpu-memory-utilization', String(share)],
      },
    ];
  });
}

/** One line: each placement, its Spark and the model it serves (and what else it may serve). */
export function describeDemoPlacements(count: number): string {
  const placements = demoPlacements(count);
  const parts = placements.map(({ placement, modelId }) => {
    const others = placement.models.filter((id) => id !== modelId).map((id) => catalogModel(id).servedName);
    if (modelId === null)
      return `${placement.id} on ${head(placement).label} serves nothing yet (${others.join(', ')} after a swap)`;
    const alternatives = others.length > 0 ? ` (or ${others.join(', ')} after a swap)` : '';
    return `${placement.id} on ${head(placement).label} serves ${catalogModel(modelId).servedName}${alternatives}`;
  });
  return `Placements, ${placements.length === 2 ? 'both' : 'all'} at /v1: ${parts.join('; ')}`;
}
