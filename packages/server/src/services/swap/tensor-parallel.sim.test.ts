import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const WIDE = {
  id: 'wide3',
  label: 'wide3',
  hfRepo: 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4',
  servedName: 'wide3',
  tensorParallel: 3,
};

describe('a model across three simulated Sparks (tensor parallel 3)', () => {
  let sim: SimFixture;
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: { sparks: 3, launcherSettleMs: 400 },
      settings: ({ cluster }) => ({
        placements: [
          {
            id: 'all',
            sparkIds: cluster.sparks.map((spark) => spark.id),
            port: 8888,
            container: 'vllm_all',
            memoryShare: 0.5,
          },
        ],
      }),
      catalog: [WIDE],
    });
    ({ sim, t, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  it('launches one rank per Spark through the launcher and serves through the one base URL', async () => {
    const started = await t.app.request('/api/swap', {
      method: 'POST',
      headers: { ...t.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ modelId: 'wide3' }),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    await t.swaps.idle('all');
    const { swap } = await t.swaps.current('all');
    expect(swap, `${swap?.message}: ${JSON.stringify(swap?.logTail.slice(-8))}`).toMatchObject({
      status: 'ready',
      placementId: 'all',
    });
    expect(swap?.preflight.find((line) => line.check === 'Sparks for tensor parallel 3')?.detail).toBe(
      'spark1 (head), spark2, spark3 of 3 configured',
    );
    for (const spark of sim.cluster.sparks)
      expect(sim.cluster.control.containers(spark.id).map((container) => container.Names)).toEqual([
        'vllm_all',
      ]);
    const logs = swap?.logTail.join('\n') ?? '';
    expect(logs).toMatch(/-tp 3/);
    const answer = await g.client.chat.completions.create({
      model: 'wide3',
      messages: [{ role: 'user', content: 'SIM_REPLY: three Sparks' }],
    });
    expect(answer.choices[0]?.message.content).toBe('three Sparks');
  }, 120_000);
});
