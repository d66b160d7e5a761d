import { formatIssues, type ReasoningOutcome } from '@spark-control/schema';
import * as v from 'valibot';
import { findCandidates } from './candidates.js';
import { stripThinking } from './think.js';
import type { TruncationMode } from './tolerant-json.js';

export interface Recovery<T> {
  outcome: ReasoningOutcome;
  /** The schema's output: only declared keys, at every level. Null when failed. */
  value: T | null;
  /** Why each candidate was refused (empty for `strict`). */
  errors: string[];
}

/** `length` is the only finish reason that means the model was cut off mid-answer. */
export function truncationMode(finishReason: string | null | undefined): TruncationMode {
  return finishReason === 'length' ? 'length' : 'stop';
}

/**
 * Recovers the answer to a task from a model's reply and labels it (shared/reasoning-rules.md):
 * `strict` when the reply is the JSON, `repaired` after value-preserving repairs, `partial`
 * when the token limit cut only what the schema does not need, `failed` otherwise.
 */
export function recoverJson<TSchema extends v.GenericSchema>(
  content: string,
  finishReason: string | null | undefined,
  schema: TSchema,
): Recovery<v.InferOutput<TSchema>> {
  const strict = strictParse(content, schema);
  if (strict.success) return { outcome: 'strict', value: strict.output, errors: [] };

  const thinking = stripThinking(content);
  if (!thinking.ok) return { outcome: 'failed', value: null, errors: [thinking.error] };
  const text = thinking.text.replace(/^\ufeff/, '');
  const mode = truncationMode(finishReason);
  const errors: string[] = [];
  for (const candidate of findCandidates(text, mode)) {
    const where = `${candidate.source} at character ${candidate.offset}`;
    if (!candidate.parsed.ok) {
      errors.push(`${where}: ${candidate.parsed.error}`);
      continue;
    }
    const result = v.safeParse(schema, candidate.parsed.value);
    if (!result.success) {
      const dropped =
        candidate.parsed.dropped.length > 0
          ? ` (cut and dropped: ${candidate.parsed.dropped.join(', ')})`
          : '';
      errors.push(`${where}: ${describeIssues(result.issues).join('; ')}${dropped}`);
      continue;
    }
    const outcome = candidate.parsed.truncated && mode === 'length' ? 'partial' : 'repaired';
    return { outcome, value: result.output, errors };
  }
  if (errors.length === 0) errors.push('the reply holds no JSON object');
  return { outcome: 'failed', value: null, errors };
}

function strictParse<TSchema extends v.GenericSchema>(content: string, schema: TSchema) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { success: false as const };
  }
  return v.safeParse(schema, parsed);
}

/** Field-by-field problems; a missing key says so instead of repeating its parent's message. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    if (issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined && path)
      return `${path}: is missing`;
    if (!path && issue.type === 'object') return 'the value must be a JSON object';
    return formatIssues([issue])[0] ?? issue.message;
  });
}
