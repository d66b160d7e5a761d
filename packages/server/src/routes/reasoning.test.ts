import { parseSettings, type Settings, type TokenScope } from '@spark-control/schema';
import { startCloud, tempStateDir, type ReceivedRequest, type RunningService } from '@spark-control/sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { freshDatabase } from '../../test/support/db.js';
import type { Database } from '../adapters/db/client.js';
import { PrivacyService } from '../services/privacy/service.js';
import { ReasoningRuns } from '../services/reasoning/runs.js';
import { ReasoningService } from '../services/reasoning/service.js';
import { TaskStore } from '../services/reasoning/task-store.js';

const SUPER = 'nvidia/nemotron-3-super-120b-a12b';
const SUPER_49B = 'nvidia/llama-3.3-nemotron-super-49b-v1';
const TRIAGE = '{"cause":"port_in_use","evidence":"Address already in use","fix":"free port 8888"}';
/** A swap triage input whose log tail scripts the simulated cloud's reply. */
const TRIAGE_INPUT = {
  cause: 'port_in_use',
  logTail: `OSError: [Errno 98] Address already in use\nSIM_REPLY: ${TRIAGE}`,
  model: 'nvidia/x',
};
const API_KEY = 'nvapi-route-test';

const state = tempStateDir();
let cloudService: RunningService;
let cloudUrl: string;
let database: Database;
let service: ReasoningService;
let t: TestApp;
/** What the reasoning service reads its settings from; a test may point it at another key. */
let reasoningSettings: { current: Settings };
/** The simulator's NVIDIA-like cloud: what it received (`/_sim/received`). */
const cloud = {
  received: async (): Promise<ReceivedRequest[]> =>
    (await fetch(new URL('/_sim/received', cloudUrl))).json() as Promise<ReceivedRequest[]>,
};

