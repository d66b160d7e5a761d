import * as v from 'valibot';
import { ContainerNameSchema, PortSchema, SlugSchema } from './fields.js';

/**
 * One configured placement: a vLLM instance on one or more Sparks (head first), with its own port,
 * container name and, optionally, a memory share that replaces each model's `gpuMemoryUtilization`.
 */
export const PlacementSettingSchema = v.strictObject({
  id: SlugSchema,
  sparkIds: v.pipe(
    v.array(SlugSchema, 'must be a list of Spark ids'),
    v.minLength(1, 'must name at least one Spark'),
    v.check((ids) => new Set(ids).size === ids.length, 'must not name a Spark twice'),
  ),
  port: PortSchema,
  container: ContainerNameSchema,
  /** Share of each Spark's unified memory vLLM reserves (`--gpu-memory-utilization`); null: the model's own. */
  memoryShare: v.optional(
    v.nullable(
      v.pipe(
        v.number('must be a number'),
        v.minValue(0.05, 'must be from 0.05 to 0.98'),
        v.maxValue(0.98, 'must be from 0.05 to 0.98'),
      ),
    ),
    null,
  ),
  /** The catalog models it may serve; empty: any that fits. */
  models: v.optional(v.array(SlugSchema, 'must be a list of catalog model ids'), []),
});

export type PlacementSetting = v.InferOutput<typeof PlacementSettingSchema>;

/**
 * What is wrong with the configured placements as a whole, each message naming its field: a duplicate
 * id, a Spark that is not configured, two placements on one Spark with the same port or container, or
 * memory shares on one Spark that add up to more than all of it.
 */
export function placementProblems(
  placements: readonly PlacementSetting[],
  sparkIds: readonly string[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  placements.forEach((placement, index) => {
    if (seen.has(placement.id)) problems.push(`placements.${index}.id: ${placement.id} is used twice`);
    seen.add(placement.id);
    placement.sparkIds.forEach((sparkId, position) => {
      if (!sparkIds.includes(sparkId)) {
        problems.push(
          `placements.${index}.sparkIds.${position}: no Spark "${sparkId}" (configured: ${sparkIds.join(', ') || 'none'})`,
        );
      }
    });
    for (const other of placements.slice(0, index)) {
      const shared = placement.sparkIds.find((sparkId) => other.sparkIds.includes(sparkId));
      if (shared === undefined) continue;
      if (other.port === placement.port) {
        problems.push(
          `placements.${index}.port: ${placement.port} is also the port of placement ${other.id} on ${shared}`,
        );
      }
      if (other.container === placement.container) {
        problems.push(
          `placements.${index}.container: ${placement.container} is also the container of placement ${other.id} on ${shared}`,
        );
      }
    }
  });
  for (const sparkId of sparkIds) {
    const sharing = placements.filter((placement) => placement.sparkIds.includes(sparkId));
    const total = sharing.reduce((sum, placement) => sum + (placement.memoryShare ?? 0), 0);
    if (total > 1) {
      const last = placements.indexOf(sharing.at(-1) as PlacementSetting);
      problems.push(
        `placements.${last}.memoryShare: the placements on ${sparkId} (${sharing.map((p) => `${p.id} ${p.memoryShare ?? 0}`).join(', ')}) add up to ${total.toFixed(2)} of its memory, more than all of it`,
      );
    }
  }
  return problems;
}
