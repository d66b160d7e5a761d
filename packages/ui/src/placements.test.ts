import type { PlacementView, ServiceView, SwapView } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { afterLastSwap, afterSwapEvent, fitWords, mayRunOn, sparkMemoryBars } from './placements.js';

const spark1 = {
  id: 'spark-1',
  label: 'Spark 1',
  memoryGiB: 119,
  placements: [
    { placementId: 'vllm', status: 'serving' as const, modelId: 'qwen3-30b-a3b', budgetGiB: 83.3 },
    { placementId: 'side', status: 'idle' as const, modelId: null, budgetGiB: null },
  ],
};
const spark2 = {
  id: 'spark-2',
  label: 'Spark 2',
  memoryGiB: 119,
  placements: [{ placementId: 'small', status: 'swapping' as const, modelId: 'qwen3-4b', budgetGiB: 29.8 }],
};

function placement(id: string, sparks: PlacementView['sparks']): PlacementView {
  return {
    id,
    sparkIds: sparks.map((spark) => spark.id),
    port: 8888,
    container: `vllm_${id}`,
    memoryBudgetGiB: null,
    sparkMemoryGiB: 119,
    servedModel: null,
    status: 'idle',
    models: [],
    memorySparkIds: [],
    swappingTo: null,
    sparks,
  };
}

describe('sparkMemoryBars', () => {
  it('one bar per Spark, each placement its share of the Spark, the rest free', () => {
    const bars = sparkMemoryBars([
      placement('vllm', [spark1]),
      placement('side', [spark1]),
      placement('small', [spark2]),
    ]);
    expect(bars.map((bar) => bar.id)).toEqual(['spark-1', 'spark-2']);
    const [first, second] = bars;
    expect(first?.segments.map((segment) => [segment.placementId, segment.fraction])).toEqual([
      ['vllm', 83.3 / 119],
      ['side', 0],
    ]);
    expect(first?.freeFraction).toBeCloseTo(1 - 83.3 / 119);
    expect(second?.segments[0]).toMatchObject({ status: 'swapping', modelId: 'qwen3-4b' });
    expect(second?.freeFraction).toBeCloseTo(1 - 29.8 / 119);
  });

  it('an unread memory: no shares and no free part', () => {
    const [bar] = sparkMemoryBars([placement('vllm', [{ ...spark1, memoryGiB: null }])]);
    expect(bar?.segments.map((segment) => segment.fraction)).toEqual([0, 0]);
    expect(bar?.freeFraction).toBeNull();
  });
});

describe('fitWords', () => {
  it('names where the model may run and, for each other placement, why not', () => {
    expect(
      fitWords([
        { placementId: 'vllm', problem: null },
        { placementId: 'small', problem: 'placement small serves only qwen3-4b' },
      ]),
    ).toBe('May run on vllm · Not on small: placement small serves only qwen3-4b');
    expect(fitWords([{ placementId: 'vllm', problem: 'tensor parallel 2 needs 2 Sparks' }])).toBe(
      'May run on no placement · Not on vllm: tensor parallel 2 needs 2 Sparks',
    );
  });

  it('mayRunOn reads the same fits', () => {
    const model = {
      fits: [
        { placementId: 'vllm', problem: null },
        { placementId: 'small', problem: 'no' },
      ],
    };
    expect(mayRunOn(model, 'vllm')).toBe(true);
    expect(mayRunOn(model, 'small')).toBe(false);
    expect(mayRunOn(model, 'gone')).toBe(false);
  });
});

describe('afterSwapEvent', () => {
  const tile = (id: string, placementId: string): ServiceView => ({
    id,
    sparkId: 'spark-1',
    kind: 'vllm',
    label: 'vLLM',
    host: '127.0.0.2',
    port: 8888,
    source: 'builtin',
    status: 'up',
    detail: 'serving qwen3-30b-a3b',
    latencyMs: 12,
    checkedAt: null,
    since: null,
    uptime24h: null,
    uptime30d: null,
    deep: null,
    servedModel: 'qwen3-30b',
    placementId,
  });
  const swap = (status: SwapView['status']) =>
    ({
      placementId: 'small',
      modelId: 'qwen3-4b',
      status,
      startedAt: '2026-12-06T00:00:00Z',
      finishedAt: status === 'running' ? null : '2026-12-06T00:01:00Z',
    }) as SwapView;

  it("keeps a status read before the placement's last swap ended from turning the tile back to swapping", () => {
    const stale = { ...tile('vllm-small', 'small'), status: 'swapping' as const };
    expect(afterLastSwap(stale, swap('ready'))).toMatchObject({ status: 'up', detail: 'serving qwen3-4b' });
    expect(afterLastSwap(stale, swap('running')).status).toBe('swapping');
    expect(afterLastSwap(stale, undefined).status).toBe('swapping');
    expect(afterLastSwap(tile('vllm-small', 'small'), swap('ready')).status).toBe('up');
  });

  it('swaps only the tile of the placement being swapped', () => {
    expect(afterSwapEvent(tile('vllm', 'vllm'), swap('running')).status).toBe('up');
    const small = afterSwapEvent(tile('vllm-small', 'small'), swap('running'));
    expect(small).toMatchObject({ status: 'swapping', latencyMs: null });
    expect(afterSwapEvent({ ...small }, swap('ready'))).toMatchObject({
      status: 'up',
      detail: 'serving qwen3-4b',
    });
    expect(afterSwapEvent(small, swap('failed')).status).toBe('swapping');
  });

  it('leaves a custom vLLM to its probe', () => {
    const { placementId: _none, ...custom } = tile('mine', 'small');
    expect(afterSwapEvent({ ...custom, source: 'custom' }, swap('running')).status).toBe('up');
  });
});
