import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  CctvProfileSchema,
  LeadTagSchema,
  QdScoreSchema,
  SwapTriageSchema,
  SwapTriageInputSchema,
} from './reasoning.js';

const ok = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success;

describe('reasoning output schemas', () => {
  const lead = { tags: ['a'], intent: 'buy', confidence: 0, summary: '' };
  const cctv = { plate: null, vehicle: { make: null, color: null, type: 'car' }, visits: 0, risk: 'low' };
  const qd = { score: 0, drivers: [], explanation: '' };

  it('accepts inclusive bounds and nulls where stated', () => {
    expect(ok(LeadTagSchema, { ...lead, confidence: 1, tags: Array.from({ length: 8 }, String) })).toBe(true);
    expect(ok(CctvProfileSchema, cctv)).toBe(true);
    expect(
      ok(QdScoreSchema, {
        ...qd,
        score: 100,
        drivers: [
          { signal: 's', weight: -1 },
          { signal: 't', weight: 1 },
        ],
      }),
    ).toBe(true);
    expect(ok(SwapTriageSchema, { cause: 'unknown', evidence: '', fix: '' })).toBe(true);
  });

  it.each([
    ['a missing nullable field', CctvProfileSchema, { vehicle: cctv.vehicle, visits: 0, risk: 'low' }],
    ['a missing nested field', CctvProfileSchema, { ...cctv, vehicle: { make: null, type: 'car' } }],
    ['a fractional count', CctvProfileSchema, { ...cctv, visits: 1.5 }],
    ['a negative count', CctvProfileSchema, { ...cctv, visits: -1 }],
    ['an unknown vehicle type', CctvProfileSchema, { ...cctv, vehicle: { ...cctv.vehicle, type: 'bus' } }],
    ['no tags', LeadTagSchema, { ...lead, tags: [] }],
    ['nine tags', LeadTagSchema, { ...lead, tags: Array.from({ length: 9 }, String) }],
    ['confidence above 1', LeadTagSchema, { ...lead, confidence: 1.01 }],
    ['a numeric string', LeadTagSchema, { ...lead, confidence: '0.5' }],
    ['NaN', QdScoreSchema, { ...qd, score: Number.NaN }],
    ['Infinity', QdScoreSchema, { ...qd, score: Number.POSITIVE_INFINITY }],
    ['a weight below -1', QdScoreSchema, { ...qd, drivers: [{ signal: 's', weight: -1.01 }] }],
    ['an unknown cause', SwapTriageSchema, { cause: 'disk', evidence: '', fix: '' }],
  ] as const)('refuses %s', (_name, schema, value) => {
    expect(ok(schema, value)).toBe(false);
  });

  it('keeps only declared keys, at every level', () => {
    const parsed = v.parse(CctvProfileSchema, { ...cctv, extra: 1, vehicle: { ...cctv.vehicle, doors: 4 } });
    expect(parsed).toEqual(cctv);
    const scored = v.parse(QdScoreSchema, { ...qd, drivers: [{ signal: 's', weight: 0, why: 'x' }] });
    expect(scored.drivers).toEqual([{ signal: 's', weight: 0 }]);
  });

  it('checks the swap_triage input strictly', () => {
    expect(ok(SwapTriageInputSchema, { cause: 'oom', logTail: 'CUDA out of memory', model: 'm' })).toBe(true);
    expect(ok(SwapTriageInputSchema, { cause: 'oom', logTail: '', model: 'm', extra: 1 })).toBe(false);
  });
});
