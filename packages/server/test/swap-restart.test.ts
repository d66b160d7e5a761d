import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SwapView } from '@spark-control/schema';
import { randomSparkHosts, startCluster, type SimCluster } from '@spark-control/sim';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSshAdapter } from '../src/adapters/ssh/index.js';
import { startServerProcess, type RunningServer } from './support/process.js';

const TOKEN = 'sc_restart-test-token';
type Current = { swap: SwapView | null; servedModel: string | null };

describe('a server killed mid-swap', () => {
  let dataDir: string;
  let cluster: SimCluster;
  let server: RunningServer | undefined;

  const current = async (): Promise<Current> =>
    (await (
      await fetch(`${server!.url}/api/swap/current`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as Current;
  const until = async (check: (state: Current) => boolean, timeoutMs: number): Promise<Current> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await current();
      if (check(state)) return state;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out; last state ${JSON.stringify(state.swap)}\n${server
            ?.output()
            .split('\n')
            .filter((line) => !line.includes('/api/swap/current'))
            .join('\n')
            .slice(-3000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'spark-control-restart-'));
    const ssh = await createSshAdapter({ dataDir });
    cluster = await startCluster({
      hosts: randomSparkHosts(),
      services: false,
      cloud: false,
      control: false,
      memoryReleaseLagMs: 200,
      loadDelayMs: 300,
      authorizedKeys: [ssh.key.publicKey()],
      initialModel: {
        model: 'Qwen/Qwen3-30B-A3B-FP8',
        args: ['--served-model-name', 'model-a', '--gpu-memory-utilization', '0.5'],
      },
    });
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        sparks: cluster.sparks.map((spark) => ({ id: spark.id, host: spark.host, sshPort: spark.sshPort })),
      }),
    );
    await writeFile(
      join(dataDir, 'catalog.yaml'),
      stringify({
        models: [
          {
            id: 'model-a',
            label: 'A',
            hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
            servedName: 'model-a',
            vllm: { gpuMemoryUtilization: 0.5 },
          },
          {
            id: 'model-b',
            label: 'B',
            hfRepo: 'openai/gpt-oss-120b',
            servedName: 'model-b',
            vllm: { gpuMemoryUtilization: 0.5 },
          },
        ],
      }),
    );
    await cluster.control.setFaults('spark1', { vllm: { loadDelayMs: 6000 } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reconciles the swap after a restart instead of leaving it in loading', async () => {
    const env = { SPARK_CONTROL_DATA: dataDir, SPARK_CONTROL_API_TOKEN: TOKEN };
    server = await startServerProcess(env);
    const started = await fetch(`${server.url}/api/swap`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ modelId: 'model-b' }),
    });
    expect(started.status).toBe(202);
    await until((state) => state.swap?.phase === 'loading', 60_000);
    await server.kill();

    server = await startServerProcess(env);
    const settled = await until((state) => state.swap?.status !== 'running', 60_000);
    expect(settled.swap).toMatchObject({ modelId: 'model-b', status: 'ready' });
    expect(settled.swap?.message).toMatch(/after Spark Control restarted/);
    expect(settled.servedModel).toBe('model-b');
  }, 150_000);

  it('confirms a swap whose model came up while the server was down', async () => {
    const env = { SPARK_CONTROL_DATA: dataDir, SPARK_CONTROL_API_TOKEN: TOKEN };
    await server?.stop();
    server = await startServerProcess(env);
    const started = await fetch(`${server.url}/api/swap`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ modelId: 'model-a' }),
    });
    expect(started.status).toBe(202);
    await until((state) => state.swap?.phase === 'loading', 60_000);
    await server.kill();
    // vLLM goes on loading without the server: wait until it serves model-a, then restart.
    const head = cluster.sparks[0];
    if (!head) throw new Error('no spark');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const models = await fetch(`http://${head.host}:8888/v1/models`)
        .then((response) => response.json() as Promise<{ data: { id: string }[] }>)
        .catch(() => ({ data: [] }));
      if (models.data.some((model) => model.id === 'model-a')) break;
      if (Date.now() > deadline) throw new Error('model-a never came up');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    server = await startServerProcess(env);
    const settled = await until((state) => state.swap?.status !== 'running', 60_000);
    expect(settled.swap).toMatchObject({ modelId: 'model-a', status: 'ready' });
    expect(settled.swap?.message).toBe('confirmed after Spark Control restarted');
    expect(settled.servedModel).toBe('model-a');
  }, 150_000);
});
