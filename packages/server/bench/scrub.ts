// Scrub throughput: how long one 100 KB text takes through every detector.
// Run: npx tsx bench/scrub.ts   (prints a markdown section to stdout)
import { cpus, loadavg } from 'node:os';
import { buildNameLexicon } from '../src/services/privacy/detectors/index.js';
import { loadTuningSamples } from '../src/services/privacy/fixtures/labelled.js';
import { ScrubSession, scrubText } from '../src/services/privacy/scrub.js';

const TARGET_BYTES = 100 * 1024;
const TARGET_MS = 20;
const WARMUP = 5;
const RUNS = 60;

const FILLER = [
  'The swap finished and vLLM reported the model as ready on port 8888 after 41 seconds.',
  'Embeddings for 1,024 chunks were written to the Qdrant collection docs_v2.',
  'Nothing unusual in the last hour: GPU temperature 64 C, memory 92 GB of 128 GB in use.',
  'The meeting notes say the rollout moves to next week because the firmware update is late.',
  'Please summarise the following support ticket and propose the next step for the team.',
  'Die Warteschlange ist leer, der Dienst läuft seit drei Tagen ohne Unterbrechung.',
  'Le rapport mensuel est prêt et sera envoyé aux responsables demain matin.',
];

/** About 100 KB of log-and-prose text in which roughly one line in three carries findings. */
function corpus(): string {
  const labelled = loadTuningSamples().map((sample) => sample.text);
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const line = i % 3 === 0 ? (labelled[i % labelled.length] ?? '') : (FILLER[i % FILLER.length] ?? '');
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const [load1] = loadavg();
const text = corpus();
const lexicon = buildNameLexicon([]);
let entities = 0;
for (let i = 0; i < WARMUP; i++) scrubText(text, new ScrubSession('bench0', lexicon));
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const session = new ScrubSession('bench0', lexicon);
  const started = performance.now();
  const cpu = process.cpuUsage();
  scrubText(text, session);
  const used = process.cpuUsage(cpu);
  times.push(performance.now() - started);
  cpuTimes.push((used.user + used.system) / 1000);
  entities = session.entities.length;
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const p50 = percentile(times, 50);
const p99 = percentile(times, 99);
const verdict = (ms: number) => (ms <= TARGET_MS ? 'met' : 'missed');

/** Inputs built to make regular expressions backtrack; each should stay roughly linear. */
const HOSTILE: Record<string, string> = {
  'PEM BEGIN lines without END': '-----BEGIN PRIVATE KEY-----\n'.repeat(3600),
  'digit groups': '1 '.repeat(50_000),
  'capitalised words': 'Maria '.repeat(17_000),
  'at signs': '@a'.repeat(50_000),
  'URL prefixes': 'http://'.repeat(14_500),
  'one long token-like run': 'a'.repeat(100_000) + '===',
};
const hostileRows = Object.entries(HOSTILE).map(([name, input]) => {
  const started = performance.now();
  scrubText(input, new ScrubSession('bench0', lexicon));
  return `| ${name} | ${(input.length / 1024).toFixed(0)} | ${(performance.now() - started).toFixed(1)} |`;
});

process.stdout.write(
  [
    '## Redaction gateway: scrub throughput',
    '',
    `One scrub of ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB of mixed text (${entities} distinct findings), ${RUNS} runs after ${WARMUP} warm-up runs, Node ${process.version}.`,
    '',
    '| measure | time (ms) | target (ms) | result |',
    '|---|---|---|---|',
    `| p50 | ${p50.toFixed(2)} | ${TARGET_MS} | ${verdict(p50)} |`,
    `| p99 | ${p99.toFixed(2)} | ${TARGET_MS} | ${verdict(p99)} |`,
    `| p50 CPU time | ${percentile(cpuTimes, 50).toFixed(2)} | — | for comparison on a busy machine |`,
    '',
    `Machine: ${cpus().length} CPUs, load average ${load1?.toFixed(1) ?? '?'} when the run started; wall times grow with the load.`,
    '',
    'Hostile inputs (one run each; no target, they must merely not explode):',
    '',
    '| input | size (KB) | time (ms) |',
    '|---|---|---|',
    ...hostileRows,
    '',
  ].join('\n'),
);
