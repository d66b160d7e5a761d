import type { SparkHardware, SwapView } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { ClusterWatch, type OwnerNotice, type WatchText } from './cluster-watch.js';

const text: WatchText = {
  sparkReachable: (label, ms) => `${label} up ${ms}`,
  sparkUnreachable: (label, error) => `${label} down: ${error}`,
  sparkPending: 'pending',
  gatewayServing: (models) => `serving ${models.join(',')}`,
  gatewaySwapping: (model) => `swapping to ${model}`,
  gatewayNotConfigured: 'no vllm',
  gatewayFailing: (message) => `failing: ${message}`,
  noAnswer: 'no answer',
  sparkDownNotice: (label, error) => ({ title: `down ${label}`, message: error }),
  swapFailedNotice: (swap) => ({ title: `failed ${swap.modelId}`, message: swap.message ?? '', data: null }),
};

const card = (sparkId: string, reachable: boolean): SparkHardware => ({
  sparkId,
  label: sparkId.toUpperCase(),
  host: '127.0.0.1',
  checkedAt: '2026-12-04T00:00:00Z',
  ssh: { reachable, latencyMs: reachable ? 3 : null, error: reachable ? null : 'connect ECONNREFUSED' },
  memory: null,
  gpu: null,
  disk: null,
  wireguard: null,
  uptimeSec: null,
  clusterIp: null,
  clusterIpProblem: null,
  launcher: null,
});

const swap = (id: string, status: SwapView['status']): SwapView => ({
  id,
  kind: 'swap',
  modelId: `model-${id}`,
  placementId: 'vllm',
  previousModelId: null,
  phase: status === 'running' ? 'loading' : status === 'ready' ? 'ready' : 'failed',
  status,
  cause: status === 'failed' ? 'oom' : null,
  message: status === 'failed' ? 'CUDA out of memory' : null,
  hint: null,
  preflight: [],
  progress: 0.5,
  startedAt: '2026-12-04T00:00:00Z',
  finishedAt: null,
  logTail: [],
  rollback: null,
  actor: 'admin',
  timings: {},
});

function harness() {
  const state = { sparks: [card('a', true), card('b', true)], swaps: [swap('old', 'failed')] as SwapView[] };
  const gateway = {
    status: 200,
    models: ['qwen'],
    error: null as string | null,
    code: null as string | null,
  };
  const notices: OwnerNotice[] = [];
  const watch = new ClusterWatch({
    client: {
      sparks: () => Promise.resolve(state.sparks),
      swapHistory: () => Promise.resolve(state.swaps),
      gatewayModels: () => Promise.resolve(gateway),
    },
    notify: (notice) => {
      notices.push(notice);
      return Promise.resolve();
    },
    text,
    ttlMs: 0,
  });
  return { state, gateway, notices, watch };
}

describe('ClusterWatch', () => {
  it('gives each Spark its own result', async () => {
    const { state, watch } = harness();
    state.sparks = [card('a', true), card('b', false)];
    expect(await watch.sparkHealth('a')).toEqual({ result: 'success', message: 'A up 3' });
    expect(await watch.sparkHealth('b')).toEqual({
      result: 'failure',
      message: 'B down: connect ECONNREFUSED',
    });
    expect(await watch.sparkHealth('c')).toEqual({ result: 'starting', message: 'pending' });
  });

  it('notifies once when a Spark goes down, and again only after it came back', async () => {
    const { state, notices, watch } = harness();
    await watch.sparkHealth('a');
    expect(notices).toEqual([]);
    state.sparks = [card('a', false), card('b', true)];
    await watch.sparkHealth('a');
    await watch.sparkHealth('b');
    expect(notices.map((notice) => [notice.level, notice.title])).toEqual([['warning', 'down A']]);
    state.sparks = [card('a', true), card('b', true)];
    await watch.sparkHealth('a');
    state.sparks = [card('a', false), card('b', true)];
    await watch.sparkHealth('a');
    expect(notices.map((notice) => notice.title)).toEqual(['down A', 'down A']);
  });

  it('notifies each swap that fails while it watches, not the ones that had failed before', async () => {
    const { state, notices, watch } = harness();
    await watch.gatewayHealth();
    state.swaps = [swap('new', 'running'), ...state.swaps];
    expect(await watch.gatewayHealth()).toEqual({ result: 'loading', message: 'swapping to model-new' });
    state.swaps = [swap('new', 'failed'), swap('old', 'failed')];
    await watch.gatewayHealth();
    await watch.gatewayHealth();
    expect(notices.map((notice) => [notice.level, notice.title, notice.message])).toEqual([
      ['error', 'failed model-new', 'CUDA out of memory'],
    ]);
  });

  it('reads the gateway: serving, not configured, failing, or the server not answering', async () => {
    const { gateway, watch } = harness();
    expect(await watch.gatewayHealth()).toEqual({ result: 'success', message: 'serving qwen' });
    Object.assign(gateway, {
      status: 503,
      models: [],
      error: 'not configured',
      code: 'service_not_configured',
    });
    expect(await watch.gatewayHealth()).toEqual({ result: 'disabled', message: 'no vllm' });
    Object.assign(gateway, {
      status: 503,
      error: 'vLLM refused the connection',
      code: 'upstream_unavailable',
    });
    expect(await watch.gatewayHealth()).toEqual({
      result: 'failure',
      message: 'failing: vLLM refused the connection',
    });
    const silent = new ClusterWatch({
      client: {
        sparks: () => Promise.reject(new Error('ECONNREFUSED')),
        swapHistory: () => Promise.resolve([]),
        gatewayModels: () => Promise.reject(new Error('ECONNREFUSED')),
      },
      notify: () => Promise.resolve(),
      text,
    });
    expect(await silent.sparkHealth('a')).toEqual({ result: 'failure', message: 'no answer' });
    expect(await silent.gatewayHealth()).toEqual({ result: 'failure', message: 'no answer' });
  });

  it('asks the server once for checks that come within its cache time', async () => {
    let calls = 0;
    const watch = new ClusterWatch({
      client: {
        sparks: () => {
          calls++;
          return Promise.resolve([card('a', true)]);
        },
        swapHistory: () => Promise.resolve([]),
        gatewayModels: () => Promise.resolve({ status: 200, models: [], error: null, code: null }),
      },
      notify: () => Promise.resolve(),
      text,
      ttlMs: 60_000,
    });
    await Promise.all([watch.sparkHealth('a'), watch.sparkHealth('b'), watch.gatewayHealth()]);
    expect(calls).toBe(1);
  });
});
