import { parseSettings, type SettingsInput } from '@spark-control/schema';
import { startCluster, waitForPort, type SimCluster } from '@spark-control/sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.js';
import type { Database } from '../../adapters/db/client.js';
import { PrivacyService } from '../privacy/service.js';
import { ReasoningRuns } from './runs.js';
import { ReasoningFailedError, ReasoningService, type ReasoningServiceOptions } from './service.js';
import { DEFAULT_BREAKER_POLICY } from './breaker.js';
import { TaskStore } from './task-store.js';
import { startFakeEndpoint, type FakeEndpoint } from './testing/fake-endpoints.js';

/**
 * The fault-injection cases (5xx, 401, cloud down, 429, nothing unscrubbed) against the simulator's NVIDIA-like endpoint (packages/sim,
 * faults through `http.cloud`, bodies from `GET /_sim/received`). The local tier is a small
 * vLLM-like endpoint: the simulated vLLM needs a launched model on a simulated Spark.
 */
const SUPER = 'nvidia/nemotron-3-super-120b-a12b';
const SUPER_49B = 'nvidia/llama-3.3-nemotron-super-49b-v1';
const LEAD = '{"tags":["condo"],"intent":"buy","confidence":0.8,"summary":"Wants a condo"}';

let sim: SimCluster;
let cloudUrl: string;
let local: FakeEndpoint;
let database: Database;
let tasks: TaskStore;
let privacy: PrivacyService;
const services: ReasoningService[] = [];

beforeAll(async () => {
  [sim, local, database, tasks] = await Promise.all([
    startCluster({ sparks: 0, services: false, control: false, cloud: { port: 0 }, tokenDelayMs: 0 }),
    startFakeEndpoint({ flavor: 'vllm', models: ['local-model'] }),
    freshDatabase('pglite'),
    TaskStore.open(),
  ]);
  if (!sim.cloudUrl) throw new Error('the simulator started no cloud endpoint');
  cloudUrl = sim.cloudUrl;
  const { hostname, port } = new URL(cloudUrl);
  await waitForPort(hostname, Number(port), 30_000);
  privacy = new PrivacyService({ db: database.db, vaultKey: Buffer.alloc(32, 5) });
});

afterAll(async () => {
  for (const service of services) service.close();
  await Promise.all([sim.stop(), local.close(), database.close()]);
});

afterEach(async () => {
  sim.control.setCloudFaults({});
  await fetch(new URL('/_sim/received', cloudUrl), { method: 'DELETE' });
});

