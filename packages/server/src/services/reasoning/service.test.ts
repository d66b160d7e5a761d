import { parseSettings, type Settings, type SettingsInput } from '@spark-control/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../adapters/db/client.js';
import { reasoningRuns } from '../../adapters/db/schema.js';
import { PrivacyService } from '../privacy/service.js';
import { ReasoningRuns } from './runs.js';
import { ReasoningFailedError, ReasoningService } from './service.js';
import { TaskStore } from './task-store.js';
import { startFakeEndpoint, type FakeEndpoint } from './testing/fake-endpoints.js';

const SUPER = 'nvidia/nemotron-3-super-120b-a12b';
const SUPER_49B = 'nvidia/llama-3.3-nemotron-super-49b-v1';
const LOCAL_MODEL = 'nemotron-super-local';
const LEAD = '{"tags":["condo"],"intent":"buy","confidence":0.8,"summary":"Wants a condo"}';

let cloud: FakeEndpoint;
let local: FakeEndpoint;
let database: Database;
let tasks: TaskStore;
let privacy: PrivacyService;
const services: ReasoningService[] = [];

beforeAll(async () => {
  [cloud, local, database, tasks] = await Promise.all([
    startFakeEndpoint({ flavor: 'nvidia', models: [SUPER, SUPER_49B] }),
    startFakeEndpoint({ flavor: 'vllm', models: [LOCAL_MODEL] }),
    freshDatabase('pglite'),
    TaskStore.open(),
  ]);
  privacy = new PrivacyService({ db: database.db, vaultKey: Buffer.alloc(32, 3) });
});

afterAll(async () => {
  for (const service of services) service.close();
  await Promise.all([cloud.close(), local.close(), database.close()]);
});

afterEach(() => {
  cloud.received.length = 0;
  local.received.length = 0;
  cloud.faults.clear();
  local.faults.clear();
});

