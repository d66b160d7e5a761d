/** The id of the placement the default layout makes: the single vLLM of the cluster. */
export const DEFAULT_PLACEMENT_ID = 'vllm';

/**
 * One vLLM instance: the Sparks it may use (head first; a model with tensor parallel k runs on the
 * first k), its port and container name, its memory budget (a `--gpu-memory-utilization` share that
 * replaces each model's own; null: the model's) and the catalog models it may serve (empty: any that fits).
 */
export interface Placement {
  id: string;
  sparkIds: string[];
  port: number;
  container: string;
  memoryShare: number | null;
  models: string[];
}

/** What the settings say that decides the layout (a subset, so this file does not import settings.ts). */
export interface PlacementLayoutInput {
  sparks: readonly { id: string; roles: readonly string[] }[];
  vllm: { port: number; container: string };
  placements: readonly Placement[];
}

/**
 * The placements in force: the configured ones, else the default layout, which is the single vLLM
 * of earlier versions: on the first Spark with the vllm role, with the first other Spark for tensor
 * parallel 2, on `vllm.port` with `vllm.container`. No placement configured and no Spark with the
 * role: none.
 */
export function resolvePlacements(settings: PlacementLayoutInput): Placement[] {
  if (settings.placements.length > 0)
    return settings.placements.map((placement) => ({
      ...placement,
      sparkIds: [...placement.sparkIds],
      models: [...placement.models],
    }));
  const head = settings.sparks.find((spark) => spark.roles.includes('vllm'));
  if (!head) return [];
  const worker = settings.sparks.find((spark) => spark !== head);
  return [
    {
      id: DEFAULT_PLACEMENT_ID,
      sparkIds: worker ? [head.id, worker.id] : [head.id],
      port: settings.vllm.port,
      container: settings.vllm.container,
      memoryShare: null,
      models: [],
    },
  ];
}

/** What a placement needs to know of a catalog model to say whether it may serve it. */
export interface PlacedModel {
  id: string;
  tensorParallel: number;
}

/** Why `placement` may not serve `model`, in words for the owner; null when it may. */
export function whyNotPlaced(placement: Placement, model: PlacedModel): string | null {
  if (placement.models.length > 0 && !placement.models.includes(model.id))
    return `placement ${placement.id} serves only ${placement.models.join(', ')}`;
  if (model.tensorParallel > placement.sparkIds.length) {
    const sparks = placement.sparkIds.length === 1 ? '1 Spark' : `${placement.sparkIds.length} Sparks`;
    return `tensor parallel ${model.tensorParallel} needs ${model.tensorParallel} Sparks; placement ${placement.id} has ${sparks}`;
  }
  return null;
}

/** The share of each Spark's memory a model reserves on a placement: the placement's budget, else its own. */
export function memoryShareOn(
  placement: Pick<Placement, 'memoryShare'>,
  model: { vllm: { gpuMemoryUtilization: number } },
): number {
  return placement.memoryShare ?? model.vllm.gpuMemoryUtilization;
}

/**
 * How far a multi-Spark placement's coordination port (torch's master port, or Ray's head port) sits
 * above the launcher's: its position among the multi-Spark placements with the same head Spark, in
 * settings order. Two launches from one head would otherwise both listen on the default port.
 */
export function masterPortOffset(placements: readonly Placement[], placement: Placement): number {
  const sameHead = placements.filter(
    (other) => other.sparkIds.length > 1 && other.sparkIds[0] === placement.sparkIds[0],
  );
  return Math.max(
    0,
    sameHead.findIndex((other) => other.id === placement.id),
  );
}

/** The Sparks a model runs on in a placement: the first `tensorParallel` of its Sparks, head first. */
export function placementSparkIds(placement: Placement, tensorParallel: number): string[] {
  return placement.sparkIds.slice(0, tensorParallel);
}

export const PLACEMENT_STATUSES = ['serving', 'swapping', 'idle', 'unreachable'] as const;
/**
 * `serving`: its vLLM answers with a model; `swapping`: a swap runs on it; `idle`: nothing answers
 * on its port while its head Spark does (nothing launched, or stopped); `unreachable`: its head
 * Spark does not answer either.
 */
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** `GET /api/placements`: one entry per placement. */
export interface PlacementView {
  id: string;
  sparkIds: string[];
  port: number;
  container: string;
  /** The memory it reserves on each of its Sparks, GiB; null while unknown (nothing served, or memory unread). */
  memoryBudgetGiB: number | null;
  /** The unified memory of its head Spark, GiB; null while unread. */
  sparkMemoryGiB: number | null;
  /** The catalog id of the model it serves, or vLLM's own name for a model the catalog lacks. */
  servedModel: string | null;
  status: PlacementStatus;
  /** The catalog models it may serve (empty: any that fits). */
  models: string[];
  /**
   * The Sparks where its model (served, or being loaded by a swap) reserves memory: the first
   * `tensorParallel` of its Sparks; empty when it holds nothing.
   */
  memorySparkIds: string[];
  /** The catalog model a running swap on it is loading; null when none runs. */
  swappingTo: string | null;
  /** Each of its Sparks (head first) with what every placement on that Spark holds there. */
  sparks: PlacementSparkView[];
}

/** One Spark of a placement: its unified memory and how the placements on it share it. */
export interface PlacementSparkView {
  id: string;
  label: string;
  /** Its unified memory, GiB; null while unread. */
  memoryGiB: number | null;
  /** Every placement that may use this Spark, in settings order. */
  placements: PlacementHolding[];
}

/** What one placement holds on one Spark. */
export interface PlacementHolding {
  placementId: string;
  status: PlacementStatus;
  /** The model it serves, or the one a swap is loading; null when none. */
  modelId: string | null;
  /** The memory that model reserves on this Spark, GiB; null when it reserves none here or it is unknown. */
  budgetGiB: number | null;
}

/** Whether a catalog model may run on a placement (`GET /api/catalog`, `fits`). */
export interface PlacementFitView {
  placementId: string;
  /** Why it may not, in words; null when it may. */
  problem: string | null;
}
