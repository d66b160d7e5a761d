// Redaction quality on the labelled sets: every tuning file, all tuning lines together, and each
// held-out set (written after the detectors were frozen, never tuned on). A held-out set gets its one
// summary row only: recall by type would say where to tune.
// Run: npx tsx bench/redaction-quality.ts   (prints a markdown section to stdout)
// With --no-heldout the held-out set is not read at all (a tuning session must not see its score).
import { loadNameLexicon } from '../src/services/privacy/detectors/index.js';
import {
  FIXTURE_USER_NAMES,
  HELD_OUT_DIR,
  loadHeldOutSets,
  loadTuningSets,
  type LabelledSet,
} from '../src/services/privacy/fixtures/labelled.js';
import { measureQuality, QUALITY_TARGETS, type QualityReport } from '../src/services/privacy/quality.js';

const lexicon = await loadNameLexicon(FIXTURE_USER_NAMES);
const tuning = loadTuningSets();
const skipHeldOut = process.argv.includes('--no-heldout');
const heldOut = skipHeldOut ? [] : loadHeldOutSets();

const fraction = (found: number, total: number) =>
  `${(total === 0 ? 1 : found / total).toFixed(3)} (${found}/${total})`;

function row(name: string, report: QualityReport): string {
  const { counts } = report;
  return [
    name,
    `${report.lines} (${report.negatives} neg.)`,
    fraction(counts.patternFound, counts.patternGold),
    fraction(counts.nameFound, counts.nameGold),
    fraction(counts.wordsKept, counts.words),
    fraction(report.lines - report.roundTripFailures.length, report.lines),
    fraction(counts.correct, counts.predicted),
  ].join(' | ');
}

function perType(report: QualityReport): string {
  return Object.entries(report.perType)
    .map(([type, recall]) => `${type} ${recall.found}/${recall.gold}`)
    .join(', ');
}

const measure = (set: LabelledSet) => measureQuality(set.samples, lexicon);
const allTuning: LabelledSet = { name: 'all tuning lines', samples: tuning.flatMap((set) => set.samples) };
const tuningReport = measure(allTuning);

process.stdout.write(
  [
    '## Redaction gateway: detection quality',
    '',
    'Measured by `packages/server/bench/redaction-quality.ts` with the deterministic detectors (the local',
    'model second opinion is off). A finding counts as recalled when a prediction of its type covers it;',
    '"words kept" is the share of words outside every labelled finding that no prediction touches;',
    '"round trip" is scrub then rehydrate giving back exactly the line. Targets (asserted on each held-out',
    `set by \`detection.test.ts\`): pattern recall ≥ ${QUALITY_TARGETS.patternRecall}, person recall ≥ ${QUALITY_TARGETS.nameRecall}, words kept ≥ ${QUALITY_TARGETS.wordsKept}, every line round-trips`,
    '(a target a held-out set misses is held there at the level it was measured at).',
    '',
    '| set | lines | pattern-type recall | person recall | words kept | round trip | precision |',
    '|---|---|---|---|---|---|---|',
    ...tuning.map((set) => `| ${row(set.name, measure(set))} |`),
    `| ${row('all tuning lines', tuningReport)} |`,
    ...heldOut.map((set) => `| ${row(`${set.name} (held out, never tuned on)`, measure(set))} |`),
    ...(heldOut.length > 0
      ? []
      : skipHeldOut
        ? ['| held-out | left out (--no-heldout) | | | | | |']
        : [`| held-out | none yet (${HELD_OUT_DIR.replace(/.*packages\//, 'packages/')}) | | | | | |`]),
    '',
    `Recall by type, all tuning lines: ${perType(tuningReport)}.`,
    '',
  ].join('\n'),
);
