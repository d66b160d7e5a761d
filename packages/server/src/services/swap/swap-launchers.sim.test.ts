import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent, SettingsInput, SwapView } from '@spark-control/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { startSimFixture, type SimFixture } from '../../../test/support/sim.js';
import { command } from '../../adapters/ssh/index.js';

// Swaps against launchers that behave like the real spark-vllm-docker (G1 and G2), and the faults the
// real launcher and vLLM produce (contracts/spark-vllm-docker.md, "Checked against the real launcher").

const A = {
  id: 'model-a',
  label: 'Model A',
  hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
  servedName: 'model-a',
  vllm: { gpuMemoryUtilization: 0.5 },
};
const B = { ...A, id: 'model-b', label: 'Model B', hfRepo: 'openai/gpt-oss-120b', servedName: 'model-b' };
const WIDE = {
  ...A,
  id: 'wide',
  label: 'Wide',
  hfRepo: 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4',
  servedName: 'wide',
  tensorParallel: 2,
};
const BIG = { ...B, id: 'big', label: 'Too big', servedName: 'big', vllm: { gpuMemoryUtilization: 0.98 } };
const GATED_REPO = 'meta-llama/Llama-3.1-8B-Instruct';
const GATED = { ...B, id: 'gated', label: 'Gated', hfRepo: GATED_REPO, servedName: 'gated' };
const TOKEN = 'hf_simulatedtoken123';
const HUGE_REPO = 'moonshotai/Kimi-K2-Instruct';
/** Gated too, but the Hub does not answer about it: only vLLM's 401 tells. */
const UNLISTED_REPO = 'google/gemma-3-27b-it';
const UNLISTED = { ...B, id: 'unlisted', label: 'Unlisted', hfRepo: UNLISTED_REPO, servedName: 'unlisted' };
const HUGE = { ...B, id: 'huge', label: 'Huge', hfRepo: HUGE_REPO, servedName: 'huge' };

