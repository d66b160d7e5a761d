import { parseSettings, type ModelDef, type Settings, type SettingsInput } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.js';
import { PlacementDirectory } from './placement-directory.js';
import { PlacementStates } from './placement-states.js';

const GIB = 1024 ** 3;

function settingsOf(input: SettingsInput): { current: Settings } {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join('; '));
  return { current: result.settings };
}

const twoSparks = settingsOf({
  sparks: [
    { id: 'spark1', host: '127.0.0.2' },
    { id: 'spark2', host: '127.0.0.3' },
  ],
});
const model = (id: string, tensorParallel: 1 | 2, gpuMemoryUtilization = 0.7) =>
  ({ id, servedName: `${id}-served`, tensorParallel, vllm: { gpuMemoryUtilization } }) as ModelDef;

function statesOf(options: {
  settings?: { current: Settings };
  served?: string[] | undefined;
  memory?: { totalBytes: number; availableBytes: number } | undefined;
  swapping?: boolean;
  swappingTo?: string | null;
}) {
  const directory = new PlacementDirectory({ settings: options.settings ?? twoSparks });
  const catalog = [model('qwen', 1, 0.7), model('wide', 2, 0.8)];
  return new PlacementStates({
    directory,
    cluster: {
      servedModels: () => Promise.resolve(options.served),
      memory: () =>
        options.memory ? Promise.resolve(options.memory) : Promise.reject(new Error('no answer')),
    },
    catalog: {
      byServedName: (name) => catalog.find((entry) => entry.servedName === name),
      get: (id) => catalog.find((entry) => entry.id === id),
    },
    swaps: {
      isSwapping: () => options.swapping ?? false,
      swappingTo: () => (options.swapping ? (options.swappingTo ?? null) : null),
    },
  });
}

describe('PlacementDirectory.choose', () => {
  const directory = new PlacementDirectory({ settings: twoSparks });

  it('takes the only placement that may serve the model, or the one named', () => {
    expect(directory.choose(model('a', 2)).id).toBe('vllm');
    expect(directory.choose(model('a', 1), 'vllm').id).toBe('vllm');
  });

  it('refuses an unknown placement and a model that fits nowhere, naming the field', () => {
    expect(() => directory.choose(model('a', 1), 'big')).toThrow(
      new DomainError('VALIDATION_FAILED', 'placementId: no placement "big" (configured: vllm)'),
    );
    const alone = new PlacementDirectory({ settings: settingsOf({ sparks: [{ id: 's', host: 'h' }] }) });
    expect(() => alone.choose(model('a', 2))).toThrow(
      'modelId: a may not run anywhere: tensor parallel 2 needs 2 Sparks; placement vllm has 1 Spark',
    );
    const none = new PlacementDirectory({ settings: settingsOf({}) });
    expect(() => none.choose(model('a', 1))).toThrow(/no placement is configured/);
  });
});

