import * as v from 'valibot';
import { SWAP_CAUSES } from './catalog.js';

/**
 * Output schemas of the built-in reasoning tasks (shared/reasoning-rules.md). Every field is
 * required; `v.object` drops undeclared keys, which is the projection rule at every level.
 */

const finiteNumber = (message = 'must be a finite number') => v.pipe(v.number(message), v.finite(message));

export const LEAD_INTENTS = ['buy', 'rent', 'browse', 'unknown'] as const;

export const LeadTagSchema = v.object({
  tags: v.pipe(
    v.array(v.string('must be text'), 'must be a list of strings'),
    v.minLength(1, 'must have 1 to 8 items'),
    v.maxLength(8, 'must have 1 to 8 items'),
  ),
  intent: v.picklist(LEAD_INTENTS, `must be one of ${LEAD_INTENTS.join(', ')}`),
  confidence: v.pipe(
    finiteNumber(),
    v.minValue(0, 'must be from 0 to 1'),
    v.maxValue(1, 'must be from 0 to 1'),
  ),
  summary: v.string('must be text'),
});
export type LeadTag = v.InferOutput<typeof LeadTagSchema>;

export const VEHICLE_TYPES = ['car', 'truck', 'van', 'motorcycle', 'unknown'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

export const CctvProfileSchema = v.object({
  plate: v.nullable(v.string('must be text or null')),
  vehicle: v.object(
    {
      make: v.nullable(v.string('must be text or null')),
      color: v.nullable(v.string('must be text or null')),
      type: v.picklist(VEHICLE_TYPES, `must be one of ${VEHICLE_TYPES.join(', ')}`),
    },
    'must be an object',
  ),
  visits: v.pipe(finiteNumber(), v.integer('must be a whole number'), v.minValue(0, 'must be at least 0')),
  risk: v.picklist(RISK_LEVELS, `must be one of ${RISK_LEVELS.join(', ')}`),
});
export type CctvProfile = v.InferOutput<typeof CctvProfileSchema>;

export const QdScoreSchema = v.object({
  score: v.pipe(
    finiteNumber(),
    v.minValue(0, 'must be from 0 to 100'),
    v.maxValue(100, 'must be from 0 to 100'),
  ),
  drivers: v.array(
    v.object(
      {
        signal: v.string('must be text'),
        weight: v.pipe(
          finiteNumber(),
          v.minValue(-1, 'must be from -1 to 1'),
          v.maxValue(1, 'must be from -1 to 1'),
        ),
      },
      'must be an object',
    ),
    'must be a list',
  ),
  explanation: v.string('must be text'),
});
export type QdScore = v.InferOutput<typeof QdScoreSchema>;

export const SwapTriageSchema = v.object({
  cause: v.picklist(SWAP_CAUSES, `must be one of ${SWAP_CAUSES.join(', ')}`),
  evidence: v.string('must be text'),
  fix: v.string('must be text'),
});
export type SwapTriage = v.InferOutput<typeof SwapTriageSchema>;

/** Output schemas by the name a task's frontmatter gives (`output:`). */
export const REASONING_OUTPUT_SCHEMAS = {
  lead_tag: LeadTagSchema,
  cctv_profile: CctvProfileSchema,
  qd_score: QdScoreSchema,
  swap_triage: SwapTriageSchema,
} as const;
export type ReasoningOutputSchemaName = keyof typeof REASONING_OUTPUT_SCHEMAS;
export const REASONING_OUTPUT_SCHEMA_NAMES = Object.keys(
  REASONING_OUTPUT_SCHEMAS,
) as ReasoningOutputSchemaName[];

const MAX_INPUT_TEXT = 64 * 1024;

/** What a failed swap hands to `swap_triage`: the detected cause, the log tail and the model. */
export const SwapTriageInputSchema = v.strictObject({
  cause: v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters')),
  logTail: v.pipe(
    v.string('must be text'),
    v.maxLength(MAX_INPUT_TEXT, `must be at most ${MAX_INPUT_TEXT} characters`),
  ),
  model: v.pipe(v.string('must be text'), v.nonEmpty('must not be blank'), v.maxLength(300, 'is too long')),
});

/** Free text (a lead message, a CCTV sighting log, a questionnaire). */
export const ReasoningTextInputSchema = v.pipe(
  v.string('must be text'),
  v.nonEmpty('must not be blank'),
  v.maxLength(MAX_INPUT_TEXT, `must be at most ${MAX_INPUT_TEXT} characters`),
);

/** Input schemas by the name a task's frontmatter gives (`input:`). */
export const REASONING_INPUT_SCHEMAS = {
  text: ReasoningTextInputSchema,
  swap_triage_input: SwapTriageInputSchema,
} as const;
export type ReasoningInputSchemaName = keyof typeof REASONING_INPUT_SCHEMAS;

export const REASONING_OUTCOMES = ['strict', 'repaired', 'partial', 'failed'] as const;
export type ReasoningOutcome = (typeof REASONING_OUTCOMES)[number];

export const REASONING_TIERS = ['primary', 'fallback', 'local'] as const;
export type ReasoningTier = (typeof REASONING_TIERS)[number];

export const ReasoningTaskParamSchema = v.object({
  task: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,62}$/, 'task: must be a task id such as lead_tagger')),
});

/** `POST /reasoning/{task}`: the input is checked against the task's own input schema. */
export const RunReasoningBodySchema = v.strictObject({
  input: v.unknown(),
});

export const ParseReasoningBodySchema = v.strictObject({
  task: v.pipe(
    v.string('must be text'),
    v.regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be a task id such as lead_tagger'),
  ),
  content: v.pipe(v.string('must be text'), v.maxLength(512 * 1024, 'is too long')),
  finishReason: v.optional(
    v.nullable(v.picklist(['stop', 'length', 'tool_calls', 'abort', 'content_filter'] as const)),
    null,
  ),
});

export interface ReasoningRunResult {
  result: unknown;
  outcome: ReasoningOutcome;
  tier: ReasoningTier;
  model: string;
  latencyMs: number;
  runId: string;
}

export interface ReasoningParseResult {
  outcome: ReasoningOutcome;
  value: unknown;
  errors: string[];
}
