import * as v from 'valibot';
import { NumberRangeSchema, SlugSchema } from './fields.js';

/** The longest idle time or residency a setting may ask for: a week. */
const WEEK_SEC = 7 * 86_400;

/**
 * What the gateway does with one catalog model beyond the defaults: `pin` keeps it loaded (a request
 * never evicts it and it is never unloaded for being idle); `idleUnloadSec` replaces
 * `gateway.idleUnloadSec` for it (0: never).
 */
export const ModelPolicySchema = v.strictObject({
  modelId: SlugSchema,
  pin: v.optional(v.boolean('must be true or false'), false),
  idleUnloadSec: v.optional(NumberRangeSchema(0, WEEK_SEC, { integer: true, unit: 'seconds' })),
});

export type ModelPolicy = v.InferOutput<typeof ModelPolicySchema>;

/** The OpenAI-compatible gateway: queueing during swaps, upstream limits, swaps on request and idle unloads. */
export const GatewaySettingsSchema = v.strictObject({
  /** LLM requests that may wait for a swap to finish; more get 503 with Retry-After. */
  queueSize: v.optional(NumberRangeSchema(0, 10_000, { integer: true }), 64),
  /** How long a queued request waits for a swap before it gets 503. */
  maxWaitSec: v.optional(NumberRangeSchema(0, 3600, { unit: 'seconds' }), 120),
  /** An upstream that has not finished answering within this time is cut off. */
  upstreamTimeoutSec: v.optional(NumberRangeSchema(1, 86_400, { unit: 'seconds' }), 600),
  /** A request naming a catalog model that is not served starts a swap to it. */
  swapOnRequest: v.optional(v.boolean('must be true or false'), false),
  /** A model loaded less than this long ago is never evicted by a request (against thrashing). */
  minResidencySec: v.optional(NumberRangeSchema(0, WEEK_SEC, { integer: true, unit: 'seconds' }), 300),
  /** A placement whose model has had no request for this long is unloaded; 0: never. */
  idleUnloadSec: v.optional(NumberRangeSchema(0, WEEK_SEC, { integer: true, unit: 'seconds' }), 0),
  /** Per catalog model: pinned, or its own idle time. */
  modelPolicies: v.optional(v.array(ModelPolicySchema, 'must be a list of model policies'), []),
});

/** A model id named by two policies, as `gateway.modelPolicies.<index>.modelId: …` messages. */
export function modelPolicyProblems(policies: readonly ModelPolicy[]): string[] {
  const problems: string[] = [];
  policies.forEach((policy, index) => {
    const first = policies.findIndex((other) => other.modelId === policy.modelId);
    if (first < index) {
      problems.push(
        `gateway.modelPolicies.${index}.modelId: ${policy.modelId} already has a policy (gateway.modelPolicies.${first})`,
      );
    }
  });
  return problems;
}

/**
 * Policies naming a model the catalog lacks, as `gateway.modelPolicies.<index>.modelId: …` messages
 * (the catalog is not part of the settings, so the server checks this against its own).
 */
export function unknownPolicyModels(
  policies: readonly Pick<ModelPolicy, 'modelId'>[],
  catalogIds: readonly string[],
): string[] {
  return policies.flatMap((policy, index) =>
    catalogIds.includes(policy.modelId)
      ? []
      : [`gateway.modelPolicies.${index}.modelId: no model "${policy.modelId}" in the catalog`],
  );
}
