import type { AppEvent, SwapView } from '@spark-control/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { startSimFixture, type SimFixture } from '../../../test/support/sim.js';

const A = {
  id: 'model-a',
  label: 'Model A',
  hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
  servedName: 'model-a',
  vllm: { gpuMemoryUtilization: 0.5 },
};
const B = {
  id: 'model-b',
  label: 'Model B',
  hfRepo: 'openai/gpt-oss-120b',
  servedName: 'model-b',
  vllm: { gpuMemoryUtilization: 0.6 },
};
const WIDE = {
  id: 'model-wide',
  label: 'Wide',
  hfRepo: 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4',
  servedName: 'wide',
  tensorParallel: 2,
  vllm: { gpuMemoryUtilization: 0.5 },
};

describe('model swap against the simulated Sparks', () => {
  let sim: SimFixture;
  let t: TestApp;
  const events: AppEvent[] = [];

  const json = (body: unknown) => ({
    method: 'POST',
    headers: { ...t.bearer, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const served = async () => t.cluster.servedNow();
  const finished = async (): Promise<SwapView> => {
    await t.swaps.idle();
    const { swap } = await t.swaps.current();
    if (!swap) throw new Error('no swap');
    return swap;
  };
  const swapTo = async (modelId: string) => {
    const response = await t.app.request('/api/swap', json({ modelId }));
    expect(response.status).toBe(202);
    return finished();
  };
  /** Swaps to `modelId` unless vLLM serves it already: the model a test starts from. */
  const serving = async (modelId: string) => {
    if ((await served())?.[0] !== modelId) expect((await swapTo(modelId)).status).toBe('ready');
  };
  const phasesOf = (swapId: string) =>
    events
      .filter(
        (event): event is Extract<AppEvent, { type: 'swap.phase' }> =>
          event.type === 'swap.phase' && event.swap.id === swapId,
      )
      .map((event) => event.swap.phase)
      .filter((phase, index, all) => phase !== all[index - 1]);

  beforeAll(async () => {
    sim = await startSimFixture({
      initialModel: {
        model: A.hfRepo,
        args: ['--served-model-name', A.servedName, '--gpu-memory-utilization', '0.5'],
      },
    });
    t = await buildTestApp({ settings: sim.settings(), ssh: sim.ssh });
    t.bus.subscribe((event) => events.push(event));
    for (const model of [A, B, WIDE]) {
      const response = await t.app.request('/api/catalog', json(model));
      expect(response.status, await response.clone().text()).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  // Each test starts with no faults and no events of earlier swaps, serving the model it names.
  beforeEach(async () => {
    await sim.cluster.control.clearFaults('spark1');
    events.length = 0;
  });

  it('swaps A → B with the phases in order, and vLLM then serves B', async () => {
    await serving('model-a');
    expect(await served()).toEqual(['model-a']);
    const swap = await swapTo('model-b');
    expect(swap).toMatchObject({
      status: 'ready',
      phase: 'ready',
      previousModelId: 'model-a',
      progress: 1,
      cause: null,
    });
    expect(phasesOf(swap.id)).toEqual([
      'preflight',
      'stopping',
      'releasing-memory',
      'launching',
      'loading',
      'ready',
    ]);
    expect(await served()).toEqual(['model-b']);
    expect(swap.logTail.some((line) => line.includes('Application startup complete.'))).toBe(true);
  });

  it('accepts one of two concurrent requests and answers the other 409 with the running swap', async () => {
    await serving('model-b');
    const [first, second] = await Promise.all([
      t.app.request('/api/swap', json({ modelId: 'model-a' })),
      t.app.request('/api/swap', json({ modelId: 'model-a' })),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([202, 409]);
    const accepted = (await (first.status === 202 ? first : second).json()) as { swapId: string };
    const refused = (await (first.status === 409 ? first : second).json()) as {
      error: { code: string; swapId: string };
    };
    expect(refused.error).toMatchObject({ code: 'SWAP_IN_PROGRESS', swapId: accepted.swapId });
    expect((await finished()).status).toBe('ready');
    expect(await served()).toEqual(['model-a']);
  });

  it('fails with cause oom when vLLM runs out of memory while loading, keeps the log and serves A again', async () => {
    await serving('model-a');
    await sim.cluster.control.setFaults('spark1', { vllm: { failDuringLoad: 'oom' } });
    const response = await t.app.request('/api/swap', json({ modelId: 'model-b' }));
    expect(response.status).toBe(202);
    // The fault must hit B's load only, not the rollback to A.
    await vi.waitFor(
      () => {
        const failed = events.some((e) => e.type === 'swap.phase' && e.swap.status === 'failed');
        expect(t.swaps.isSwapping() && failed).toBe(true);
      },
      { timeout: 20_000, interval: 20 },
    );
    await sim.cluster.control.clearFaults('spark1');
    const swap = await finished();
    expect(swap).toMatchObject({ status: 'failed', cause: 'oom' });
    expect(swap.logTail.join('\n')).toMatch(/CUDA out of memory/);
    expect(swap.rollback).toMatchObject({ modelId: 'model-a', status: 'ready' });
    expect(await served()).toEqual(['model-a']);
  });

  it('fails with cause network when SSH drops mid-swap, releases the lock, and the next swap works', async () => {
    await serving('model-a');
    await sim.cluster.control.setFaults('spark1', { sshDropAfterBytes: 600 });
    const swap = await swapTo('model-b');
    await sim.cluster.control.clearFaults('spark1');
    expect(swap).toMatchObject({ status: 'failed', cause: 'network' });
    expect(t.swaps.isSwapping()).toBe(false);
    const next = await swapTo('model-b');
    expect(next.status).toBe('ready');
    expect(await served()).toEqual(['model-b']);
  });

  it('launches a tensor-parallel-2 model across both Sparks', async () => {
    await serving('model-b');
    const swap = await swapTo('model-wide');
    expect(swap.status).toBe('ready');
    expect(await served()).toEqual(['wide']);
    const names = (id: string) => sim.cluster.control.containers(id).map((container) => container.Names);
    expect(names('spark1')).toContain('vllm_node');
    expect(names('spark2')).toContain('vllm_node');
  });

  it('ends every phase cleanly on cancel and puts the previous model back', async () => {
    for (const phase of ['preflight', 'stopping', 'releasing-memory', 'launching', 'loading'] as const) {
      const before = (await served())?.[0];
      const target = before === 'model-a' ? 'model-b' : 'model-a';
      const unsubscribe = t.bus.subscribe((event) => {
        if (event.type === 'swap.phase' && event.swap.phase === phase && event.swap.status === 'running')
          t.swaps.cancel(event.swap.id);
      });
      const response = await t.app.request('/api/swap', json({ modelId: target }));
      expect(response.status).toBe(202);
      const swap = await finished();
      unsubscribe();
      expect(swap.status, `cancel in ${phase}`).toBe('cancelled');
      if (phase !== 'preflight')
        expect(swap.rollback?.status, `rollback after cancel in ${phase}`).toBe('ready');
      expect(await served(), `served after cancel in ${phase}`).toEqual(before ? [before] : []);
    }
  }, 180_000);
});
