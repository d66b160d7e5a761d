import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster, waitForPort } from './cluster.js';
import type { SimControlClient } from './control-client.js';
import { simProcesses, sleep } from './processes.js';
import { randomSparkHosts, sshExec } from './ssh-testing.js';

const PASSWORD = 'pw';
const MODEL_A = 'Qwen/Qwen3-30B-A3B-FP8';
/** A local model, bind-mounted the way the controller does it. */
const MODEL_B = '/models/qwen3-8b-finetune';
const MOUNT_B =
  'VLLM_SPARK_EXTRA_DOCKER_ARGS="-v $HOME/models/qwen3-8b-finetune:/models/qwen3-8b-finetune:ro"';
const LAG_MS = 1500;
let root: string;
let sim: SimCluster;
let client: SimControlClient;
let h1: string;
let h2: string;
/** The Sparks' ConnectX addresses: what `-n` must hold. */
const C1 = '192.168.177.11';
const C2 = '192.168.177.12';

const on = (host: string, command: string, options: Parameters<typeof sshExec>[4] = {}) =>
  sshExec(host, 2222, command, { password: PASSWORD }, options);
const launch = (args: string) => on(h1, `./spark-vllm-docker/launch-cluster.sh ${args}`);
const available = (text: string) => Number(/MemAvailable:\s+(\d+)/.exec(text)?.[1]);

/** Whether a new connection is refused: a raw connect, as fetch may reuse a pooled keep-alive socket. */
function refused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** After a kill the port closes once the kernel has torn the process down; a loaded machine takes a moment. */
async function closesWithin(host: string, port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await refused(host, port))) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function logsUntil(host: string, pattern: RegExp): Promise<string> {
  const result = await on(host, 'docker logs -f vllm_node', { until: (stdout) => pattern.test(stdout) });
  return result.stdout;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sim-cluster-'));
  [h1 = '', h2 = ''] = randomSparkHosts(2);
  sim = await startCluster({
    root,
    hosts: [h1, h2],
    password: PASSWORD,
    control: { port: 0 },
    cloud: { port: 0 },
    loadDelayMs: 200,
    tokenDelayMs: 1,
    launcherSettleMs: 100,
    memoryReleaseLagMs: LAG_MS,
  });
  if (!sim.client) throw new Error('control API did not start');
  client = sim.client;
  await Promise.all(
    Object.values(sim.sparks[1]?.services ?? {}).map((port) => waitForPort(h2, port, 60_000)),
  );
});

