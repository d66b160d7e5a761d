import { readFileSync } from 'node:fs';
import { REASONING_OUTPUT_SCHEMAS, type ReasoningOutputSchemaName } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { recoverJson } from './recover.js';

interface CorpusCase {
  name: string;
  schema: ReasoningOutputSchemaName;
  finishReason: string | null;
  content: string;
  outcome: string;
  value: unknown;
}

const corpus = JSON.parse(
  readFileSync(new URL('./fixtures/malformed-replies.json', import.meta.url), 'utf8'),
) as CorpusCase[];

describe('malformed-reply corpus', () => {
  it('holds at least 100 cases, and at least 10 of every outcome', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const label of ['strict', 'repaired', 'partial', 'failed']) {
      expect(corpus.filter((entry) => entry.outcome === label).length).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const recovered = recoverJson(entry.content, entry.finishReason, REASONING_OUTPUT_SCHEMAS[entry.schema]);
    expect({ outcome: recovered.outcome, value: recovered.value }).toEqual({
      outcome: entry.outcome,
      value: entry.value,
    });
    if (entry.outcome === 'failed') expect(recovered.errors.length).toBeGreaterThan(0);
  });
});

describe('recoverJson', () => {
  const schema = REASONING_OUTPUT_SCHEMAS.swap_triage;

  it('says why each candidate was refused', () => {
    const recovered = recoverJson('Guess: {"cause":"OOM","evidence":"x","fix":"y"}', 'stop', schema);
    expect(recovered.outcome).toBe('failed');
    expect(recovered.errors.join('\n')).toMatch(/embedded object at character 7: cause: must be one of oom/);
  });

  it('reports values dropped by the cut', () => {
    const recovered = recoverJson('{"cause":"oom","evidence":"x","fix":"lower th', 'length', schema);
    expect(recovered.outcome).toBe('failed');
    expect(recovered.errors.join('\n')).toContain('cut and dropped: $.fix');
  });

  it('does not hang on pathological nesting', () => {
    const recovered = recoverJson('['.repeat(10_000) + '{'.repeat(10_000), 'length', schema);
    expect(recovered.outcome).toBe('failed');
  });
});
