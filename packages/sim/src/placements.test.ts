import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster, waitForPort } from './cluster.js';
import { GB10_MEM_TOTAL_KB } from './memory.js';
import { randomSparkHosts, sshExec } from './ssh-testing.js';

// Several vLLM containers ("placements") at once on 4 Sparks: side by side on one Spark, and TP=2
// clusters (Sparks 2+3, Sparks 4+3) beside a TP=1 model on Spark 1.
const PASSWORD = 'pw';
const BIG = 'Qwen/Qwen3-30B-A3B-FP8';
const SMALL = 'Qwen/Qwen3-0.6B';
const SHORTFALL =
  /ValueError: Free memory on device cuda:0 \(\d+\.\d+\/119\.24 GiB\) on startup is less than desired GPU memory utilization \(0\.5, 59\.62 GiB\)\. Decrease GPU memory utilization or reduce GPU memory used by other processes\./;
let root: string;
let sim: SimCluster;
let hosts: string[];
const [C2, C3, C4] = ['192.168.177.12', '192.168.177.13', '192.168.177.14'];

const on = (spark: number, command: string, options: Parameters<typeof sshExec>[4] = {}) =>
  sshExec(hosts[spark] ?? '', 2222, command, { password: PASSWORD }, options);
const launch = (spark: number, args: string) => on(spark, `./spark-vllm-docker/launch-cluster.sh ${args}`);
const available = async (spark: number) =>
  Number(/MemAvailable:\s+(\d+)/.exec((await on(spark, 'cat /proc/meminfo')).stdout)?.[1]);
const names = async (spark: number) =>
  (await on(spark, "docker ps --format '{{.Names}}'")).stdout.split('\n').filter(Boolean).sort();
const logsUntil = async (spark: number, container: string, pattern: RegExp) =>
  (await on(spark, `docker logs -f ${container}`, { until: (stdout) => pattern.test(stdout) })).stdout;
const health = (spark: number, port: number) =>
  fetch(`http://${hosts[spark]}:${port}/health`).then(
    (response) => response.status,
    () => 'refused',
  );

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sim-placements-'));
  hosts = randomSparkHosts(4);
  sim = await startCluster({
    root,
    sparks: 4,
    hosts,
    password: PASSWORD,
    services: false,
    control: false,
    cloud: false,
    loadDelayMs: 200,
    tokenDelayMs: 1,
    launcherSettleMs: 100,
    memoryReleaseLagMs: 500,
    initialModels: [
      {
        spark: 3,
        model: SMALL,
        container: 'vllm_small',
        port: 8892,
        args: ['--gpu-memory-utilization', '0.3'],
      },
    ],
  });
});

