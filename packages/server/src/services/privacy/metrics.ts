import { PATTERN_TYPES, type Span } from './types.js';

export interface DetectionMetrics {
  patternRecall: number;
  nameRecall: number;
  precision: number;
  counts: {
    patternGold: number;
    patternFound: number;
    nameGold: number;
    nameFound: number;
    predicted: number;
    correct: number;
  };
  misses: { sample: number; gold: Span }[];
  falsePositives: { sample: number; span: Span }[];
}

const covers = (outer: Span, inner: Span) => outer.start <= inner.start && outer.end >= inner.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * A gold finding is recalled when a prediction of the same type covers it; a prediction is
 * correct when it overlaps a gold finding of the same type.
 */
export function detectionMetrics(
  samples: readonly { gold: readonly Span[]; predicted: readonly Span[] }[],
): DetectionMetrics {
  const counts = { patternGold: 0, patternFound: 0, nameGold: 0, nameFound: 0, predicted: 0, correct: 0 };
  const misses: DetectionMetrics['misses'] = [];
  const falsePositives: DetectionMetrics['falsePositives'] = [];
  samples.forEach(({ gold, predicted }, sample) => {
    for (const g of gold) {
      const found = predicted.some((p) => p.type === g.type && covers(p, g));
      if (PATTERN_TYPES.has(g.type)) {
        counts.patternGold++;
        if (found) counts.patternFound++;
      } else {
        counts.nameGold++;
        if (found) counts.nameFound++;
      }
      if (!found) misses.push({ sample, gold: g });
    }
    for (const p of predicted) {
      counts.predicted++;
      if (gold.some((g) => g.type === p.type && overlaps(p, g))) counts.correct++;
      else falsePositives.push({ sample, span: p });
    }
  });
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    patternRecall: ratio(counts.patternFound, counts.patternGold),
    nameRecall: ratio(counts.nameFound, counts.nameGold),
    precision: ratio(counts.correct, counts.predicted),
    counts,
    misses,
    falsePositives,
  };
}