function service(
  reasoning: NonNullable<SettingsInput['reasoning']> = {},
  options: Partial<Pick<ReasoningServiceOptions, 'deadlineMs' | 'breakerPolicy'>> = {},
): ReasoningService {
  const parsed = parseSettings({
    reasoning: {
      nvidiaApiKey: 'nvapi-sim',
      baseUrl: cloudUrl,
      model: SUPER,
      fallbackModel: SUPER_49B,
      ...reasoning,
    },
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  const created = new ReasoningService({
    settings: { current: parsed.settings },
    tasks,
    scrubber: privacy,
    runs: new ReasoningRuns(database.db),
    deadlineMs: 20_000,
    ...options,
  });
  services.push(created);
  return created;
}

async function received(): Promise<
  { path: string; body: { model?: string; messages?: { role: string; content: string }[] } }[]
> {
  const response = await fetch(new URL('/_sim/received', cloudUrl));
  return (await response.json()) as { path: string; body: { model?: string } }[];
}

const chats = async () => (await received()).filter((request) => request.path === '/v1/chat/completions');

describe('reasoning tiers against the simulated NVIDIA endpoint', () => {
  it('falls back when the primary answers 5xx', async () => {
    const reasoning = service();
    sim.control.setCloudFaults({ http: { cloud: { mode: 'status', status: 503, count: 1 } } });
    const run = await reasoning.run('lead_tagger', `A condo, please.\nSIM_REPLY: ${LEAD}`);
    expect(run).toMatchObject({
      tier: 'fallback',
      model: SUPER_49B,
      outcome: 'strict',
      result: JSON.parse(LEAD) as unknown,
    });
    expect((await chats()).map((request) => request.body.model)).toEqual([SUPER, SUPER_49B]);
    expect((await chats())[1]?.body.messages?.[0]).toEqual({
      role: 'system',
      content: 'detailed thinking off',
    });
  });

  it('opens the breaker on 401 and reports a configuration error', async () => {
    const reasoning = service();
    sim.control.setCloudFaults({ http: { cloud: { mode: 'status', status: 401, count: 1 } } });
    // The primary's key is refused: its breaker opens, the fallback answers.
    expect(await reasoning.run('lead_tagger', `SIM_REPLY: ${LEAD}`)).toMatchObject({ tier: 'fallback' });
    const primary = (await reasoning.health()).tiers.find((tier) => tier.tier === 'primary');
    expect(primary).toMatchObject({
      breaker: 'open',
      breakerReason: expect.stringContaining('credentials refused (401 Unauthorized') as unknown,
    });
    // Every tier refused: the caller is told it is the configuration, not an outage.
    const all = service();
    sim.control.setCloudFaults({ http: { cloud: { mode: 'status', status: 401 } } });
    const failure = (await all
      .run('lead_tagger', `SIM_REPLY: ${LEAD}`)
      .catch((error: unknown) => error)) as ReasoningFailedError;
    expect(failure).toBeInstanceOf(ReasoningFailedError);
    expect(failure.failure.configError).toBe(true);
    expect(failure.message).toContain('configuration error: 401 Unauthorized');
    expect(failure.message).toContain('reasoning.nvidiaApiKey');
  });

  it('answers from the local vLLM when the cloud is down and local fallback is allowed', async () => {
    const reasoning = service({ allowLocalFallback: true, localBaseUrl: local.baseUrl });
    sim.control.setCloudFaults({ http: { cloud: { mode: 'status', status: 503 } } });
    const run = await reasoning.run('lead_tagger', `SIM_REPLY: ${LEAD}`);
    expect(run).toMatchObject({ tier: 'local', model: 'local-model', outcome: 'strict' });
    expect((await chats()).map((request) => request.body.model)).toEqual([SUPER, SUPER_49B]);
  });

  it('waits out a 429 with Retry-After before asking the fallback on the same account', async () => {
    const reasoning = service();
    sim.control.setCloudFaults({
      http: { cloud: { mode: 'status', status: 429, retryAfterSec: 1, count: 1 } },
    });
    const started = Date.now();
    expect(await reasoning.run('lead_tagger', `SIM_REPLY: ${LEAD}`)).toMatchObject({ tier: 'fallback' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('lets nothing unscrubbed reach the cloud endpoint', async () => {
    const reasoning = service();
    const email = 'quorra.tanngrisnir@example.com';
    const phone = '+49 30 1234567';
    sim.control.setCloudFaults({ http: { cloud: { mode: 'status', status: 500, count: 1 } } });
    await reasoning.run(
      'lead_tagger',
      `Mail ${email}, phone ${phone}, card 4111 1111 1111 1111.\nSIM_REPLY: ${LEAD}`,
    );
    const bodies = await received();
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    const everything = JSON.stringify(bodies);
    expect(everything).not.toContain(email);
    expect(everything).not.toContain('1234567');
    expect(everything).not.toContain('4111 1111');
    expect(everything).toMatch(/\[\[EMAIL_1_[a-z0-9]+\]\]/);
  });

  it('answers from the fallback within the deadline while the primary hangs, and the breaker recovers', async () => {
    // An odd deadline makes every tier budget fractional: the SDK takes whole milliseconds only.
    const deadlineMs = 2001;
    const reasoning = service(
      { allowLocalFallback: true, localBaseUrl: local.baseUrl },
      { deadlineMs, breakerPolicy: { ...DEFAULT_BREAKER_POLICY, resetTimeoutMs: 300 } },
    );
    for (let call = 0; call < 3; call += 1) {
      sim.control.setCloudFaults({ http: { cloud: { mode: 'hang', count: 1 } } });
      const started = Date.now();
      const run = await reasoning.run('lead_tagger', `SIM_REPLY: ${LEAD}`);
      expect(Date.now() - started).toBeLessThan(deadlineMs);
      expect(run).toMatchObject({ tier: 'fallback', model: SUPER_49B, outcome: 'strict' });
    }
    const primary = async () => (await reasoning.health()).tiers.find((tier) => tier.tier === 'primary');
    expect(await primary()).toMatchObject({ breaker: 'open' });
    // The fault clears; after the reset timeout the primary gets its trial call and closes again.
    sim.control.setCloudFaults({});
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await reasoning.run('lead_tagger', `SIM_REPLY: ${LEAD}`)).toMatchObject({ tier: 'primary' });
    expect(await primary()).toMatchObject({ breaker: 'closed' });
  });
});
