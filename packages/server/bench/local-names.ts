// The optional second opinion (privacy.localNameCheck), measured on its own: what asking the
// cluster's vLLM adds to a scrub, and that a hung vLLM costs the budget and no more. The vLLM is
// the simulator's (a model launched on one simulated Spark, 1 ms per token), so these numbers are
// the controller's own overhead; a real model adds its generation time, capped by the budget.
// Run: npx tsx bench/local-names.ts   (prints a markdown section to stdout)
import { parseSettings } from '@spark-control/schema';
import { randomSparkHosts, startCluster } from '@spark-control/sim';
import { createSshAdapter } from '../src/adapters/ssh/index.js';
import { OpenAiChat } from '../src/adapters/llm/openai-chat.js';
import { loadNameLexicon } from '../src/services/privacy/detectors/index.js';
import { askLocalModel, verbatimNames } from '../src/services/privacy/local-names.js';
import { ScrubSession, scrubText } from '../src/services/privacy/scrub.js';
import { localBaseUrl } from '../src/services/reasoning/service.js';
import { localTier } from '../src/services/reasoning/tiers.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 20;
const BUDGET_MS = 1500;
const EMAIL = [
  'Hi team, following up on the call with the quote desk yesterday.',
  'the unit went to Quorra at the Lekki site and the fan still rattles; she asked for a loaner.',
  'Please book the engineer for Thursday and copy the account manager.',
  'SIM_REPLY: "[\\"Qu\\u006frra\\"]"',
].join('\n');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-bench-'));
const ssh = await createSshAdapter({ dataDir, connectTimeoutMs: 5000 });
const cluster = await startCluster({
  hosts: randomSparkHosts(1),
  services: false,
  cloud: false,
  control: false,
  loadDelayMs: 300,
  tokenDelayMs: 1,
  authorizedKeys: [ssh.key.publicKey()],
  initialModel: { model: 'Qwen/Qwen3-30B-A3B-FP8', args: ['--served-model-name', 'local-model'] },
});
try {
  const spark = cluster.sparks[0];
  if (!spark) throw new Error('no simulated Spark');
  const parsed = parseSettings({
    sparks: [{ id: spark.id, host: spark.host, sshPort: spark.sshPort, sshUser: 'spark' }],
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  const url = localBaseUrl(parsed.settings);
  if (!url) throw new Error('no local vLLM');
  const tier = localTier(new OpenAiChat({ baseUrl: url, apiKey: '' }));
  const lexicon = await loadNameLexicon();

  const deterministic = await timed(() =>
    Promise.resolve(scrubText(EMAIL, new ScrubSession('bench0', lexicon))),
  );
  const keptAlone = scrubText(EMAIL, new ScrubSession('bench0', lexicon)).includes('Quorra');
  let found: string[] = [];
  const withCheck = await timed(async () => {
    const { names } = await askLocalModel(tier, EMAIL, BUDGET_MS);
    found = verbatimNames(EMAIL, names, lexicon);
    return scrubText(EMAIL, new ScrubSession('bench0', lexicon, found));
  });
  await cluster.control.setFaults(spark.id, { http: { vllm: { mode: 'hang' } } });
  const hung: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const { outcome } = await askLocalModel(tier, EMAIL, BUDGET_MS);
    if (outcome !== 'late') throw new Error(`a hung vLLM gave ${outcome}`);
    hung.push(performance.now() - started);
  }
  hung.sort((a, b) => a - b);
  const row = (name: string, times: number[]) =>
    `| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`;
  process.stdout.write(
    [
      '## Redaction gateway: local name check (`privacy.localNameCheck`)',
      '',
      `A ${EMAIL.length}-character support note with a name no list knows (\`Quorra\`, after \`to\`). The deterministic`,
      `scrub ${keptAlone ? 'keeps it' : 'already redacts it'}; with the check on, the simulated vLLM names it (${found.length} verbatim name found) and it is redacted.`,
      `Budget ${BUDGET_MS} ms. The simulator answers in milliseconds; a real model on a Spark needs its generation time on top, never more than the budget.`,
      '',
      '| scrub | p50 (ms) | p99 (ms) |',
      '|---|---|---|',
      row('deterministic only (check off)', deterministic),
      row('with the check, vLLM answering', withCheck),
      row(`with the check, vLLM hung (3 runs)`, hung),
      '',
      'Quality with a real model is not measured here: the simulator scripts its answers. Only names the',
      'model returns that occur verbatim as whole words in the text are redacted.',
      '',
    ].join('\n'),
  );
} finally {
  ssh.pool.closeAll();
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
}