describe('swaps that follow the real launcher', () => {
  let sim: SimFixture;
  let t: TestApp;
  let home1: string;
  let home2: string;
  const events: AppEvent[] = [];
  const localModel = () => join(home1, 'models', 'qwen3-8b-finetune');

  const post = (path: string, body?: unknown, method = 'POST') =>
    t.app.request(path, {
      method,
      headers: { ...t.bearer, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const finished = async (): Promise<SwapView> => {
    await t.swaps.idle();
    const { swap } = await t.swaps.current();
    if (!swap) throw new Error('no swap');
    return swap;
  };
  const swapTo = async (modelId: string) => {
    const response = await post('/api/swap', { modelId });
    expect(response.status, await response.clone().text()).toBe(202);
    return finished();
  };
  const served = async () => t.cluster.servedNow();
  /** The vLLM container on the head: a restart would make a new one (they run with --rm). */
  const headContainer = () =>
    sim.cluster.control.containers('spark1').find((container) => container.Names === 'vllm_node')?.ID;
  const updateSettings = async (extra: Partial<SettingsInput>) => {
    writeFileSync(
      t.settingsFile,
      JSON.stringify({ ...sim.settings(), vllm: { modelRoots: [join(home1, 'models')] }, ...extra }),
    );
    await t.settings.load();
  };
  /** Every line a swap logged (the view keeps only the last 50). */
  const logOf = (swap: SwapView) =>
    events.flatMap((event) => (event.type === 'swap.log' && event.swapId === swap.id ? [event.line] : []));
  const failureWhen = (status: SwapView['status']) =>
    new Promise<void>((resolve) => {
      const unsubscribe = t.bus.subscribe((event) => {
        if (event.type === 'swap.phase' && event.swap.status === status) {
          unsubscribe();
          resolve();
        }
      });
    });

  beforeAll(async () => {
    sim = await startSimFixture({
      initialModel: {
        model: A.hfRepo,
        args: ['--served-model-name', A.servedName, '--gpu-memory-utilization', '0.5'],
      },
    });
    [home1, home2] = sim.cluster.sparks.map((spark) => spark.home) as [string, string];
    t = await buildTestApp({
      settings: sim.settings({ vllm: { modelRoots: [join(home1, 'models')] } }),
      ssh: sim.ssh,
      // What huggingface.co answers about the two repos that are not downloaded yet.
      hub: {
        describe: (repo) =>
          Promise.resolve(
            repo === GATED_REPO
              ? { kind: 'found' as const, gated: true, sizeBytes: 16 * 1024 ** 3 }
              : repo === HUGE_REPO
                ? { kind: 'found' as const, gated: false, sizeBytes: 40 * 1024 ** 4 }
                : undefined,
          ),
      },
    });
    t.bus.subscribe((event) => events.push(event));
    const LOCAL2 = {
      id: 'local2',
      label: 'Local TP=2',
      localPath: localModel(),
      servedName: 'local2',
      tensorParallel: 2,
      vllm: { gpuMemoryUtilization: 0.4 },
    };
    for (const model of [A, B, WIDE, LOCAL2, BIG, GATED, HUGE, UNLISTED]) {
      const response = await post('/api/catalog', model);
      expect(response.status, await response.clone().text()).toBe(201);
    }
  }, 120_000);
  afterEach(async () => {
    for (const spark of sim.cluster.sparks) await sim.cluster.control.clearFaults(spark.id);
    sim.cluster.control.setLauncher('spark1', 'G2');
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('G2: a TP=2 model and a local TP=2 model reach ready; -n carries the cluster addresses', async () => {
    const wide = await swapTo('wide');
    expect(wide).toMatchObject({ status: 'ready', cause: null });
    expect(logOf(wide)).toContain('Head Node: 192.168.177.11');
    expect(logOf(wide)).toContain('Worker Nodes: 192.168.177.12');
    expect(wide.preflight.map((line) => line.check)).toEqual([
      'launcher on spark1',
      'cluster address of spark1',
      'cluster address of spark2',
      'Sparks for tensor parallel 2',
      'image on every Spark',
      'SSH from spark1 to spark2',
      'model on spark1',
      'model on spark2',
      'memory on spark1',
      'memory on spark2',
      'port 8888 on spark1',
    ]);
    expect(wide.preflight.every((line) => line.ok)).toBe(true);
    expect(await served()).toEqual(['wide']);
    const local = await swapTo('local2');
    expect(local.status).toBe('ready');
    expect(await served()).toEqual(['local2']);
    const worker = await sim.ssh.pool.exec(sim.settings().sparks[1]!, command`docker logs vllm_node`);
    expect(worker.stdout).toContain(
      'Launching headless engine core, node rank 1, master 192.168.177.11:29501',
    );
  }, 120_000);

  it('G1: the same models reach ready through start -d and a detached exec of our own', async () => {
    sim.cluster.control.setLauncher('spark1', 'G1');
    for (const id of ['model-b', 'wide', 'local2']) {
      const swap = await swapTo(id);
      expect(swap, id).toMatchObject({ status: 'ready', cause: null });
      expect(swap.preflight[0]?.detail).toMatch(/^spark-vllm-docker G1 at /);
      expect(logOf(swap)).toContain('Cluster started in background (Daemon mode).');
      expect(await served()).toEqual([id]);
    }
    sim.cluster.control.setLauncher('spark1', 'G2');
    expect((await swapTo('model-a')).status).toBe('ready');
  }, 120_000);

  it('refuses on every preflight fault, and the served model keeps running without a restart', async () => {
    expect(await served()).toEqual(['model-a']);
    const container = headContainer();
    expect(container).toBeDefined();
    const cases: { name: string; model: string; arrange: () => Promise<void>; line: RegExp }[] = [
      {
        name: 'images out of sync',
        model: 'wide',
        arrange: async () => {
          await sim.cluster.control.setFaults('spark2', { images: { 'vllm-node': 'sha256:other' } });
        },
        line: /^image on every Spark: .*spark2 has sha256:other.*build-and-copy\.sh -c/,
      },
      {
        name: 'the head cannot SSH to the worker',
        model: 'wide',
        arrange: async () => {
          await sim.cluster.control.setFaults('spark2', { refuseNodeKeys: true });
        },
        line: /^SSH from spark1 to spark2: spark1 cannot log in to 192\.168\.177\.12 .*ssh-copy-id 192\.168\.177\.12/,
      },
      {
        name: 'the local model is missing on the worker',
        model: 'local2',
        arrange: () => {
          rmSync(join(home2, 'models', 'qwen3-8b-finetune'), { recursive: true });
          return Promise.resolve();
        },
        line: /^model on spark2: .*qwen3-8b-finetune on spark2 has no config\.json.*same path on every Spark/,
      },
      {
        name: 'not enough memory',
        model: 'big',
        arrange: () => Promise.resolve(),
        line: /^memory on spark1: .* needed \(gpuMemoryUtilization 0\.98\) but only .* would be free/,
      },
      {
        name: 'a gated repo to download without a token',
        model: 'gated',
        arrange: () => Promise.resolve(),
        line: /^model on spark1: meta-llama\/Llama-3\.1-8B-Instruct is not downloaded yet and is gated: .*Hugging Face token/,
      },
      {
        name: 'no disk space for the download',
        model: 'huge',
        arrange: () => Promise.resolve(),
        line: /^model on spark1: moonshotai\/Kimi-K2-Instruct needs 40960\.0 GiB to download but spark1 has .* free/,
      },
      {
        name: 'no launcher at the configured path',
        model: 'model-b',
        arrange: () => updateSettings({ vllm: { launchScript: '~/elsewhere/launch-cluster.sh' } }),
        line: /^launcher on spark1: ~\/elsewhere\/launch-cluster\.sh is missing or not executable/,
      },
    ];
    for (const { name, model, arrange, line } of cases) {
      for (const spark of sim.cluster.sparks) await sim.cluster.control.clearFaults(spark.id);
      await arrange();
      const swap = await swapTo(model);
      expect(swap, name).toMatchObject({
        status: 'failed',
        cause: 'preflight',
        phase: 'failed',
        rollback: null,
      });
      expect(swap.hint, name).toMatch(/Nothing was stopped/);
      const failed = swap.preflight
        .filter((check) => !check.ok)
        .map((check) => `${check.check}: ${check.detail}`);
      expect(
        failed.some((text) => line.test(text)),
        `${name}: ${failed.join(' | ')}`,
      ).toBe(true);
      expect(await served(), name).toEqual(['model-a']);
      expect(headContainer(), name).toBe(container);
    }
    cpSync(localModel(), join(home2, 'models', 'qwen3-8b-finetune'), { recursive: true });
    await updateSettings({});
  }, 120_000);

  it('refuses bad Spark settings with 400 naming the Spark and the field, before anything runs', async () => {
    const before = (await t.swaps.history()).length;
    const refused = async (body: string, pattern: RegExp) => {
      const response = await post('/api/swap', { modelId: 'wide' });
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, body).toMatch(
        pattern,
      );
    };
    await sim.cluster.control.setFaults('spark1', { cx7LinkDown: true });
    await refused('link down', /^sparks\.0\.clusterIp: the ConnectX link of spark1 is down/);
    await sim.cluster.control.clearFaults('spark1');
    const sparks = sim.settings().sparks.map(({ id, host, sshPort }) => ({ id, host, sshPort }));
    await updateSettings({ sparks: [sparks[0]!, { ...sparks[1]!, clusterIp: '10.9.9.9' }] });
    await refused('foreign address', /^sparks\.1\.clusterIp: 10\.9\.9\.9 is not an address of spark2/);
    await updateSettings({ sparks: [sparks[0]!, { ...sparks[1]!, host: 'spark2.invalid' }] });
    await refused('no such host', /^sparks\.1\.host: spark2: cannot resolve spark2\.invalid/);
    await updateSettings({});
    expect((await t.swaps.history()).length).toBe(before);
    expect(await served()).toEqual(['model-a']);
  }, 60_000);

  it("ends with the worker's own cause when only the worker fails, long before the ready timeout", async () => {
    await sim.cluster.control.setFaults('spark2', { vllm: { failDuringLoad: 'oom' } });
    const started = Date.now();
    const swap = await swapTo('wide');
    expect(swap).toMatchObject({ status: 'failed', cause: 'oom' });
    expect(swap.message).toMatch(/on spark2/);
    expect(swap.hint).toMatch(/ran out of memory/);
    expect(
      logOf(swap).some((line) => line.startsWith('[spark2] ') && line.includes('CUDA out of memory')),
    ).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(swap.rollback).toMatchObject({ modelId: 'model-a', status: 'ready' });
  }, 90_000);

  it('confirms the container on every node: a solo docker run that failed is caught', async () => {
    const unsubscribe = t.bus.subscribe((event) => {
      if (event.type === 'swap.phase' && event.swap.phase === 'releasing-memory')
        void sim.cluster.control.setFaults('spark1', { images: { 'vllm-node': null } });
    });
    const failed = failureWhen('failed').then(() => sim.cluster.control.clearFaults('spark1'));
    const response = await post('/api/swap', { modelId: 'model-b' });
    expect(response.status).toBe(202);
    await failed;
    unsubscribe();
    const swap = await finished();
    expect(swap).toMatchObject({ status: 'failed', cause: 'image' });
    expect(swap.message).toMatch(/the launch script reported success, but vllm_node is missing on spark1/);
    expect(logOf(swap)).toContain('Command dispatched in background (Daemon mode). Container: vllm_node');
    expect(swap.rollback).toMatchObject({ status: 'ready' });
    expect(await served()).toEqual(['model-a']);
  }, 90_000);

  it('stops a container left on a worker, so the next TP=2 launch is not blocked', async () => {
    const spark2 = sim.settings().sparks[1]!;
    const stray = await sim.ssh.pool.exec(
      spark2,
      command`docker run -d --rm --name vllm_node vllm-node sleep infinity`,
    );
    expect(stray.code).toBe(0);
    const swap = await swapTo('wide');
    expect(swap.status).toBe('ready');
    expect(logOf(swap)).not.toContain('Cluster containers are already running. Skipping launch.');
    expect((await swapTo('model-a')).status).toBe('ready');
  }, 90_000);

  it('passes the Hugging Face token to a gated model, keeps it out of the log, and deletes its root-owned weights', async () => {
    const hfHome = join(home1, 'hf-home');
    writeFileSync(join(home1, '.ssh', 'environment'), `HF_HOME=${hfHome}\n`);
    await sim.cluster.control.setFaults('spark1', { vllm: { gatedModels: [GATED_REPO, UNLISTED_REPO] } });
    const refused = await swapTo('unlisted');
    expect(refused).toMatchObject({ status: 'failed', cause: 'gated_repo' });
    expect(refused.hint).toMatch(/Hugging Face token in Configure Sparks/);
    expect(refused.rollback).toMatchObject({ status: 'ready' });

    await updateSettings({ vllm: { modelRoots: [join(home1, 'models')], hfToken: TOKEN } });
    const swap = await swapTo('gated');
    expect(swap.status).toBe('ready');
    expect(JSON.stringify(swap)).not.toContain(TOKEN);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
    const inspect = await sim.ssh.pool.exec(sim.settings().sparks[0]!, command`docker inspect vllm_node`);
    expect(inspect.stdout).toContain(`HF_TOKEN=${TOKEN}`);
    const weights = join(hfHome, 'hub', 'models--meta-llama--Llama-3.1-8B-Instruct');
    expect(existsSync(join(weights, 'refs', 'main'))).toBe(true);

    expect((await swapTo('model-a')).status).toBe('ready');
    const deleted = await post('/api/catalog/gated?deleteFiles=true&confirm=gated', undefined, 'DELETE');
    expect(deleted.status, await deleted.clone().text()).toBe(204);
    expect(existsSync(weights)).toBe(false);
    rmSync(join(home1, '.ssh', 'environment'));
  }, 120_000);
});
