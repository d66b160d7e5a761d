import type { Settings } from '@spark-control/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.js';
import { startSimFixture, type SimFixture } from '../../../test/support/sim.js';
import type { Database } from '../../adapters/db/client.js';
import { OpenAiChat } from '../../adapters/llm/openai-chat.js';
import { localBaseUrl } from '../reasoning/service.js';
import { localTier } from '../reasoning/tiers.js';
import { askLocalModel, LocalNameCheck } from './local-names.js';
import { PrivacyService } from './service.js';

/**
 * The second opinion against the simulator's vLLM (a model launched on a simulated Spark). The
 * simulated model answers what a `SIM_REPLY:` line in the text scripts; the names in that line are
 * written with JSON escapes, so the decoded answer does not occur verbatim in the text itself.
 */
const SCRIPTED = (names: string) => `SIM_REPLY: ${JSON.stringify(names)}`;
// "Quorra" and "Zorblat", escaped: the reply names both, the text spells only Quorra plainly.
const REPLY = SCRIPTED('["Qu\\u006frra", "Z\\u006frblat", "the"]');
const TEXT = `the quote went to Quorra yesterday, the fan still rattles.\n${REPLY}`;

let sim: SimFixture;
let database: Database;
let settings: { current: Settings };

function service(): PrivacyService {
  return new PrivacyService({
    db: database.db,
    vaultKey: Buffer.alloc(32, 7),
    localNames: new LocalNameCheck({ settings }),
  });
}

function withCheck(on: boolean, budgetMs = 1500): void {
  settings.current = {
    ...settings.current,
    privacy: { localNameCheck: on, localNameCheckBudgetMs: budgetMs },
  };
}

beforeAll(async () => {
  [sim, database] = await Promise.all([
    startSimFixture({
      sparks: 1,
      initialModel: { model: 'Qwen/Qwen3-30B-A3B-FP8', args: ['--served-model-name', 'local-model'] },
    }),
    freshDatabase('pglite'),
  ]);
  settings = { current: sim.settings() };
}, 120_000);

afterAll(async () => {
  await Promise.all([sim?.close(), database?.close()]);
});

afterEach(async () => {
  await sim.cluster.control.setFaults(sim.cluster.sparks[0]?.id ?? '', {});
});

describe('local name check against the simulated vLLM', () => {
  it('is off by default: the deterministic scrub alone decides', async () => {
    expect(settings.current.privacy.localNameCheck).toBe(false);
    const result = await service().scrubText(TEXT, 'test-owner');
    expect(result.value).toContain('Quorra');
  });

  it('redacts the names the local model found, but only those that occur verbatim in the text', async () => {
    withCheck(true);
    const result = await service().scrubText(TEXT, 'test-owner');
    expect(result.value).not.toContain('Quorra');
    expect(result.value).toMatch(/went to \[\[PERSON_1_[a-z0-9]{6}\]\] yesterday/);
    // "Zorblat" is not in the text; "the" is an ordinary word: neither becomes a finding.
    expect(result.entities.filter((entity) => entity.type === 'PERSON')).toHaveLength(1);
    expect(result.value).toContain('the quote');
  });

  it('asks once for a JSON document and redacts in every string', async () => {
    withCheck(true);
    const document = { note: 'the quote went to Quorra yesterday', script: REPLY, [`cc Quorra`]: 1 };
    const result = await service().scrubJson(document, 'test-owner');
    expect(JSON.stringify(result.value)).not.toContain('Quorra');
  });

  it('keeps the deterministic result when the model does not answer within the budget', async () => {
    withCheck(true, 300);
    await sim.cluster.control.setFaults(sim.cluster.sparks[0]?.id ?? '', {
      http: { vllm: { mode: 'hang' } },
    });
    const started = performance.now();
    const result = await service().scrubText(TEXT, 'test-owner');
    const elapsed = performance.now() - started;
    expect(result.value).toContain('Quorra');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 1500);
  });

  it('reports a late, a failed and an answered question as such', async () => {
    const url = localBaseUrl(settings.current);
    if (!url) throw new Error('no local vLLM in the settings');
    const tier = localTier(new OpenAiChat({ baseUrl: url, apiKey: '' }));
    expect(await askLocalModel(tier, TEXT, 5000)).toEqual({
      names: ['Quorra', 'Zorblat', 'the'],
      outcome: 'answered',
    });
    const unreachable = localTier(new OpenAiChat({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: '' }));
    expect(await askLocalModel(unreachable, TEXT, 5000)).toEqual({ names: [], outcome: 'failed' });
    await sim.cluster.control.setFaults(sim.cluster.sparks[0]?.id ?? '', {
      http: { vllm: { mode: 'hang' } },
    });
    expect(await askLocalModel(tier, TEXT, 200)).toEqual({ names: [], outcome: 'late' });
  });
});