function settingsWith(nvidiaApiKey: string): Settings {
  const parsed = parseSettings({
    reasoning: { nvidiaApiKey, baseUrl: cloudUrl, model: SUPER, fallbackModel: SUPER_49B },
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  return parsed.settings;
}

beforeAll(async () => {
  [cloudService, database] = await Promise.all([
    startCloud({
      stateDir: state.dir,
      port: 0,
      tokenDelayMs: 0,
      args: ['--api-key', API_KEY],
      log: { info: () => undefined, error: () => undefined },
    }),
    freshDatabase('pglite'),
  ]);
  await cloudService.ready;
  cloudUrl = `http://127.0.0.1:${cloudService.port}/v1`;
  reasoningSettings = { current: settingsWith(API_KEY) };
  service = new ReasoningService({
    settings: reasoningSettings,
    tasks: await TaskStore.open(),
    scrubber: new PrivacyService({ db: database.db, vaultKey: Buffer.alloc(32, 9) }),
    runs: new ReasoningRuns(database.db),
  });
  t = await buildTestApp({ db: database.db, services: { reasoning: service } });
});

afterAll(async () => {
  service.close();
  await t.close();
  await Promise.all([cloudService.close(), database.close()]);
  state.cleanup();
});

const tokens = new Map<string, Record<string, string>>();
/** Bearer headers of a token with these comma-separated scopes; none for no scopes. */
async function headersFor(scopes: string): Promise<Record<string, string>> {
  if (scopes === '') return {};
  const known = tokens.get(scopes);
  if (known) return known;
  const headers = await t.tokenWith(scopes.split(',') as TokenScope[]);
  tokens.set(scopes, headers);
  return headers;
}

const call = async (method: string, path: string, body?: unknown, scopes = 'reasoning') =>
  t.app.request(`/api/reasoning${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await headersFor(scopes)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('reasoning routes', () => {
  it('needs the reasoning scope', async () => {
    expect((await call('GET', '/stats', undefined, 'control')).status).toBe(403);
    expect((await call('GET', '/stats', undefined, '')).status).toBe(401);
  });

  it('runs a task and returns the labelled result', async () => {
    const response = await call('POST', '/swap_triage', {
      input: TRIAGE_INPUT,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      result: JSON.parse(TRIAGE) as unknown,
      outcome: 'strict',
      tier: 'primary',
      model: SUPER,
    });
    expect(typeof body.latencyMs).toBe('number');
    expect(body.runId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks the input against the task input schema', async () => {
    const response = await call('POST', '/swap_triage', { input: { cause: 'oom' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('logTail') as unknown },
    });
  });

  it('answers 404 for an unknown task', async () => {
    const response = await call('POST', '/horoscope', { input: 'x' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'lead_tagger',
    );
  });

  it('reports a rejected key as a configuration error', async () => {
    reasoningSettings.current = settingsWith('nvapi-not-this-account');
    try {
      const response = await call('POST', '/lead_tagger', { input: 'SIM_REPLY: {}' });
      expect(response.status).toBe(502);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('UPSTREAM_FAILED');
      expect(error.message).toMatch(
        /^run [0-9a-f-]{36}: primary: configuration error: 403 Forbidden: Authorization failed/,
      );
    } finally {
      reasoningSettings.current = settingsWith(API_KEY);
    }
  });

  it('parses a reply with the recovery pipeline only', async () => {
    const before = (await cloud.received()).length;
    const response = await call('POST', '/parse', {
      task: 'swap_triage',
      content: `<think>port clash</think>\n\`\`\`json\n${TRIAGE.slice(0, -1)}, "note": "and`,
      finishReason: 'length',
    });
    expect(await response.json()).toEqual({
      outcome: 'partial',
      value: JSON.parse(TRIAGE) as unknown,
      errors: expect.any(Array) as unknown,
    });
    expect((await cloud.received()).length).toBe(before);
    const failed = await call('POST', '/parse', { task: 'swap_triage', content: '<think>still thinking' });
    expect(await failed.json()).toMatchObject({
      outcome: 'failed',
      value: null,
      errors: [expect.stringContaining('<think>') as unknown],
    });
    expect((await call('POST', '/parse', { task: 'nope', content: '{}' })).status).toBe(404);
    expect(
      (await call('POST', '/parse', { task: 'swap_triage', content: '{}', finishReason: 'eof' })).status,
    ).toBe(400);
  });

  it('lists tasks, counts outcomes per task and model, and shows tier health', async () => {
    const tasks = (await (await call('GET', '/tasks')).json()) as { tasks: { id: string }[] };
    expect(tasks.tasks.map((task) => task.id)).toContain('swap_triage');
    // Counted from what this test runs, so it holds whichever tests ran before it.
    const before = await statsNow();
    const triage = await call('POST', '/swap_triage', {
      input: TRIAGE_INPUT,
    });
    expect(triage.status).toBe(200);
    reasoningSettings.current = settingsWith('nvapi-not-this-account');
    try {
      expect((await call('POST', '/lead_tagger', { input: 'SIM_REPLY: {}' })).status).toBe(502);
    } finally {
      reasoningSettings.current = settingsWith(API_KEY);
    }
    const after = await statsNow();
    const added = (task: string, model: string | null, outcome: string) =>
      countOf(after, task, model, outcome) - countOf(before, task, model, outcome);
    expect(['strict', 'repaired', 'partial', 'failed'].map((o) => added('swap_triage', SUPER, o))).toEqual([
      1, 0, 0, 0,
    ]);
    const leadTaggerFailed = (stats: Stat[]) =>
      stats
        .filter((stat) => stat.task === 'lead_tagger')
        .reduce((sum, stat) => sum + (stat.counts.failed ?? 0), 0);
    expect(leadTaggerFailed(after) - leadTaggerFailed(before)).toBe(1);
    const health = (await (await call('GET', '/health')).json()) as {
      tiers: { tier: string; models: { ok: boolean } }[];
    };
    expect(health.tiers.map((tier) => [tier.tier, tier.models.ok])).toEqual([
      ['primary', true],
      ['fallback', true],
    ]);
  });
});

interface Stat {
  task: string;
  model: string | null;
  counts: Record<string, number>;
}

async function statsNow(): Promise<Stat[]> {
  return ((await (await call('GET', '/stats')).json()) as { stats: Stat[] }).stats;
}

function countOf(stats: Stat[], task: string, model: string | null, outcome: string): number {
  return stats.find((stat) => stat.task === task && stat.model === model)?.counts[outcome] ?? 0;
}
