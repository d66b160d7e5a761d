import * as v from 'valibot';
import type { PlacementFitView } from './placements.js';
import type { SwapTimings } from './schedules.js';
import { AbsolutePathSchema, NumberRangeSchema, SlugSchema } from './fields.js';
import { PATTERNS } from './patterns.js';

/** Quantization methods the catalog accepts for `--quantization`. */
export const QUANTIZATIONS = [
  'fp8',
  'nvfp4',
  'modelopt',
  'modelopt_fp4',
  'awq',
  'awq_marlin',
  'gptq',
  'gptq_marlin',
  'compressed-tensors',
  'bitsandbytes',
  'mxfp4',
] as const;

/** vLLM flags a catalog entry may add, with the values each one takes (`true` = no value). */
export const EXTRA_ARG_RULES: Readonly<Record<string, RegExp | true>> = {
  '--enable-prefix-caching': true,
  '--no-enable-prefix-caching': true,
  '--enable-chunked-prefill': true,
  '--enable-auto-tool-choice': true,
  '--enable-expert-parallel': true,
  '--enforce-eager': true,
  '--trust-remote-code': true,
  '--async-scheduling': true,
  '--kv-cache-dtype': /^(?:auto|fp8|fp8_e4m3|fp8_e5m2)$/,
  '--max-num-seqs': /^[1-9]\d{0,4}$/,
  '--max-num-batched-tokens': /^[1-9]\d{0,6}$/,
  '--dtype': /^(?:auto|half|float16|bfloat16|float32)$/,
  '--load-format': /^[a-z_]{1,32}$/,
  '--tokenizer-mode': /^(?:auto|slow|mistral)$/,
};

/** True for `--flag` or `--flag=value` allowed by EXTRA_ARG_RULES. */
export function isAllowedExtraArg(arg: string): boolean {
  const separator = arg.indexOf('=');
  const flag = separator === -1 ? arg : arg.slice(0, separator);
  const rule = EXTRA_ARG_RULES[flag];
  if (rule === undefined) return false;
  if (rule === true) return separator === -1;
  return separator !== -1 && rule.test(arg.slice(separator + 1));
}

const ParserNameSchema = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z0-9_]{1,40}$/, 'must be a parser name such as hermes or qwen3'),
);

export const VllmOptionsSchema = v.strictObject({
  maxModelLen: v.optional(NumberRangeSchema(256, 4_194_304, { integer: true })),
  gpuMemoryUtilization: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.minValue(0.05, 'must be from 0.05 to 0.98'),
      v.maxValue(0.98, 'must be from 0.05 to 0.98'),
    ),
    0.85,
  ),
  quantization: v.optional(v.picklist(QUANTIZATIONS, `must be one of ${QUANTIZATIONS.join(', ')}`)),
  /** A Jinja file inside the model's own (mounted) directory. */
  chatTemplate: v.optional(AbsolutePathSchema),
  toolCallParser: v.optional(ParserNameSchema),
  reasoningParser: v.optional(ParserNameSchema),
  extraArgs: v.optional(
    v.array(
      v.pipe(
        v.string('must be text'),
        v.check(
          isAllowedExtraArg,
          `must be one of the allowed vLLM flags: ${Object.keys(EXTRA_ARG_RULES).join(', ')}`,
        ),
      ),
    ),
    [],
  ),
});

export const TRUST_REMOTE_CODE = '--trust-remote-code';
/** The most Sparks one model may span (tensor parallel through the launcher's cluster mode). */
export const MAX_TENSOR_PARALLEL = 8;
const TENSOR_PARALLEL_MESSAGE = `must be a whole number from 1 to ${MAX_TENSOR_PARALLEL} (the Sparks it runs on)`;

/** Where an entry's weights (and any code shipped with them) come from. */
export function modelSource(model: { hfRepo?: string | undefined; localPath?: string | undefined }): string {
  return model.hfRepo ?? model.localPath ?? '';
}

