import type { NameLexicon } from './detectors/index.js';
import type { LabelledSample } from './fixtures/labelled.js';
import { detectionMetrics, type DetectionMetrics } from './metrics.js';
import { restoreText } from './rehydrate.js';
import { findEntities, ScrubSession, scrubText } from './scrub.js';

/** What the held-out set must reach (issue 16); the tuning sets are held to the same. */
export const QUALITY_TARGETS = {
  patternRecall: 0.98,
  nameRecall: 0.92,
  wordsKept: 0.97,
} as const;

export interface QualityReport extends DetectionMetrics {
  lines: number;
  negatives: number;
  /** Lines whose scrub → rehydrate did not give back exactly the original. */
  roundTripFailures: number[];
}

/** Scores detection on labelled lines and checks that every line comes back exactly. */
export function measureQuality(samples: readonly LabelledSample[], lexicon: NameLexicon): QualityReport {
  const roundTripFailures: number[] = [];
  const scored = samples.map((sample) => {
    const session = new ScrubSession('qa0000', lexicon);
    const scrubbed = scrubText(sample.text, session);
    if (restoreText(scrubbed, session.nonce, session.entries) !== sample.text) {
      roundTripFailures.push(sample.line);
    }
    return { text: sample.text, gold: sample.gold, predicted: findEntities(sample.text, lexicon) };
  });
  return {
    ...detectionMetrics(scored),
    lines: samples.length,
    negatives: samples.filter((sample) => sample.gold.length === 0).length,
    roundTripFailures,
  };
}

const fraction = (found: number, total: number) =>
  `${(total === 0 ? 1 : found / total).toFixed(3)} (${found}/${total})`;

/** A markdown table of one report (used by the test's log and by `make bench`). */
export function qualityTable(report: QualityReport): string {
  const { counts } = report;
  const rows = [
    '| measure | value | target |',
    '|---|---|---|',
    `| pattern-type recall | ${fraction(counts.patternFound, counts.patternGold)} | ≥ ${QUALITY_TARGETS.patternRecall} |`,
    `| person-name recall | ${fraction(counts.nameFound, counts.nameGold)} | ≥ ${QUALITY_TARGETS.nameRecall} |`,
    `| non-PII words kept | ${fraction(counts.wordsKept, counts.words)} | ≥ ${QUALITY_TARGETS.wordsKept} |`,
    `| exact round trip | ${fraction(report.lines - report.roundTripFailures.length, report.lines)} | every line |`,
    `| precision (predictions overlapping a finding of their type) | ${fraction(counts.correct, counts.predicted)} | — |`,
  ];
  const perType = Object.entries(report.perType).map(
    ([type, recall]) => `${type} ${recall.found}/${recall.gold}`,
  );
  return [...rows, '', `Recall by type: ${perType.join(', ')}.`].join('\n');
}

/** Misses and false positives, one per line, for a failing assertion or a tuning session. */
export function describeErrors(samples: readonly LabelledSample[], report: QualityReport): string {
  const at = (index: number) => samples[index];
  const show = (index: number, span: { start: number; end: number; type: string }, what: string) => {
    const sample = at(index);
    return `${what} line ${sample?.line}: ${span.type} ${JSON.stringify(sample?.text.slice(span.start, span.end))}`;
  };
  return [
    ...report.misses.map(({ sample, gold }) => show(sample, gold, 'missed')),
    ...report.falsePositives.map(({ sample, span }) => show(sample, span, 'false')),
    ...report.roundTripFailures.map((line) => `round trip failed on line ${line}`),
  ].join('\n');
}