afterAll(async () => {
  await sim.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('several vLLM containers', () => {
  it('initialModels starts a model in its own container on the Spark asked for, recorded by container name', async () => {
    expect(sim.sparks.map((spark) => spark.services)).toEqual([{}, {}, {}, { vllm_small: 8892 }]);
    expect(await names(3)).toEqual(['vllm_small']);
    expect(await health(3, 8892)).toBe(200);
  });

  it('G2 --solo --name: two containers side by side on one Spark, each with its own port, memory and logs; a third that does not fit fails with vLLM memory error', async () => {
    const idle = await available(0);
    const big = await launch(
      0,
      `--solo --name vllm_big -d exec vllm serve ${BIG} --host 0.0.0.0 --port 8888 --gpu-memory-utilization 0.5`,
    );
    expect(big.stdout).toContain('Command dispatched in background (Daemon mode). Container: vllm_big');
    await waitForPort(hosts[0] ?? '', 8888, 30_000);
    const afterBig = await available(0);
    const small = await launch(
      0,
      `--solo --name vllm_small -d exec vllm serve ${SMALL} --host 0.0.0.0 --port 8890 --gpu-memory-utilization 0.3`,
    );
    expect(small.stdout).not.toContain('already running');
    expect(small.stdout).toContain('Command dispatched in background (Daemon mode). Container: vllm_small');
    await waitForPort(hosts[0] ?? '', 8890, 30_000);
    const afterSmall = await available(0);
    expect(idle - afterBig).toBeGreaterThanOrEqual(Math.ceil(GB10_MEM_TOTAL_KB * 0.5));
    expect(afterBig - afterSmall).toBeGreaterThanOrEqual(Math.ceil(GB10_MEM_TOTAL_KB * 0.3));
    expect(await names(0)).toEqual(['vllm_big', 'vllm_small']);
    const models = (await (await fetch(`http://${hosts[0]}:8890/v1/models`)).json()) as {
      data: { id: string }[];
    };
    expect(models.data[0]?.id).toBe(SMALL);
    const smallLogs = await logsUntil(0, 'vllm_small', /Application startup complete/);
    expect(smallLogs).toContain(SMALL);
    expect(smallLogs).not.toContain(BIG);

    // Launcher exits 0 (solo -d checks nothing); vLLM in the third container refuses to start.
    const third = await launch(
      0,
      `--solo --name vllm_third -d exec vllm serve ${SMALL} --host 0.0.0.0 --port 8892 --gpu-memory-utilization 0.5`,
    );
    expect(third.code).toBe(0);
    expect(await logsUntil(0, 'vllm_third', /Engine core initialization failed/)).toMatch(SHORTFALL);
    expect(await health(0, 8892)).toBe('refused');
    expect(await available(0)).toBe(afterSmall);
    expect((await on(0, 'docker logs vllm_big')).stdout).not.toMatch(/Free memory on device/);

    // Stopping one container leaves the others alone.
    expect((await on(0, 'docker stop vllm_small')).stdout).toBe('vllm_small\n');
    expect(await names(0)).toEqual(['vllm_big', 'vllm_third']);
    expect(await health(0, 8888)).toBe(200);
    expect(await health(0, 8890)).toBe('refused');
    expect((await on(0, 'docker rm -f vllm_third')).code).toBe(0);
    expect(await launch(0, '--solo --name vllm_big stop')).toMatchObject({ code: 0 });
    expect(await names(0)).toEqual([]);
  });
});

describe('clusters on 3 and 4 Sparks', () => {
  it('a TP=1 model on Spark 1 and a TP=2 cluster on Sparks 2 and 3 run at the same time', async () => {
    const solo = await launch(
      0,
      `--solo -d exec vllm serve ${SMALL} --host 0.0.0.0 --port 8888 --gpu-memory-utilization 0.4`,
    );
    expect(solo.code).toBe(0);
    const pair = await launch(
      1,
      `-n ${C2},${C3} --master-port 29502 -d exec vllm serve ${BIG} --host 0.0.0.0 --port 8888 -tp 2 --gpu-memory-utilization 0.8`,
    );
    expect(pair.code).toBe(0);
    expect(pair.stdout).toContain(`Head Node: ${C2}\nWorker Nodes: ${C3}\n`);
    expect(await logsUntil(2, 'vllm_node', /headless engine core, node rank 1/)).toContain(
      `master ${C2}:29502`,
    );
    await Promise.all([waitForPort(hosts[0] ?? '', 8888, 30_000), waitForPort(hosts[1] ?? '', 8888, 30_000)]);
    expect(await logsUntil(1, 'vllm_node', /Application startup complete/)).toContain("'nnodes': '2'");

    // A second TP=2 whose head is Spark 4 and whose worker shares Spark 3: its own name, port and master port.
    const second = await launch(
      3,
      `-n ${C4},${C3} --name vllm_pair2 --master-port 29503 -d exec vllm serve ${SMALL} --host 0.0.0.0 --port 8890 -tp 2 --gpu-memory-utilization 0.1`,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('already running');
    expect(await logsUntil(2, 'vllm_pair2', /headless engine core, node rank 1/)).toContain(
      `master ${C4}:29503`,
    );
    await waitForPort(hosts[3] ?? '', 8890, 30_000);
    expect(await names(0)).toEqual(['vllm_node']);
    expect(await names(1)).toEqual(['vllm_node']);
    expect(await names(2)).toEqual(['vllm_node', 'vllm_pair2']);
    expect(await names(3)).toEqual(['vllm_pair2', 'vllm_small']);
    expect(await health(1, 8888)).toBe(200);

    expect(await launch(1, `-n ${C2},${C3} stop`)).toMatchObject({ code: 0 });
    expect(await names(2)).toEqual(['vllm_pair2']);
    expect(await health(0, 8888)).toBe(200);
    expect(await health(3, 8890)).toBe(200);
    await launch(3, `-n ${C4},${C3} --name vllm_pair2 stop`);
    expect(await names(2)).toEqual([]);
    await launch(0, '--solo stop');
  });
});
