import type { SwapView } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const model = (id: string, hfRepo: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: id,
  hfRepo,
  servedName: id,
  ...extra,
});
const SMALL_A = model('small-a', 'Qwen/Qwen3-4B');
const SMALL_B = model('small-b', 'Qwen/Qwen3-8B');
const SMALL_C = model('small-c', 'google/gemma-3-4b-it', { vllm: { gpuMemoryUtilization: 0.4 } });
const BIG = model('big', 'openai/gpt-oss-120b', { vllm: { gpuMemoryUtilization: 0.8 } });
const WIDE = model('wide', 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4', { tensorParallel: 2 });
const WIDE_RAY = model('wide-ray', 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4', {
  tensorParallel: 2,
  ray: true,
});

/**
 * Three Sparks, five placements:
 *   spark1: a (0.3) and c (its model's own share)
 *   spark2: b (0.3), the heads of wide (0.4) and pair (0.2)   spark3: the ranks of wide and pair
 */
const PLACEMENTS = [
  { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'vllm_a', memoryShare: 0.3, models: ['small-a'] },
  { id: 'c', sparkIds: ['spark1'], port: 8003, container: 'vllm_c', models: ['small-c', 'big'] },
  {
    id: 'b',
    sparkIds: ['spark2'],
    port: 8002,
    container: 'vllm_b',
    memoryShare: 0.3,
    models: ['small-b', 'small-a'],
  },
  {
    id: 'wide',
    sparkIds: ['spark2', 'spark3'],
    port: 8888,
    container: 'vllm_wide',
    memoryShare: 0.4,
    models: ['wide', 'wide-ray'],
  },
  {
    id: 'pair',
    sparkIds: ['spark2', 'spark3'],
    port: 8889,
    container: 'vllm_pair',
    memoryShare: 0.2,
    models: ['wide', 'wide-ray'],
  },
];