/** One model the cluster can serve: exactly one of `hfRepo` (downloaded) or `localPath` (on Spark 1). */
export const ModelDefSchema = v.pipe(
  v.strictObject({
    id: SlugSchema,
    label: v.pipe(
      v.string('must be text'),
      v.trim(),
      v.nonEmpty('must not be blank'),
      v.maxLength(80, 'is too long'),
    ),
    hfRepo: v.optional(
      v.pipe(
        v.string('must be text'),
        v.regex(PATTERNS.hfRepo, 'must be a Hugging Face repo id such as Qwen/Qwen3-30B-A3B-FP8'),
        v.check((repo) => !repo.includes('..') && !repo.includes('--'), 'must not contain .. or --'),
      ),
    ),
    localPath: v.optional(AbsolutePathSchema),
    servedName: v.pipe(
      v.string('must be text'),
      v.regex(PATTERNS.servedName, 'must be letters, digits and _ . : / -'),
      v.check((name) => !name.includes('..'), 'must not contain ..'),
    ),
    /** The Sparks it runs on: 1 alone, k through the launcher's cluster mode (a placement's first k Sparks). */
    tensorParallel: v.optional(
      v.pipe(
        v.number(TENSOR_PARALLEL_MESSAGE),
        v.integer(TENSOR_PARALLEL_MESSAGE),
        v.minValue(1, TENSOR_PARALLEL_MESSAGE),
        v.maxValue(MAX_TENSOR_PARALLEL, TENSOR_PARALLEL_MESSAGE),
      ),
      1,
    ),
    /** Cluster mode with Ray (`--ray`) instead of the launch script's default no-Ray mode. */
    ray: v.optional(v.boolean('must be true or false'), false),
    vllm: v.optional(VllmOptionsSchema, {}),
    /**
     * The hfRepo (or localPath) whose own Python code the owner agreed to run: needed for
     * `--trust-remote-code`, and void as soon as the entry points elsewhere.
     */
    trustRemoteCode: v.optional(v.pipe(v.string('must be text'), v.maxLength(1024, 'is too long'))),
    notes: v.optional(v.pipe(v.string('must be text'), v.maxLength(2000, 'is too long')), ''),
  }),
  v.check(
    (model) => (model.hfRepo === undefined) !== (model.localPath === undefined),
    'needs exactly one of hfRepo or localPath',
  ),
  v.check(
    (model) =>
      model.vllm.chatTemplate === undefined ||
      (model.localPath !== undefined && model.vllm.chatTemplate.startsWith(`${model.localPath}/`)),
    'vllm.chatTemplate: must lie inside the model directory (localPath)',
  ),
  v.check(
    (model) => model.ray === false || model.tensorParallel > 1,
    'ray: only applies to tensorParallel 2 or more',
  ),
  v.check(
    (model) => model.trustRemoteCode === undefined || model.trustRemoteCode === modelSource(model),
    "trustRemoteCode: must name this entry's hfRepo or localPath exactly; it confirms that source only",
  ),
  v.check(
    (model) =>
      !model.vllm.extraArgs.includes(TRUST_REMOTE_CODE) || model.trustRemoteCode === modelSource(model),
    (issue) =>
      `trustRemoteCode: ${TRUST_REMOTE_CODE} runs the repository's own Python code on the Sparks; confirm it for this model with "trustRemoteCode": ${JSON.stringify(modelSource(issue.input))}`,
  ),
);

export type ModelDef = v.InferOutput<typeof ModelDefSchema>;
export type ModelDefInput = v.InferInput<typeof ModelDefSchema>;

/** A catalog entry as the API lists it. */
export type CatalogModel = ModelDef & { source: 'hf' | 'local' };

/** `GET /api/catalog`: an entry with each placement and whether the model may run there. */
export type PlacedCatalogModel = CatalogModel & { fits: PlacementFitView[] };

export const SWAP_PHASES = [
  'preflight',
  'stopping',
  'releasing-memory',
  'launching',
  'loading',
  'ready',
] as const;
export type SwapPhase = (typeof SWAP_PHASES)[number] | 'failed' | 'cancelled';
export type SwapStatus = 'running' | 'ready' | 'failed' | 'cancelled';
/**
 * Why a swap failed. `preflight`: a check before anything was stopped refused the swap (the previous
 * model kept serving); `image`: the vLLM image is missing or differs between the Sparks;
 * `leftover_container`: a container of an earlier launch stood in the way.
 */
export const SWAP_CAUSES = [
  'oom',
  'context_too_long',
  'model_not_found',
  'gated_repo',
  'port_in_use',
  'bad_args',
  'network',
  'image',
  'leftover_container',
  'timeout',
  'preflight',
  'unknown',
] as const;
export type SwapCause = (typeof SWAP_CAUSES)[number];

/** One check of a swap's preflight, as the swap view lists it. */
export interface PreflightLine {
  /** What was checked, e.g. `image on every Spark` or `model on spark2`. */
  check: string;
  ok: boolean;
  /** What was found, or what is wrong and what to do about it. */
  detail: string;
}

export interface SwapRollback {
  modelId: string;
  status: 'running' | 'ready' | 'failed' | 'skipped';
  message: string;
}

/** `swap`: a model is launched on the placement; `unload`: its model is stopped and nothing replaces it. */
export const SWAP_KINDS = ['swap', 'unload'] as const;
export type SwapKind = (typeof SWAP_KINDS)[number];

export interface SwapView {
  id: string;
  kind: SwapKind;
  /** The model swapped in; for an unload, the model stopped. */
  modelId: string;
  /** The placement whose vLLM the swap changes. */
  placementId: string;
  previousModelId: string | null;
  phase: SwapPhase;
  status: SwapStatus;
  cause: SwapCause | null;
  message: string | null;
  /** What the owner can do about the failure, in plain words; null without a known remedy. */
  hint: string | null;
  /** The checks made before anything was stopped, in order; empty until the preflight ran. */
  preflight: PreflightLine[];
  /** 0…1 across the phases; loading advances with the log markers. */
  progress: number;
  startedAt: string;
  finishedAt: string | null;
  logTail: string[];
  rollback: SwapRollback | null;
  actor: string;
  /** How long each part took (filled in as the swap runs). */
  timings: SwapTimings;
}

/**
 * `placementId`: the placement to swap (default: the only one where the model may run).
 * `whenLeased`: what to do when a lease holds the model the swap would evict: `refuse` (409
 * `LEASED`, the default) or `queue` (start the swap when the leases end or are released).
 */
export const SwapRequestSchema = v.strictObject({
  modelId: SlugSchema,
  placementId: v.optional(SlugSchema),
  whenLeased: v.optional(v.picklist(['refuse', 'queue'], 'must be refuse or queue')),
});

/** `POST /api/swap/unload`: stop what a placement serves, launching nothing. */
export const UnloadRequestSchema = v.strictObject({ placementId: SlugSchema });

export const CatalogDeleteQuerySchema = v.strictObject({
  deleteFiles: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'false'),
  confirm: v.optional(v.string()),
});