afterAll(async () => {
  await sim.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('simulated cluster', () => {
  it('swaps a model: stop frees memory after a lag, -d exec returns at once, logs show startup, the port answers', async () => {
    const first = await launch(
      `--solo -d exec vllm serve ${MODEL_A} --host 0.0.0.0 --port 8888 --gpu-memory-utilization 0.5`,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Command dispatched in background (Daemon mode). Container: vllm_node');
    await waitForPort(h1, 8888, 30_000);
    const loaded = available((await on(h1, 'cat /proc/meminfo')).stdout);

    const stop = await on(
      h1,
      `./spark-vllm-docker/launch-cluster.sh --solo stop && grep MemAvailable /proc/meminfo && sleep ${(LAG_MS + 1000) / 1000} && grep MemAvailable /proc/meminfo`,
    );
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain(
      'Stopping cluster...\nStopping head node (127.0.0.1)...\nCluster stopped.\n',
    );
    const [justAfter, later] = stop.stdout
      .split('\n')
      .filter((line) => line.startsWith('MemAvailable'))
      .map(available);
    expect(justAfter).toBe(loaded);
    expect((later ?? 0) - loaded).toBeGreaterThan(50_000_000);
    expect((await on(h1, 'docker ps -a --format "{{json .}}"')).stdout).toBe('');

    const second = await on(
      h1,
      `${MOUNT_B} ./spark-vllm-docker/launch-cluster.sh --solo -d exec vllm serve ${MODEL_B} --host 0.0.0.0 --port 8888`,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /Starting Head Node on 127\.0\.0\.1\.\.\.\n[0-9a-f]{64}\n[\s\S]*Command dispatched in background \(Daemon mode\)\. Container: vllm_node\n$/,
    );
    const logs = await logsUntil(h1, /Application startup complete\./);
    expect(logs).toMatch(
      /vLLM API server version[\s\S]*Starting to load model[\s\S]*Application startup complete\./,
    );
    await waitForPort(h1, 8888, 30_000);
    const models = (await (await fetch(`http://${h1}:8888/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]?.id).toBe(MODEL_B);
    const status = await launch('--solo status');
    expect(status).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Container 'vllm_node' is RUNNING.") as unknown,
    });
  });

  it('reuses running containers and a vLLM crash leaves the container running', async () => {
    const again = await launch(`--solo -d exec true`);
    expect(again.stdout).toContain('Cluster containers are already running. Skipping launch.');
    await client.killExecs('spark1', 'vllm_node');
    expect(await closesWithin(h1, 8888, 10_000)).toBe(true);
    expect((await on(h1, "docker inspect -f '{{.State.Status}}' vllm_node")).stdout).toBe('running\n');
    await launch('--solo stop');
  });

  it('TP=2 starts a worker container on Spark 2 and stops both', async () => {
    // The last test's stop releases its model's memory after the lag; vLLM's startup check on the head would
    // otherwise refuse to start, and the log the test waits for would never come.
    await sleep(LAG_MS + 200);
    const result = await launch(
      `-n ${C1},${C2} -d exec vllm serve ${MODEL_A} --port 8888 -tp 2 --distributed-executor-backend ray`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Head Node: ${C1}\nWorker Nodes: ${C2}\n`);
    expect(result.stdout).toContain(`  SSH to ${C2}: OK`);
    const worker = await on(h2, "docker ps --filter name=^vllm_node$ --format '{{json .}}'");
    expect(JSON.parse(worker.stdout)).toMatchObject({ Names: 'vllm_node', State: 'running' });
    expect(await logsUntil(h2, /headless engine core, node rank 1/)).toContain(`master ${C1}:29501`);
    expect(await logsUntil(h1, /Application startup complete/)).toContain("'nnodes': '2'");
    const stop = await launch(`-n ${C1},${C2} stop`);
    expect(stop.code).toBe(0);
    expect((await on(h2, "docker ps -a -q --filter 'name=^vllm_node$'")).stdout).toBe('');
  });

  it('foreground exec returns the exit code of the command and stops the cluster; mismatched images abort a TP=2 launch', async () => {
    const foreground = await launch(`--solo exec sh -c 'echo in-container; exit 3'`);
    expect(foreground.code).toBe(3);
    expect(foreground.stdout).toContain('in-container\n');
    expect(foreground.stdout).toContain('Cluster stopped.');
    expect((await on(h1, "docker ps -a -q --filter 'name=^vllm_node$'")).stdout).toBe('');

    await client.setFaults('spark2', { images: { 'vllm-node': 'sha256:different' } });
    const mismatch = await launch(`-n ${C1},${C2} -d exec vllm serve ${MODEL_A} -tp 2`);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toContain(
      "Error: Cluster launch aborted because image 'vllm-node' is not in sync.",
    );
    await client.clearFaults('spark2');
    const usage = await launch('--solo');
    expect(usage.code).toBe(1);
    expect(usage.stdout).toContain('Error: No action specified. Use: start | stop | status | exec\nUsage: ');
  });

  it('foreground start holds the cluster until the SSH session ends, then its trap stops it', async () => {
    const held = await on(h1, './spark-vllm-docker/launch-cluster.sh --solo start', {
      until: (stdout) => stdout.includes('Press Ctrl+C'),
    });
    expect(held.stdout).toContain(
      'Cluster started. Tailing logs from head node...\nPress Ctrl+C to stop the cluster.',
    );
    let left = 'vllm_node';
    for (const deadline = Date.now() + 40_000; left !== '' && Date.now() < deadline;) {
      await sleep(250);
      left = (await on(h1, "docker ps -q --filter 'name=^vllm_node$'")).stdout;
    }
    expect(left).toBe('');
  }, 60_000);

  it('faults: slow load keeps the port refused, then it opens', async () => {
    await client.setFaults('spark1', { vllm: { loadDelayMs: 2500 } });
    const started = Date.now();
    await launch(`--solo -d exec vllm serve ${MODEL_A} --port 8888`);
    expect(await refused(h1, 8888)).toBe(true);
    await waitForPort(h1, 8888, 30_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    await launch('--solo stop');
    await client.clearFaults('spark1');
  });

  it('faults: OOM during load, missing model and port in use show in the log and the port stays closed', async () => {
    const cases = [
      {
        faults: { vllm: { failDuringLoad: 'oom' as const } },
        model: MODEL_A,
        log: /CUDA out of memory/,
        occupied: false,
      },
      {
        faults: { vllm: { missingModels: ['org/missing'] } },
        model: 'org/missing',
        log: /404|not found|Repository Not Found/i,
        occupied: false,
      },
      // A local path that is not mounted into the container is no model directory for vLLM.
      {
        faults: {},
        model: '/models/not-mounted',
        log: /ValueError: Invalid repository ID or local directory specified: '\/models\/not-mounted'/,
        occupied: false,
      },
      // The port is really taken (by the simulator), so connections reach the occupant, not vLLM.
      { faults: { portsInUse: [8888] }, model: MODEL_A, log: /Address already in use/, occupied: true },
    ];
    for (const { faults, model, log, occupied } of cases) {
      await client.setFaults('spark1', faults);
      // The last vLLM's memory is released first, or vLLM's startup memory check refuses to start.
      await sleep(LAG_MS + 200);
      await launch(`--solo -d exec vllm serve ${model} --port 8888`);
      const text = await logsUntil(h1, log);
      expect(text).toMatch(log);
      await sleep(300);
      if (!occupied) expect(await refused(h1, 8888)).toBe(true);
      await launch('--solo stop');
      await client.clearFaults('spark1');
    }
  });

  it('faults: SSH drop after N bytes and blackhole', async () => {
    await client.setFaults('spark1', { sshDropAfterBytes: 100 });
    const cut = await on(h1, "head -c 5000 /dev/zero | tr '\\0' a");
    expect(cut.code).toBeNull();
    expect(cut.error).toBeDefined();
    expect(cut.stdout.length).toBeLessThanOrEqual(100);
    await client.clearFaults('spark1');
    expect((await on(h1, "head -c 5000 /dev/zero | tr '\\0' a")).stdout).toHaveLength(5000);

    await client.setFaults('spark2', { blackhole: true });
    const dark = await on(h2, 'true', { readyTimeoutMs: 1500 });
    expect(dark.error?.message).toMatch(/timed out/i);
    await expect(fetch(`http://${h2}:8880/health`, { signal: AbortSignal.timeout(800) })).rejects.toThrow(
      /abort|timeout/i,
    );
    await client.clearFaults('spark2');
    expect((await on(h2, 'echo back')).stdout).toBe('back\n');
    expect((await fetch(`http://${h2}:8880/health`)).status).toBe(200);
  });

  it('faults: hung upstream, 429, malformed and truncated JSON on Spark 2, 5xx on the cloud', async () => {
    await client.setFaults('spark2', { http: { kokoro: { mode: 'hang' } } });
    await expect(
      fetch(`http://${h2}:8880/v1/audio/voices`, { signal: AbortSignal.timeout(800) }),
    ).rejects.toThrow(/abort|timeout/i);

    await client.setFaults('spark2', {
      http: { parakeet: { mode: 'status', status: 429, retryAfterSec: 7, count: 1 } },
    });
    const limited = await fetch(`http://${h2}:8000/v1/models`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fetch(`http://${h2}:8000/v1/models`)).status).toBe(200);

    await client.setFaults('spark2', { http: { embeddings: { mode: 'malformed' } } });
    const malformed = await fetch(`http://${h2}:8080/embed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"inputs":"x"}',
    });
    await expect(malformed.json()).rejects.toThrow();

    await client.setFaults('spark2', { http: { qdrant: { mode: 'truncated' } } });
    await expect(
      fetch(`http://${h2}:6333/collections`).then((response) => response.text()),
    ).rejects.toThrow();
    await client.clearFaults('spark2');

    await client.setCloudFaults({ http: { cloud: { mode: 'status', status: 503 } } });
    const state = await client.state();
    expect(state.cloud?.faults.http?.cloud?.status).toBe(503);
    expect((await fetch(`${state.cloud?.url}/models`)).status).toBe(503);
    await client.setCloudFaults({});
  });

  it('rejects invalid faults', async () => {
    await expect(client.setFaults('spark1', { sshDropAfterBytes: -1 })).rejects.toThrow(/400/);
    await expect(client.setFaults('nope', {})).rejects.toThrow(/404/);
  });

  it('kills a service and restarts it', async () => {
    await client.killContainer('spark2', 'parakeet');
    const row = (await client.containers('spark2')).find((container) => container.Names === 'parakeet');
    expect(row?.Status).toMatch(/^Exited \(\d+\)/);
    expect(await closesWithin(h2, 8000, 10_000)).toBe(true);
    await client.restartContainer('spark2', 'parakeet');
    await waitForPort(h2, 8000, 30_000);
    expect(
      (await client.containers('spark2')).find((container) => container.Names === 'parakeet')?.State,
    ).toBe('running');
  });

  it('stop() leaves no process behind', async () => {
    expect(simProcesses(root).length).toBeGreaterThan(0);
    await sim.stop();
    expect(simProcesses(root)).toEqual([]);
  });
});