describe('PlacementStates', () => {
  const memory = { totalBytes: 119 * GIB, availableBytes: 20 * GIB };

  it('a serving placement: the catalog id and its share of the Spark in GiB', async () => {
    expect(await statesOf({ served: ['qwen-served'], memory }).list()).toEqual([
      {
        id: 'vllm',
        sparkIds: ['spark1', 'spark2'],
        port: 8888,
        container: 'vllm_node',
        models: [],
        status: 'serving',
        servedModel: 'qwen',
        memoryBudgetGiB: 83.3,
        sparkMemoryGiB: 119,
        // A TP=1 model reserves memory on the head only.
        memorySparkIds: ['spark1'],
        swappingTo: null,
        sparks: [
          {
            id: 'spark1',
            label: 'spark1',
            memoryGiB: 119,
            placements: [{ placementId: 'vllm', status: 'serving', modelId: 'qwen', budgetGiB: 83.3 }],
          },
          {
            id: 'spark2',
            label: 'spark2',
            memoryGiB: 119,
            placements: [{ placementId: 'vllm', status: 'serving', modelId: 'qwen', budgetGiB: null }],
          },
        ],
      },
    ]);
  });

  it('during a swap: the model being loaded and the share it takes on each of its Sparks', async () => {
    const [view] = await statesOf({
      served: ['qwen-served'],
      memory,
      swapping: true,
      swappingTo: 'wide',
    }).list();
    expect(view).toMatchObject({
      status: 'swapping',
      servedModel: null,
      memoryBudgetGiB: null,
      swappingTo: 'wide',
      memorySparkIds: ['spark1', 'spark2'],
    });
    expect(view?.sparks.map((spark) => spark.placements[0])).toEqual([
      { placementId: 'vllm', status: 'swapping', modelId: 'wide', budgetGiB: 95.2 },
      { placementId: 'vllm', status: 'swapping', modelId: 'wide', budgetGiB: 95.2 },
    ]);
  });

  it('several placements on one Spark: each Spark lists what every placement holds there', async () => {
    const settings = settingsOf({
      sparks: [
        { id: 'spark1', label: 'Spark 1', host: '127.0.0.2' },
        { id: 'spark2', label: 'Spark 2', host: '127.0.0.3' },
      ],
      placements: [
        { id: 'big', sparkIds: ['spark1'], port: 8001, container: 'vllm_big', memoryShare: 0.6 },
        {
          id: 'small',
          sparkIds: ['spark1', 'spark2'],
          port: 8002,
          container: 'vllm_small',
          memoryShare: 0.25,
        },
      ],
    });
    const views = await statesOf({ settings, served: ['qwen-served'], memory }).list();
    expect(views.map((view) => view.memoryBudgetGiB)).toEqual([71.4, 29.8]);
    const [big, small] = views;
    expect(big?.sparks).toEqual([
      {
        id: 'spark1',
        label: 'Spark 1',
        memoryGiB: 119,
        placements: [
          { placementId: 'big', status: 'serving', modelId: 'qwen', budgetGiB: 71.4 },
          { placementId: 'small', status: 'serving', modelId: 'qwen', budgetGiB: 29.8 },
        ],
      },
    ]);
    expect(small?.sparks.map((spark) => [spark.id, spark.placements.map((p) => p.placementId)])).toEqual([
      ['spark1', ['big', 'small']],
      ['spark2', ['small']],
    ]);
  });

  it("a model the catalog lacks: vLLM's name and vLLM's default share", async () => {
    const [view] = await statesOf({ served: ['mystery'], memory }).list();
    expect(view).toMatchObject({ status: 'serving', servedModel: 'mystery', memoryBudgetGiB: 107.1 });
  });

  it('idle when the head answers but vLLM does not; unreachable when neither does; swapping during a swap', async () => {
    expect((await statesOf({ served: undefined, memory }).list())[0]).toMatchObject({
      status: 'idle',
      servedModel: null,
      memoryBudgetGiB: null,
      sparkMemoryGiB: 119,
    });
    expect((await statesOf({ served: undefined, memory: undefined }).list())[0]?.status).toBe('unreachable');
    expect((await statesOf({ served: ['qwen-served'], memory, swapping: true }).list())[0]?.status).toBe(
      'swapping',
    );
  });

  it('no Spark with the vllm role: no placement', async () => {
    const settings = settingsOf({ sparks: [{ id: 's', host: 'h', roles: ['stt'] }] });
    expect(await statesOf({ settings, served: ['qwen-served'], memory }).list()).toEqual([]);
  });
});

describe('PlacementDirectory.canServeTogether', () => {
  const directory = new PlacementDirectory({
    settings: settingsOf({
      sparks: [
        { id: 'spark1', host: '127.0.0.2' },
        { id: 'spark2', host: '127.0.0.3' },
      ],
      placements: [
        { id: 'p1', sparkIds: ['spark1'], port: 8001, container: 'vllm_p1', models: ['x', 'y'] },
        { id: 'p2', sparkIds: ['spark2'], port: 8002, container: 'vllm_p2', models: ['x'] },
      ],
    }),
  });

  it('finds a placement for each model, moving one that could go elsewhere', () => {
    // x first takes p1; y may only run there, so x moves to p2.
    expect(directory.canServeTogether([model('x', 1), model('y', 1)])).toBe(true);
    expect(directory.canServeTogether([model('y', 1), model('x', 1)])).toBe(true);
  });
  it('refuses more models than placements, or two that may run only on the same one', () => {
    expect(directory.canServeTogether([model('x', 1), model('y', 1), model('x', 1)])).toBe(false);
    expect(directory.canServeTogether([model('y', 1), model('y', 1)])).toBe(false);
    expect(directory.canServeTogether([model('z', 1)])).toBe(false);
  });
});
