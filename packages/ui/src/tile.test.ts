import type { ServiceView, SwapView } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { modelBesideDetail, STATUS_WORDS } from './format.js';
import { afterSwapEvent } from './placements.js';

/** The built-in vLLM tile of placement `small`, serving qwen3-4b. */
const tile = (fields: Partial<ServiceView> = {}): ServiceView => ({
  id: 'vllm-small',
  sparkId: 'spark-1',
  kind: 'vllm',
  label: 'vLLM',
  host: '127.0.0.2',
  port: 8001,
  source: 'builtin',
  status: 'up',
  detail: 'ready',
  latencyMs: 12,
  checkedAt: null,
  since: null,
  uptime24h: null,
  uptime30d: null,
  deep: null,
  servedModel: 'qwen3-4b',
  placementId: 'small',
  ...fields,
});

const unload = (status: SwapView['status']) =>
  ({
    kind: 'unload',
    placementId: 'small',
    modelId: 'qwen3-4b',
    status,
    startedAt: '2026-12-06T00:00:00Z',
    finishedAt: status === 'running' ? null : '2026-12-06T00:01:00Z',
  }) as SwapView;

describe('an unloaded vLLM tile', () => {
  it('says Unloaded and names no model', () => {
    const unloaded = tile({ status: 'unloaded', detail: 'Unloaded — no model loaded' });
    expect(STATUS_WORDS.unloaded).toBe('Unloaded');
    expect(modelBesideDetail(unloaded)).toBeUndefined();
    expect(modelBesideDetail(tile())).toBe('qwen3-4b');
    expect(modelBesideDetail(tile({ detail: 'serving qwen3-4b' }))).toBeUndefined();
  });

  it('turns unloaded when an unload finishes, never "serving" the model it stopped', () => {
    const running = afterSwapEvent(tile(), unload('running'));
    expect(running).toMatchObject({ status: 'swapping', detail: 'unloading qwen3-4b' });
    const done = afterSwapEvent(running, unload('ready'));
    expect(done).toMatchObject({ status: 'unloaded', detail: 'Unloaded — no model loaded', latencyMs: null });
    expect(done.servedModel).toBeUndefined();
    expect(done.detail).not.toContain('serving');
    expect(afterSwapEvent(tile(), unload('failed')).status).toBe('up');
  });
});
