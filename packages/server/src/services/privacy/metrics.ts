import { ENTITY_TYPES, PATTERN_TYPES, type EntityType, type Span } from './types.js';

export interface TypeRecall {
  gold: number;
  found: number;
}

export interface DetectionMetrics {
  patternRecall: number;
  nameRecall: number;
  precision: number;
  /** Share of the words outside every labelled finding that no prediction touches. */
  wordsKept: number;
  /** Recall by type, for the types that occur in the gold labels. */
  perType: Partial<Record<EntityType, TypeRecall>>;
  counts: {
    patternGold: number;
    patternFound: number;
    nameGold: number;
    nameFound: number;
    predicted: number;
    correct: number;
    words: number;
    wordsKept: number;
  };
  misses: { sample: number; gold: Span }[];
  falsePositives: { sample: number; span: Span }[];
}

export interface ScoredSample {
  text: string;
  gold: readonly Span[];
  predicted: readonly Span[];
}

const covers = (outer: Span, inner: Span) => outer.start <= inner.start && outer.end >= inner.end;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A gold finding is recalled when a prediction of the same type covers it; a prediction is
 * correct when it overlaps a gold finding of the same type. A word (a run of letters or digits)
 * outside every gold finding is kept when no prediction overlaps it.
 */
export function detectionMetrics(samples: readonly ScoredSample[]): DetectionMetrics {
  const counts = {
    patternGold: 0,
    patternFound: 0,
    nameGold: 0,
    nameFound: 0,
    predicted: 0,
    correct: 0,
    words: 0,
    wordsKept: 0,
  };
  const perType: Partial<Record<EntityType, TypeRecall>> = {};
  const misses: DetectionMetrics['misses'] = [];
  const falsePositives: DetectionMetrics['falsePositives'] = [];
  samples.forEach(({ text, gold, predicted }, sample) => {
    for (const g of gold) {
      const found = predicted.some((p) => p.type === g.type && covers(p, g));
      const recall = (perType[g.type] ??= { gold: 0, found: 0 });
      recall.gold++;
      if (found) recall.found++;
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
    for (const match of text.matchAll(WORD)) {
      const word = { start: match.index, end: match.index + match[0].length };
      if (gold.some((g) => overlaps(g, word))) continue;
      counts.words++;
      if (!predicted.some((p) => overlaps(p, word))) counts.wordsKept++;
    }
  });
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const ordered: Partial<Record<EntityType, TypeRecall>> = {};
  for (const type of ENTITY_TYPES) if (perType[type]) ordered[type] = perType[type];
  return {
    patternRecall: ratio(counts.patternFound, counts.patternGold),
    nameRecall: ratio(counts.nameFound, counts.nameGold),
    precision: ratio(counts.correct, counts.predicted),
    wordsKept: ratio(counts.wordsKept, counts.words),
    perType: ordered,
    counts,
    misses,
    falsePositives,
  };
}