function settingsFor(reasoning: NonNullable<SettingsInput['reasoning']> = {}): Settings {
  const parsed = parseSettings({
    reasoning: {
      nvidiaApiKey: 'nvapi-test-key',
      baseUrl: cloud.baseUrl,
      model: SUPER,
      fallbackModel: SUPER_49B,
      ...reasoning,
    },
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  return parsed.settings;
}

function service(reasoning?: NonNullable<SettingsInput['reasoning']>, deadlineMs = 10_000): ReasoningService {
  const created = new ReasoningService({
    settings: { current: settingsFor(reasoning) },
    tasks,
    scrubber: privacy,
    runs: new ReasoningRuns(database.db),
    deadlineMs,
  });
  services.push(created);
  return created;
}

const leadInput = (script: string) => `Hello, I'm looking for a condo downtown.\n${script}`;

describe('ReasoningService tiers', () => {
  it('answers from the primary with Nemotron 3 Super thinking controls', async () => {
    const reasoning = service();
    const run = await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`));
    expect(run).toMatchObject({
      outcome: 'strict',
      tier: 'primary',
      model: SUPER,
      result: JSON.parse(LEAD) as unknown,
    });
    const body = cloud.received[0]?.body;
    expect(body).toMatchObject({
      model: SUPER,
      chat_template_kwargs: { enable_thinking: false },
      temperature: 0,
      max_tokens: 1024,
    });
    expect(body?.messages).toMatchObject([
      { role: 'system', content: tasks.current.get('lead_tagger')?.instructions },
      { role: 'user' },
    ]);
  });

  it('sends the reasoning budget when the task thinks', async () => {
    const reasoning = service();
    const qd = '{"score":50,"drivers":[],"explanation":"e"}';
    await reasoning.run('qd_calculator', `Answers: yes, no.\nSIM_REPLY: ${qd}`);
    expect(cloud.received[0]?.body).toMatchObject({
      chat_template_kwargs: { enable_thinking: true },
      reasoning_budget: 2048,
    });
  });

  it('falls back when the primary answers 5xx, with the 49B system switch', async () => {
    const reasoning = service();
    cloud.faults.set(SUPER, { mode: 'status', status: 503 });
    const run = await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`));
    expect(run).toMatchObject({ outcome: 'strict', tier: 'fallback', model: SUPER_49B });
    const body = cloud.received.find((request) => request.model === SUPER_49B)?.body;
    const messages = body?.messages as { role: string; content: string }[];
    expect(messages[0]).toEqual({ role: 'system', content: 'detailed thinking off' });
    expect(messages[1]?.content.startsWith(tasks.current.get('lead_tagger')?.instructions ?? '?')).toBe(true);
    expect(body).not.toHaveProperty('chat_template_kwargs');
  });

  it('opens the primary breaker on 401 and reports a configuration error', async () => {
    const reasoning = service();
    cloud.faults.set('*', { mode: 'status', status: 401 });
    const failure = await reasoning
      .run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReasoningFailedError);
    const failed = failure as ReasoningFailedError;
    expect(failed.failure.configError).toBe(true);
    expect(failed.message).toMatch(
      /primary: configuration error: 401 Unauthorized: Header of type `authorization` was missing; check the NVIDIA API key/,
    );
    expect((await reasoning.health()).tiers.map((tier) => [tier.tier, tier.breaker])).toEqual([
      ['primary', 'open'],
      ['fallback', 'open'],
    ]);
    // Open breakers are not called again, even once the key works.
    cloud.faults.clear();
    cloud.received.length = 0;
    const again = await reasoning
      .run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))
      .catch((error: unknown) => error);
    expect((again as ReasoningFailedError).failure.attempts.map((attempt) => attempt.kind)).toEqual([
      'breaker_open',
      'breaker_open',
    ]);
    expect(cloud.received).toEqual([]);
  });

  it('keeps the fallback when only the primary model is refused', async () => {
    const reasoning = service();
    cloud.faults.set(SUPER, { mode: 'status', status: 403 });
    expect(await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))).toMatchObject({
      tier: 'fallback',
    });
    cloud.received.length = 0;
    expect(await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))).toMatchObject({
      tier: 'fallback',
    });
    expect(cloud.received.map((request) => request.model)).toEqual([SUPER_49B]);
  });

  it('answers from the local vLLM when the cloud is down and local fallback is allowed', async () => {
    const reasoning = service({ allowLocalFallback: true, localBaseUrl: local.baseUrl });
    cloud.faults.set('*', { mode: 'status', status: 502 });
    const raw = leadInput(`SIM_REPLY: ${LEAD}`);
    const run = await reasoning.run('lead_tagger', raw);
    expect(run).toMatchObject({ outcome: 'strict', tier: 'local', model: LOCAL_MODEL });
    expect(local.received[0]?.body).toMatchObject({
      model: LOCAL_MODEL,
      chat_template_kwargs: { enable_thinking: false },
    });
    // The LAN tier gets the text as written.
    expect((local.received[0]?.body.messages as { content: string }[])[1]?.content).toBe(raw);
  });

  it('does not use the local vLLM unless allowed', async () => {
    const reasoning = service({ allowLocalFallback: false, localBaseUrl: local.baseUrl });
    cloud.faults.set('*', { mode: 'status', status: 502 });
    await expect(reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))).rejects.toThrow(
      ReasoningFailedError,
    );
    expect(local.received).toEqual([]);
  });

  it('sends nothing unscrubbed to the cloud and restores the answer field by field', async () => {
    const reasoning = service();
    const secretEmail = 'quorra.tanngrisnir@example.com';
    const reply = '{"tags":["condo"],"intent":"buy","confidence":0.9,"summary":"Reply to @@TOKEN@@"}';
    const run = await reasoning.run(
      'lead_tagger',
      `Write to ${secretEmail} or call +49 30 1234567.\nSIM_REPLY: ${reply}`,
    );
    expect(cloud.received.length).toBeGreaterThan(0);
    for (const request of cloud.received) {
      expect(request.raw).not.toContain(secretEmail);
      expect(request.raw).not.toContain('1234567');
      expect(request.raw).toMatch(/\[\[EMAIL_1_[a-z0-9]+\]\]/);
    }
    expect(run.result).toMatchObject({ summary: `Reply to ${secretEmail}` });
  });

  it('re-asks once with the validation errors, then accepts the corrected answer', async () => {
    const reasoning = service();
    const run = await reasoning.run(
      'lead_tagger',
      leadInput(`SIM_REPLY: {"tags":"condo","intent":"BUY"}\nSIM_REASK_REPLY: ${LEAD}`),
    );
    expect(run).toMatchObject({ outcome: 'strict', tier: 'primary' });
    const reask = cloud.received[1]?.body.messages as { role: string; content: string }[];
    expect(reask.at(-2)).toEqual({ role: 'assistant', content: '{"tags":"condo","intent":"BUY"}' });
    expect(reask.at(-1)?.content).toMatch(/tags: must be a list of strings[\s\S]*intent: must be one of buy/);
  });

  it('moves to the next tier when the re-ask is unusable too, and labels recovered replies', async () => {
    const reasoning = service();
    const fenced = JSON.stringify(`\`\`\`json\n${LEAD}\n\`\`\``);
    cloud.faults.set(SUPER, { mode: 'status', status: 500, count: 1 });
    const run = await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${fenced}`));
    expect(run).toMatchObject({ outcome: 'repaired', tier: 'fallback' });

    const garbage = await reasoning
      .run('lead_tagger', leadInput('SIM_REPLY: no idea\nSIM_REASK_REPLY: still no idea'))
      .catch((e: unknown) => e);
    expect(
      (garbage as ReasoningFailedError).failure.attempts.map((attempt) => [
        attempt.tier,
        attempt.outcome,
        attempt.reasked,
      ]),
    ).toEqual([
      ['primary', 'unusable', true],
      ['fallback', 'unusable', true],
    ]);
  });

  it('labels a truncated reply partial when every declared field survived', async () => {
    const reasoning = service();
    const cut = LEAD.slice(0, -1) + ', "note": "and a garden';
    const run = await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${cut}\nSIM_FINISH: length`));
    expect(run).toMatchObject({ outcome: 'partial', result: JSON.parse(LEAD) as unknown });
  });

  it('gives up at the one overall deadline when the cloud hangs', async () => {
    const reasoning = service({}, 400);
    cloud.faults.set('*', { mode: 'hang' });
    const failure = (await reasoning
      .run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))
      .catch((e: unknown) => e)) as ReasoningFailedError;
    expect(failure.failure.timedOut).toBe(true);
  });

  it('keeps part of the deadline for the next tier when one hangs', async () => {
    const reasoning = service({}, 3000);
    cloud.faults.set(SUPER, { mode: 'hang' });
    const run = await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`));
    expect(run.tier).toBe('fallback');
  });

  it('trips a breaker after consecutive failures of a single deployment', async () => {
    const reasoning = service();
    cloud.faults.set(SUPER, { mode: 'status', status: 503 });
    for (let call = 0; call < 3; call += 1)
      await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`));
    cloud.received.length = 0;
    const run = await reasoning.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`));
    expect(run.tier).toBe('fallback');
    expect(cloud.received.map((request) => request.model)).toEqual([SUPER_49B]);
    const primary = (await reasoning.health()).tiers.find((tier) => tier.tier === 'primary');
    expect(primary).toMatchObject({
      breaker: 'open',
      breakerReason: expect.stringMatching(/3 failures in a row/) as unknown,
    });
  });

  it('sends nothing when redaction fails, and does not blame the tier for it', async () => {
    const created = new ReasoningService({
      settings: { current: settingsFor({ allowLocalFallback: true, localBaseUrl: local.baseUrl }) },
      tasks,
      scrubber: {
        scrubText: () => Promise.reject(new Error('vault unavailable')),
        rehydrateJson: (_id, value) => Promise.resolve(value),
      },
      runs: new ReasoningRuns(database.db),
    });
    services.push(created);
    const run = await created.run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`));
    expect(run.tier).toBe('local');
    expect(cloud.received).toEqual([]);
    expect((await created.health()).tiers.map((tier) => tier.breaker)).toEqual([
      'closed',
      'closed',
      'closed',
    ]);
  });

  it('reports a missing key as a configuration error without calling anyone', async () => {
    const reasoning = service({ nvidiaApiKey: '' });
    const failure = (await reasoning
      .run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))
      .catch((e: unknown) => e)) as ReasoningFailedError;
    expect(failure.failure.configError).toBe(true);
    expect(failure.message).toContain('no NVIDIA API key is set');
    expect(cloud.received).toEqual([]);
  });

  it('stores every run with outcome counts per task and model', async () => {
    const reasoning = service();
    await reasoning.run('swap_triage', {
      cause: 'oom',
      logTail:
        'torch.OutOfMemoryError: CUDA out of memory\nSIM_REPLY: {"cause":"oom","evidence":"CUDA out of memory","fix":"lower it"}',
      model: 'nvidia/some-model',
    });
    const stats = await reasoning.stats();
    expect(
      stats.find((stat) => stat.task === 'swap_triage' && stat.model === SUPER)?.counts.strict,
    ).toBeGreaterThanOrEqual(1);
    expect(
      stats.find((stat) => stat.task === 'lead_tagger' && stat.model === null)?.counts.failed,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('URLs with secrets in the query', () => {
  it('never shows the query values: not in errors, stored runs or health', async () => {
    const secret = 'local-secret-4242';
    const reasoning = service({
      allowLocalFallback: true,
      localBaseUrl: `http://127.0.0.1:1/v1?api_key=${secret}`,
    });
    cloud.faults.set('*', { mode: 'status', status: 503 });
    const failure = (await reasoning
      .run('lead_tagger', leadInput(`SIM_REPLY: ${LEAD}`))
      .catch((error: unknown) => error)) as ReasoningFailedError;
    expect(failure.message).toContain('http://127.0.0.1:1/v1?api_key=********: cannot connect');
    const [row] = await database.db.select().from(reasoningRuns).where(eq(reasoningRuns.id, failure.runId));
    expect(JSON.stringify(row)).toContain('api_key=********');
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(await reasoning.health())).not.toContain(secret);
  });
});

describe('ReasoningService health', () => {
  it('checks /models and probes whether a JSON schema is honoured, caching the probe', async () => {
    const reasoning = service({ allowLocalFallback: true, localBaseUrl: local.baseUrl });
    const health = await reasoning.health();
    expect(health.tiers.map((tier) => [tier.tier, tier.models.ok, tier.deep?.ok])).toEqual([
      ['primary', true, true],
      ['fallback', true, true],
      ['local', true, true],
    ]);
    // The fake endpoints do not enforce schemas: the probe asked for plain text and got it.
    expect(health.tiers.map((tier) => tier.deep?.jsonSchema)).toEqual(['ignored', 'ignored', 'ignored']);
    const probes = cloud.received.length;
    await reasoning.health();
    expect(cloud.received.length).toBe(probes);
  });
});
