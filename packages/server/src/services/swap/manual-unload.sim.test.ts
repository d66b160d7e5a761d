import type { AppEvent, ServiceView, SwapView } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const model = (id: string, hfRepo: string) => ({ id, label: id, hfRepo, servedName: id });
const CATALOG = [model('model-a', 'Qwen/Qwen3-4B'), model('model-b', 'Qwen/Qwen3-8B')];

/** Two simulated Sparks, one placement each; `POST /api/swap/unload` through the real swap service. */
describe('manual unload of one placement of two', () => {
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;

  const post = (path: string, body: unknown) => t.postJson(path, body);
  const refusal = async (body: unknown) => {
    const response = await post('/api/swap/unload', body);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, code: error.code, message: error.message };
  };
  const served = async () => Object.fromEntries(await g.gateway.servedByPlacement());
  const vllmTile = async (placementId: string) => {
    const response = await t.app.request('/api/services', { headers: t.bearer });
    const { services } = (await response.json()) as { services: ServiceView[] };
    return services.find((view) => view.kind === 'vllm' && view.placementId === placementId);
  };

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: { sparks: 2, tokenDelayMs: 5 },
      settings: ({ cluster }) => {
        const [first, second] = cluster.sparks.map((spark) => spark.id);
        return {
          placements: [
            { id: 'p1', sparkIds: [first!], port: 8001, container: 'vllm_p1', memoryShare: 0.4 },
            { id: 'p2', sparkIds: [second!], port: 8002, container: 'vllm_p2', memoryShare: 0.4 },
          ],
        };
      },
      catalog: CATALOG,
    });
    ({ t, g } = fixture);
    for (const [modelId, placementId] of [
      ['model-a', 'p1'],
      ['model-b', 'p2'],
    ] as const) {
      expect((await post('/api/swap', { modelId, placementId })).status).toBe(202);
      await t.swaps.idle(placementId);
    }
    expect(await served()).toEqual({ p1: ['model-a'], p2: ['model-b'] });
  }, 120_000);
  afterAll(() => fixture?.close());

  it('refuses a bad body, an unknown placement and a leased model, naming what is wrong', async () => {
    expect(await refusal({})).toMatchObject({
      status: 400,
      message: expect.stringContaining('placementId') as string,
    });
    expect(await refusal({ placementId: 'p1', extra: 1 })).toMatchObject({ status: 400 });
    expect(await refusal({ placementId: 'nowhere' })).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('placementId: no placement "nowhere"') as string,
    });

    const leased = await post('/api/leases', { modelId: 'model-a', durationSec: 600, note: 'eval run' });
    expect(leased.status, await leased.clone().text()).toBe(201);
    const { id } = (await leased.json()) as { id: string };
    expect(await refusal({ placementId: 'p1' })).toMatchObject({
      status: 409,
      code: 'LEASED',
      message: expect.stringContaining('eval run') as string,
    });
    const ended = await t.app.request(`/api/leases/${id}`, { method: 'DELETE', headers: t.bearer });
    expect(ended.status).toBeLessThan(300);
  });

  it('unloads p1 while p2 keeps serving; a second unload is refused while it runs, a third finds nothing', async () => {
    const response = await post('/api/swap/unload', { placementId: 'p1' });
    expect(response.status, await response.clone().text()).toBe(202);
    const { swapId, swap } = (await response.json()) as { swapId: string; swap: SwapView };
    expect(swap).toMatchObject({ id: swapId, kind: 'unload', modelId: 'model-a', placementId: 'p1' });
    expect(await refusal({ placementId: 'p1' })).toMatchObject({ status: 409, code: 'SWAP_IN_PROGRESS' });

    await t.swaps.idle('p1');
    const { swap: done } = await t.swaps.current('p1');
    expect(done).toMatchObject({ id: swapId, kind: 'unload', status: 'ready' });
    expect(await served()).toEqual({ p2: ['model-b'] });
    const answer = await g.client.chat.completions.create({
      model: 'model-b',
      messages: [{ role: 'user', content: 'SIM_REPLY: still here' }],
    });
    expect(answer.choices[0]?.message.content).toBe('still here');

    expect(await refusal({ placementId: 'p1' })).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      message: expect.stringContaining('placement p1 serves nothing') as string,
    });
  }, 120_000);

  it('reads the emptied placement as unloaded, not down, until a swap fills it again', async () => {
    expect([t.swaps.isUnloaded('p1'), t.swaps.isUnloaded('p2')]).toEqual([true, false]);
    const events: AppEvent[] = [];
    const unsubscribe = t.bus.subscribe((event) => events.push(event));
    // Three failed probes in a row would confirm an outage (settings.monitor.downAfterProbes).
    for (let i = 0; i < 3; i += 1) await t.health.monitor.sweep();
    const p1 = await vllmTile('p1');
    expect(p1).toMatchObject({ status: 'unloaded', detail: 'Unloaded — no model loaded' });
    expect((await vllmTile('p2'))?.status).toBe('up');
    const p1Statuses = events.flatMap((event) =>
      event.type === 'service.status' && event.id === p1?.id ? [event.status] : [],
    );
    expect(p1Statuses).toEqual(['unloaded']);

    expect((await post('/api/swap', { modelId: 'model-a', placementId: 'p1' })).status).toBe(202);
    expect(t.swaps.isUnloaded('p1')).toBe(false);
    await t.swaps.idle('p1');
    await t.health.monitor.sweep();
    expect(await vllmTile('p1')).toMatchObject({ status: 'up', servedModel: 'model-a' });
    unsubscribe();
  }, 120_000);
});
