import { describe, expect, it } from 'vitest';
import { loadNameLexicon } from './detectors/index.js';
import { FIXTURE_USER_NAMES, loadLabelled, parseLabelled } from './fixtures/labelled.js';
import { detectionMetrics } from './metrics.js';
import { findEntities } from './scrub.js';
import { ENTITY_TYPES } from './types.js';

const lexicon = await loadNameLexicon(FIXTURE_USER_NAMES);
const samples = loadLabelled();

describe('labelled test set', () => {
  it('is big enough and varied: ≥ 100 lines, negatives, non-English names, every type', () => {
    expect(samples.length).toBeGreaterThanOrEqual(100);
    expect(samples.filter((s) => s.gold.length === 0).length).toBeGreaterThanOrEqual(25);
    const types = new Set(samples.flatMap((s) => s.gold.map((g) => g.type)));
    for (const type of ENTITY_TYPES) {
      expect(types, type).toContain(type);
    }
    const names = samples.flatMap((s) =>
      s.gold.filter((g) => g.type === 'PERSON').map((g) => s.text.slice(g.start, g.end)),
    );
    expect(names.some((n) => /[^\p{Script=Latin}\s'.-]/u.test(n))).toBe(true);
  });

  it('meets recall ≥ 0.95 for pattern types, ≥ 0.85 for names and precision ≥ 0.9', () => {
    const metrics = detectionMetrics(
      samples.map((s) => ({ gold: s.gold, predicted: findEntities(s.text, lexicon) })),
    );
    const describeMiss = ({
      sample,
      gold,
    }: {
      sample: number;
      gold: { start: number; end: number; type: string };
    }) => {
      const s = samples[sample];
      return `line ${s?.line}: ${gold.type} ${JSON.stringify(s?.text.slice(gold.start, gold.end))}`;
    };
    console.log(
      [
        '| metric | value | target |',
        '|---|---|---|',
        `| pattern recall | ${metrics.patternRecall.toFixed(3)} (${metrics.counts.patternFound}/${metrics.counts.patternGold}) | ≥ 0.95 |`,
        `| name recall | ${metrics.nameRecall.toFixed(3)} (${metrics.counts.nameFound}/${metrics.counts.nameGold}) | ≥ 0.85 |`,
        `| precision | ${metrics.precision.toFixed(3)} (${metrics.counts.correct}/${metrics.counts.predicted}) | ≥ 0.9 |`,
      ].join('\n'),
    );
    expect(metrics.patternRecall, metrics.misses.map(describeMiss).join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(metrics.nameRecall, metrics.misses.map(describeMiss).join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(metrics.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('detectionMetrics', () => {
  it('counts a miss, a wrong type and a false positive against the scores', () => {
    const [sample] = parseLabelled('Mail {{EMAIL:a@b.io}} to {{PERSON:Ingrid}} at {{IP:10.0.0.1}}');
    if (!sample) throw new Error('no sample');
    const [email, , ip] = sample.gold;
    if (!email || !ip) throw new Error('bad gold');
    const metrics = detectionMetrics([
      {
        gold: sample.gold,
        predicted: [email, { ...ip, type: 'PHONE' }, { start: 0, end: 4, type: 'PERSON' }],
      },
    ]);
    expect(metrics.patternRecall).toBe(0.5);
    expect(metrics.nameRecall).toBe(0);
    expect(metrics.precision).toBeCloseTo(1 / 3);
  });
});
