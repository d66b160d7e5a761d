import { Writable } from 'node:stream';
import { parseSettings, type TokenScope } from '@spark-control/schema';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/db.js';
import type { Database } from '../adapters/db/client.js';
import { createLogger } from '../adapters/logger.js';
import type { AppEnv } from '../http/context.js';
import { handleError } from '../http/errors.js';
import { PrivacyService } from '../services/privacy/service.js';
import { ReasoningRuns } from '../services/reasoning/runs.js';
import { ReasoningService } from '../services/reasoning/service.js';
import { TaskStore } from '../services/reasoning/task-store.js';
import { startFakeEndpoint, type FakeEndpoint } from '../services/reasoning/testing/fake-endpoints.js';
import { reasoningRoutes } from './reasoning.js';

const SUPER = 'nvidia/nemotron-3-super-120b-a12b';
const SUPER_49B = 'nvidia/llama-3.3-nemotron-super-49b-v1';
const TRIAGE = '{"cause":"port_in_use","evidence":"Address already in use","fix":"free port 8888"}';

let cloud: FakeEndpoint;
let database: Database;
let service: ReasoningService;
let app: Hono<AppEnv>;

beforeAll(async () => {
  [cloud, database] = await Promise.all([
    startFakeEndpoint({ flavor: 'nvidia', models: [SUPER, SUPER_49B] }),
    freshDatabase('pglite'),
  ]);
  const parsed = parseSettings({
    reasoning: {
      nvidiaApiKey: 'nvapi-route-test',
      baseUrl: cloud.baseUrl,
      model: SUPER,
      fallbackModel: SUPER_49B,
    },
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  service = new ReasoningService({
    settings: { current: parsed.settings },
    tasks: await TaskStore.open(),
    scrubber: new PrivacyService({ db: database.db, vaultKey: Buffer.alloc(32, 9) }),
    runs: new ReasoningRuns(database.db),
  });
  const log = createLogger({
    level: 'silent',
    destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  app = new Hono<AppEnv>();
  app.onError((error, c) => handleError(error, c, log));
  app.use(async (c, next) => {
    c.set('requestId', 'test');
    const scopes = (c.req.header('x-test-scopes') ?? '').split(',').filter(Boolean) as TokenScope[];
    c.set(
      'principal',
      scopes.length > 0
        ? { kind: 'token', actor: 'test', tokenId: 't', scopes, expiresAt: null, models: null, limits: {} }
        : undefined,
    );
    await next();
  });
  app.route('/api/reasoning', reasoningRoutes(service));
});

afterAll(async () => {
  service.close();
  await Promise.all([cloud.close(), database.close()]);
});

const call = (method: string, path: string, body?: unknown, scopes = 'reasoning') =>
  app.request(`/api/reasoning${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-test-scopes': scopes },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('reasoning routes', () => {
  it('needs the reasoning scope', async () => {
    expect((await call('GET', '/stats', undefined, 'control')).status).toBe(403);
    expect((await call('GET', '/stats', undefined, '')).status).toBe(401);
  });

  it('runs a task and returns the labelled result', async () => {
    const response = await call('POST', '/swap_triage', {
      input: {
        cause: 'port_in_use',
        logTail: `OSError: [Errno 98] Address already in use\nSIM_REPLY: ${TRIAGE}`,
        model: 'nvidia/x',
      },
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
    cloud.faults.set('*', { mode: 'status', status: 403 });
    try {
      const response = await call('POST', '/lead_tagger', { input: 'SIM_REPLY: {}' });
      expect(response.status).toBe(502);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('UPSTREAM_FAILED');
      expect(error.message).toMatch(
        /^run [0-9a-f-]{36}: primary: configuration error: 403 Forbidden: Authorization failed/,
      );
    } finally {
      cloud.faults.clear();
    }
  });

  it('parses a reply with the recovery pipeline only', async () => {
    const before = cloud.received.length;
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
    expect(cloud.received.length).toBe(before);
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
    const stats = (await (await call('GET', '/stats')).json()) as {
      stats: { task: string; model: string | null; counts: Record<string, number> }[];
    };
    expect(stats.stats).toContainEqual({
      task: 'swap_triage',
      model: SUPER,
      counts: { strict: 1, repaired: 0, partial: 0, failed: 0 },
      total: 1,
    });
    expect(stats.stats.find((stat) => stat.task === 'lead_tagger')?.counts.failed).toBe(1);
    const health = (await (await call('GET', '/health')).json()) as {
      tiers: { tier: string; models: { ok: boolean } }[];
    };
    expect(health.tiers.map((tier) => [tier.tier, tier.models.ok])).toEqual([
      ['primary', true],
      ['fallback', true],
    ]);
  });
});