describe('swaps per placement on three simulated Sparks', () => {
  let sim: SimFixture;
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;

  const post = (path: string, body: unknown) => t.postJson(path, body);
  const swap = async (modelId: string, placementId: string): Promise<SwapView> => {
    const response = await post('/api/swap', { modelId, placementId });
    expect(response.status, await response.clone().text()).toBe(202);
    await t.swaps.idle(placementId);
    const { swap: done } = await t.swaps.current(placementId);
    if (!done) throw new Error('no swap');
    return done;
  };
  const servedOn = async (placementId: string) => {
    const placement = PLACEMENTS.find((p) => p.id === placementId);
    const head = sim.cluster.sparks.find((spark) => spark.id === placement?.sparkIds[0]);
    if (!placement || !head) throw new Error(`no placement ${placementId}`);
    const spark = t.settings.current.sparks.find((s) => s.id === head.id);
    if (!spark) throw new Error('no spark');
    return t.cluster.servedModels(spark, placement.port);
  };
  /** A chat stream through the one base URL with the openai SDK, read to its end: the words it got and how it finished. */
  const stream = async (model: string, words: number, onFirstWord = () => {}) => {
    const reply = Array.from({ length: words }, (_, index) => `w${index}`).join(' ');
    const chunks = await g.client.chat.completions.create({
      model,
      stream: true,
      max_tokens: words + 10,
      messages: [{ role: 'user', content: `SIM_REPLY: ${reply}` }],
    });
    let content = '';
    let finish: string | null | undefined;
    let served: string | undefined;
    for await (const chunk of chunks) {
      content += chunk.choices[0]?.delta.content ?? '';
      if (content.trim()) onFirstWord();
      finish = chunk.choices[0]?.finish_reason ?? finish;
      served = chunk.model;
    }
    return { served, finish, words: content.trim().split(/\s+/).length, endedAt: Date.now() };
  };

  beforeAll(async () => {
    // Three launches at once on a loaded machine: the launcher's 30 polls for Ray get 12 s, not 6.
    fixture = await startSimGateway({
      sim: { sparks: 3, tokenDelayMs: 8, launcherSettleMs: 400 },
      settings: () => ({ placements: PLACEMENTS }),
      catalog: [SMALL_A, SMALL_B, SMALL_C, BIG, WIDE, WIDE_RAY],
    });
    ({ sim, t, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  it('starts a model on every placement at once: two TP=1 models on different Sparks, a TP=2 model on the other two', async () => {
    const swaps = await Promise.all([swap('small-a', 'a'), swap('small-b', 'b'), swap('wide', 'wide')]);
    for (const done of swaps)
      expect(done, `${done.message}: ${JSON.stringify(done.logTail.slice(-8))}`).toMatchObject({
        status: 'ready',
      });
    expect(swaps.map((done) => done.placementId)).toEqual(['a', 'b', 'wide']);
    expect(await servedOn('a')).toEqual(['small-a']);
    expect(await servedOn('b')).toEqual(['small-b']);
    expect(await servedOn('wide')).toEqual(['wide']);
    const names = (id: string) => sim.cluster.control.containers(id).map((container) => container.Names);
    expect(names('spark1')).toEqual(['vllm_a']);
    expect(names('spark2').sort()).toEqual(['vllm_b', 'vllm_wide']);
    expect(names('spark3')).toEqual(['vllm_wide']);

    const placements = (await (await t.app.request('/api/placements', { headers: t.bearer })).json()) as {
      placements: {
        id: string;
        servedModel: string | null;
        status: string;
        memoryBudgetGiB: number | null;
      }[];
    };
    expect(placements.placements.map((p) => [p.id, p.servedModel, p.status])).toEqual([
      ['a', 'small-a', 'serving'],
      ['c', null, 'idle'],
      ['b', 'small-b', 'serving'],
      ['wide', 'wide', 'serving'],
      ['pair', null, 'idle'],
    ]);
  }, 120_000);

  it('GET /api/placements puts every placement on its Sparks; GET /api/catalog says where each model may run', async () => {
    type Holding = { placementId: string; status: string; modelId: string | null; budgetGiB: number | null };
    type View = {
      id: string;
      memorySparkIds: string[];
      swappingTo: string | null;
      sparks: { id: string; label: string; memoryGiB: number; placements: Holding[] }[];
    };
    const { placements } = (await (await t.app.request('/api/placements', { headers: t.bearer })).json()) as {
      placements: View[];
    };
    const wide = placements.find((view) => view.id === 'wide');
    expect(wide).toMatchObject({ memorySparkIds: ['spark2', 'spark3'], swappingTo: null });
    const [spark2, spark3] = wide?.sparks ?? [];
    const gib = (share: number) => Math.round(share * (spark2?.memoryGiB ?? 0) * 10) / 10;
    expect(spark2?.memoryGiB).toBeGreaterThan(0);
    expect(spark2?.placements).toEqual([
      { placementId: 'b', status: 'serving', modelId: 'small-b', budgetGiB: gib(0.3) },
      { placementId: 'wide', status: 'serving', modelId: 'wide', budgetGiB: gib(0.4) },
      { placementId: 'pair', status: 'idle', modelId: null, budgetGiB: null },
    ]);
    expect(spark3?.placements.map((holding) => [holding.placementId, holding.budgetGiB])).toEqual([
      ['wide', gib(0.4)],
      ['pair', null],
    ]);

    const catalog = (await (await t.app.request('/api/catalog', { headers: t.bearer })).json()) as {
      models: { id: string; fits: { placementId: string; problem: string | null }[] }[];
    };
    const fits = (id: string) => catalog.models.find((entry) => entry.id === id)?.fits;
    expect(
      fits('small-a')
        ?.filter((fit) => fit.problem === null)
        .map((fit) => fit.placementId),
    ).toEqual(['a', 'b']);
    expect(fits('wide')).toContainEqual({
      placementId: 'a',
      problem: 'placement a serves only small-a',
    });
  });

  it('names the placement when the model may run on several, and refuses one that may not serve it', async () => {
    const ambiguous = await post('/api/swap', { modelId: 'small-a' });
    expect(ambiguous.status).toBe(400);
    expect(await ambiguous.json()).toMatchObject({
      error: { message: 'placementId: small-a may run on a, b; name one' },
    });
    const wrong = await post('/api/swap', { modelId: 'big', placementId: 'a' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: { message: 'placementId: placement a serves only small-a' },
    });
  });

  it('swapping one placement never interrupts streams on the others, and a second swap there gets 409', async () => {
    const flowing: Promise<void>[] = [];
    const streams = ['small-a', 'wide'].map((model) => {
      let began = () => {};
      flowing.push(new Promise<void>((resolve) => (began = resolve)));
      // 12 s of words at 8 ms each: longer than a swap takes on a loaded machine.
      return stream(model, 1500, began);
    });
    await Promise.all(flowing);
    const started = await post('/api/swap', { modelId: 'small-a', placementId: 'b' });
    expect(started.status).toBe(202);
    const again = await post('/api/swap', { modelId: 'small-b', placementId: 'b' });
    expect(again.status).toBe(409);
    expect(t.swaps.isSwapping('b')).toBe(true);
    expect(t.swaps.isSwapping('a')).toBe(false);
    // A new request to another placement is answered while b still swaps: it does not wait for b.
    expect(await stream('wide', 3)).toMatchObject({ served: 'wide', finish: 'stop', words: 3 });
    expect(t.swaps.isSwapping('b')).toBe(true);
    await t.swaps.idle('b');
    const swappedAt = Date.now();
    const { swap: done } = await t.swaps.current('b');
    expect(done).toMatchObject({ status: 'ready', placementId: 'b', previousModelId: 'small-b' });
    for (const result of await Promise.all(streams)) {
      expect(result).toMatchObject({ finish: 'stop', words: 1500 });
      // The streams were still running when the swap had finished: they spanned the whole swap.
      expect(result.endedAt).toBeGreaterThan(swappedAt);
    }
    expect(await servedOn('b')).toEqual(['small-a']);
    expect(await servedOn('a')).toEqual(['small-a']);
    expect(await servedOn('wide')).toEqual(['wide']);
  }, 120_000);

  it('puts two models side by side on one Spark when their budgets fit, and refuses with the numbers when not', async () => {
    // c takes its model's own share beside a's 0.3 on spark1: 0.4 fits, 0.8 does not.
    const started = await post('/api/swap', { modelId: 'small-c', placementId: 'c' });
    expect(started.status).toBe(202);
    // Asked for while it loads, the model's request waits for the swap and is answered by c.
    const held = await stream('small-c', 5);
    expect(held).toMatchObject({ served: 'small-c', finish: 'stop', words: 5 });
    expect(t.swaps.isSwapping('c')).toBe(false);
    const { swap: fits } = await t.swaps.current('c');
    expect(fits?.status).toBe('ready');
    if (!fits) throw new Error('no swap on c');
    expect(fits.preflight.find((line) => line.check === 'memory on spark1')?.detail).toMatch(
      /^47\.7 GiB needed, \d+\.\d GiB free once the current model stops; placement a holds 35\.8 GiB \(small-a\)$/,
    );
    const refused = await swap('big', 'c');
    expect(refused).toMatchObject({ status: 'failed', cause: 'preflight' });
    expect(refused.message).toMatch(
      /memory on spark1: 95\.4 GiB needed \(gpuMemoryUtilization 0\.8\) but only \d+\.\d GiB would be free \(placement a holds 35\.8 GiB \(small-a\)\)/,
    );
    expect(await servedOn('c')).toEqual(['small-c']);
    expect(await servedOn('a')).toEqual(['small-a']);
  }, 120_000);

  it('a lease holds its model on its own placement only, and leases two models the placements can serve at once', async () => {
    // c serves small-c (the test before); b serves small-a.
    const held = await post('/api/leases', { modelId: 'small-c', durationSec: 600, note: 'eval' });
    expect(held.status, await held.clone().text()).toBe(201);
    const evicts = await post('/api/swap', { modelId: 'big', placementId: 'c' });
    expect(evicts.status).toBe(409);
    expect(await evicts.json()).toMatchObject({ error: { code: 'LEASED', leasedModelId: 'small-c' } });
    // big may run only on c, beside nothing: no second lease for it; small-b has b.
    const cannot = await post('/api/leases', { modelId: 'big', durationSec: 600, note: '' });
    expect(cannot.status).toBe(409);
    expect(((await cannot.json()) as { error: { message: string } }).error.message).toMatch(
      /the placements cannot serve big beside it$/,
    );
    const beside = await post('/api/leases', { modelId: 'small-b', durationSec: 600, note: '' });
    expect(beside.status, await beside.clone().text()).toBe(201);
    // A swap elsewhere that evicts neither is made.
    const elsewhere = await swap('small-b', 'b');
    expect(elsewhere).toMatchObject({ status: 'ready', placementId: 'b' });
    expect(await servedOn('c')).toEqual(['small-c']);
  }, 120_000);

  it('runs two tensor-parallel placements from one head, the second on a master port of its own', async () => {
    const pair = await swap('wide', 'pair');
    expect(pair, `${pair.message}: ${JSON.stringify(pair.logTail.slice(-8))}`).toMatchObject({
      status: 'ready',
    });
    expect(pair.preflight.find((line) => line.check === 'launcher on spark2')?.detail).toMatch(
      /container vllm_pair, master port 29502$/,
    );
    expect(await servedOn('pair')).toEqual(['wide']);
    expect(await servedOn('wide')).toEqual(['wide']);
  }, 120_000);

  it('refuses a second Ray head on a Spark before anything stops, naming the ports the first holds', async () => {
    const underRay = await swap('wide-ray', 'wide');
    expect(underRay, `${underRay.message}: ${JSON.stringify(underRay.logTail.slice(-8))}`).toMatchObject({
      status: 'ready',
    });
    const second = await swap('wide-ray', 'pair');
    expect(second).toMatchObject({ status: 'failed', cause: 'preflight' });
    expect(second.message).toMatch(
      /Ray ports on spark2: placement wide \(wide-ray\) runs a Ray head here, which holds Ray's ports 10001, 8265 and 52365/,
    );
    expect(await servedOn('pair')).toEqual(['wide']);
  }, 120_000);
});
