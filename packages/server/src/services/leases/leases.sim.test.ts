import OpenAI from 'openai';
import type { AppEvent, LeaseView, QueuedSwapView } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const A = {
  id: 'model-a',
  label: 'Model A',
  hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
  servedName: 'model-a',
  vllm: { gpuMemoryUtilization: 0.4 },
};
const B = {
  id: 'model-b',
  label: 'Model B',
  hfRepo: 'openai/gpt-oss-120b',
  servedName: 'model-b',
  vllm: { gpuMemoryUtilization: 0.4 },
};

describe('leases against the simulated Sparks', () => {
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;
  const events: AppEvent[] = [];
  const clock = { now: new Date() };

  const request = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { ...t.bearer, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const lease = async (body: unknown): Promise<LeaseView> => {
    const response = await request('POST', '/api/leases', body);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as LeaseView;
  };
  const served = async () => t.cluster.servedNow();

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: {
        initialModel: {
          model: A.hfRepo,
          args: ['--served-model-name', A.servedName, '--gpu-memory-utilization', '0.4'],
        },
      },
      app: { now: () => clock.now },
      catalog: [A, B],
    });
    ({ t, g } = fixture);
    t.bus.subscribe((event) => events.push(event));
  }, 120_000);
  afterAll(() => fixture?.close());

  it('validates a lease at the edge, naming the field', async () => {
    const cases: [unknown, number, string][] = [
      [{ modelId: 'model-a', note: '' }, 400, 'until: give exactly one of until and durationSec'],
      [
        { modelId: 'model-a', durationSec: 60, until: '2030-01-01T00:00:00Z' },
        400,
        'until: give exactly one of until and durationSec',
      ],
      [{ modelId: 'model-a', durationSec: 700_000 }, 400, 'durationSec: must be at most 604800 seconds'],
      [{ modelId: 'model-a', until: 'tomorrow' }, 400, 'until: must be an ISO 8601 time'],
      [{ modelId: 'model-a', until: '2020-01-01T00:00:00Z' }, 400, 'until: must be in the future'],
      [{ modelId: 'model-z', durationSec: 60 }, 404, 'modelId: no model "model-z" in the catalog'],
    ];
    for (const [body, status, message] of cases) {
      const response = await request('POST', '/api/leases', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message);
    }
    expect(await (await request('GET', '/api/leases')).json()).toEqual({ leases: [] });
  });

  it('refuses a swap that would evict a leased model with 409 LEASED naming the holder and the end', async () => {
    const held = await lease({ modelId: 'model-a', durationSec: 600, note: 'nightly eval' });
    try {
      const refused = await request('POST', '/api/swap', { modelId: 'model-b' });
      expect(refused.status).toBe(409);
      const body = (await refused.json()) as { error: Record<string, unknown> };
      expect(body.error).toMatchObject({
        code: 'LEASED',
        leaseId: held.id,
        leasedModelId: 'model-a',
        heldBy: 'nightly eval',
        until: held.until,
      });
      expect(body.error.message).toContain(`model-a is leased by "nightly eval"`);
      expect(t.swaps.isSwapping()).toBe(false);
      expect(await served()).toEqual(['model-a']);
      const listed = await request('GET', '/api/leases');
      expect(await listed.json()).toEqual({ leases: [held] });
    } finally {
      expect((await request('DELETE', `/api/leases/${held.id}`)).status).toBe(200);
    }
    expect(await (await request('GET', '/api/leases')).json()).toEqual({ leases: [] });
  });

  it('refuses the gateway swap-on-request while the served model is leased', async () => {
    const held = await lease({ modelId: 'model-a', durationSec: 600, note: 'demo' });
    g.overrides.gateway = { swapOnRequest: true };
    try {
      const refused = await g.client.chat.completions
        .create({ model: 'model-b', messages: [{ role: 'user', content: 'hi' }] })
        .catch((caught: unknown) => caught);
      expect(refused).toBeInstanceOf(OpenAI.ConflictError);
      expect((refused as InstanceType<typeof OpenAI.ConflictError>).code).toBe('model_leased');
      expect((refused as Error).message).toContain('leased by "demo"');
      expect(t.swaps.isSwapping()).toBe(false);
    } finally {
      g.overrides.gateway = {};
      await t.leases.release(held.id, 'test');
    }
  });

  it('queues a swap behind a lease and starts it when the lease is released', async () => {
    const held = await lease({ modelId: 'model-a', durationSec: 600, note: 'batch job' });
    const response = await request('POST', '/api/swap', { modelId: 'model-b', whenLeased: 'queue' });
    expect(response.status).toBe(202);
    const { swapId, queued } = (await response.json()) as { swapId: null; queued: QueuedSwapView };
    expect(swapId).toBeNull();
    expect(queued).toMatchObject({ modelId: 'model-b', waitingFor: [held] });
    const second = await request('POST', '/api/swap', { modelId: 'model-b', whenLeased: 'queue' });
    expect(second.status).toBe(409);
    const current = (await (await request('GET', '/api/swap/current')).json()) as { queued: unknown };
    expect(current.queued).toEqual(queued);
    expect(t.swaps.isSwapping()).toBe(false);

    expect((await request('DELETE', `/api/leases/${held.id}`)).status).toBe(200);
    await t.queuedSwaps.idle();
    await t.swaps.idle();
    expect(t.queuedSwaps.current()).toBeNull();
    expect(await served()).toEqual(['model-b']);
    expect(events.filter((event) => event.type === 'swap.queued').map((event) => event.outcome)).toEqual([
      'queued',
      'started',
    ]);
  }, 120_000);

  it('starts a queued swap when the lease expires on the clock', async () => {
    const held = await lease({ modelId: 'model-b', durationSec: 300, note: '' });
    const response = await request('POST', '/api/swap', { modelId: 'model-a', whenLeased: 'queue' });
    expect(response.status).toBe(202);
    clock.now = new Date(clock.now.getTime() + 299_000);
    await t.leases.expireDue();
    expect(t.queuedSwaps.current()).not.toBeNull();
    clock.now = new Date(clock.now.getTime() + 1000);
    await t.leases.expireDue();
    await t.queuedSwaps.idle();
    await t.swaps.idle();
    expect(t.queuedSwaps.current()).toBeNull();
    expect(await served()).toEqual(['model-a']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'lease.expired', lease: held }));
  }, 120_000);
});
