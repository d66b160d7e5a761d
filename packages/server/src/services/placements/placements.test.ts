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
}) {
  const directory = new PlacementDirectory({ settings: options.settings ?? twoSparks });
  const catalog = [model('qwen', 1, 0.7)];
  return new PlacementStates({
    directory,
    cluster: {
      servedModels: () => Promise.resolve(options.served),
      memory: () =>
        options.memory ? Promise.resolve(options.memory) : Promise.reject(new Error('no answer')),
    },
    catalog: { byServedName: (name) => catalog.find((entry) => entry.servedName === name) },
    swaps: { isSwapping: () => options.swapping ?? false },
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
      },
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
