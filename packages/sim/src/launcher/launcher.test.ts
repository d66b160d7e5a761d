import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from '../cluster.js';
import { sleep } from '../processes.js';
import { randomSparkHosts, sshExec } from '../ssh-testing.js';

// The behaviours of the real spark-vllm-docker launcher that a controller depends on
// (contracts/spark-vllm-docker.md, "Checked against the real launcher").

const PASSWORD = 'pw';
const C1 = '192.168.177.11';
const C2 = '192.168.177.12';
const MODEL = 'Qwen/Qwen3-30B-A3B-FP8';
const LOCAL = '/models/qwen3-8b-finetune';
let root: string;
let sim: SimCluster;
let h1: string;
let h2: string;
let home1: string;
let home2: string;

const on = (host: string, command: string, options: Parameters<typeof sshExec>[4] = {}) =>
  sshExec(host, 2222, command, { password: PASSWORD }, options);
const launch = (args: string, env = '') => on(h1, `${env} ./spark-vllm-docker/launch-cluster.sh ${args}`);
const names = (host: string) =>
  on(host, "docker ps -a --format '{{.Names}}'").then((result) => result.stdout.split('\n').filter(Boolean));
const mountSources = async (host: string, name = 'vllm_node') => {
  const inspect = await on(host, `docker inspect ${name}`);
  const [record] = JSON.parse(inspect.stdout) as { Mounts: { Source: string }[] }[];
  return (record?.Mounts ?? []).map((mount) => mount.Source);
};
const logsUntil = async (host: string, pattern: RegExp) =>
  (await on(host, 'docker logs -f vllm_node', { until: (stdout) => pattern.test(stdout) })).stdout;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sim-launcher-'));
  [h1 = '', h2 = ''] = randomSparkHosts(2);
  sim = await startCluster({
    root,
    hosts: [h1, h2],
    password: PASSWORD,
    services: false,
    cloud: false,
    control: false,
    loadDelayMs: 200,
    tokenDelayMs: 1,
    memoryReleaseLagMs: 100,
    launcherSettleMs: 100,
    rendezvousTimeoutMs: 60_000,
  });
  home1 = sim.sparks[0]?.home ?? '';
  home2 = sim.sparks[1]?.home ?? '';
});

afterEach(async () => {
  for (const spark of sim.sparks) await sim.control.clearFaults(spark.id);
  sim.control.setLauncher('spark1', 'G2');
  rmSync(join(home1, 'spark-vllm-docker', '.env'), { force: true });
  for (const host of [h1, h2]) await on(host, 'docker stop vllm_node; docker rm -f vllm_node; true');
});

afterAll(async () => {
  await sim.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the simulated launch-cluster.sh follows the real launcher', () => {
  it('compares -n literally with the ConnectX address its fake `ip` reports, for launches and stops', async () => {
    const ip = await on(h1, 'ip -o -f inet addr show enp1s0f0np0; ibdev2netdev');
    expect(ip.stdout).toContain(`enp1s0f0np0    inet ${C1}/24`);
    expect(ip.stdout).toContain('rocep1s0f0 port 1 ==> enp1s0f0np0 (Up)');
    for (const action of [`-d exec vllm serve ${MODEL} -tp 2`, 'stop']) {
      const result = await launch(`-n ${h1},${h2} ${action}`);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`Error: Local IP (${C1}) is not in the list of nodes (${h1},${h2}).`);
    }
    expect(await names(h1)).toEqual([]);
  });

  it('cannot detect its interfaces when the ConnectX link is down', async () => {
    await sim.control.setFaults('spark1', { cx7LinkDown: true });
    expect((await on(h1, 'ip -br addr show enp1s0f0np0')).stdout).toMatch(
      /^enp1s0f0np0\s+DOWN\s+192\.168\.177\.11\/24/,
    );
    const result = await launch(`-n ${C1},${C2} stop`);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout).toContain('Error: No active IB interfaces found.');
  });

  it('lets .env CONTAINER_NAME replace a --name that equals the default, not another one', async () => {
    writeFileSync(
      join(home1, 'spark-vllm-docker', '.env'),
      'CONTAINER_NAME=vllm_custom\nMASTER_PORT=29600\n',
    );
    const result = await launch('--name vllm_node --solo -d exec true');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Container Name: vllm_custom');
    expect(await names(h1)).toEqual(['vllm_custom']);
    await on(h1, 'docker stop vllm_custom');
    const own = await launch('--name mine --solo -d exec true');
    expect(own.stdout).toContain('Container Name: mine');
    expect(await names(h1)).toEqual(['mine']);
    await on(h1, 'docker stop mine');
  });

  it('reports a solo -d exec dispatched and exits 0 although docker run failed', async () => {
    await sim.control.setFaults('spark1', { images: { 'vllm-node': null } });
    const missing = await launch(`--solo -d exec vllm serve ${MODEL}`);
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain('Command dispatched in background (Daemon mode). Container: vllm_node');
    expect(missing.stderr).toContain('pull access denied for vllm-node');
    expect(await names(h1)).toEqual([]);

    await sim.control.clearFaults('spark1');
    await on(h1, 'docker run -d --name vllm_node vllm-node true');
    await sleep(300);
    const conflict = await launch(`--solo -d exec vllm serve ${MODEL}`);
    expect(conflict.code).toBe(0);
    expect(conflict.stderr).toContain('Conflict. The container name "/vllm_node" is already in use');
  });

  it("mounts the head's paths on the worker; a model missing there fails only in the worker's log", async () => {
    // The head's HF_HOME, not the worker's default cache, is what the worker mounts.
    writeFileSync(join(home1, '.ssh', 'environment'), `HF_HOME=${join(home1, 'hf-elsewhere')}\n`);
    const mount = `VLLM_SPARK_EXTRA_DOCKER_ARGS="-v $HOME/models/qwen3-8b-finetune:${LOCAL}:ro"`;
    const ok = await launch(`-n ${C1},${C2} -d exec vllm serve ${LOCAL} --port 8888 -tp 2`, mount);
    rmSync(join(home1, '.ssh', 'environment'), { force: true });
    expect(ok.code).toBe(0);
    // Each sandbox home stands for the same /home/spark path on every Spark.
    expect(await mountSources(h2)).toEqual(
      expect.arrayContaining([join(home2, 'models/qwen3-8b-finetune'), join(home2, 'hf-elsewhere')]),
    );
    expect(await logsUntil(h1, /Application startup complete/)).toContain('Application startup complete.');
    await launch(`-n ${C1},${C2} stop`);

    rmSync(join(home2, 'models', 'qwen3-8b-finetune'), { recursive: true, force: true });
    const broken = await launch(`-n ${C1},${C2} -d exec vllm serve ${LOCAL} --port 8888 -tp 2`, mount);
    expect(broken.code).toBe(0);
    const worker = await logsUntil(h2, /Invalid repository ID/);
    expect(worker).toContain(`ValueError: Invalid repository ID or local directory specified: '${LOCAL}'.`);
    await sleep(1000);
    const head = (await on(h1, 'docker logs vllm_node')).stdout;
    expect(head).not.toContain('Invalid repository ID');
    expect(head).not.toContain('Application startup complete.');
    // Docker made the missing directory, as root.
    expect(existsSync(join(home2, 'models', 'qwen3-8b-finetune'))).toBe(true);
  });

  it('honours HF_HOME for the Hugging Face cache; weights vLLM downloads are root-owned', async () => {
    const cache = join(home1, 'hf-elsewhere');
    writeFileSync(join(home1, '.ssh', 'environment'), `HF_HOME=${cache}\n`);
    try {
      const model = 'Qwen/Qwen3-0.6B';
      expect((await launch(`--solo -d exec vllm serve ${model} --port 8888`)).code).toBe(0);
      expect(await mountSources(h1)).toContain(cache);
      await logsUntil(h1, /Application startup complete/);
      await launch('--solo stop');
      const weights = `${cache}/hub/models--Qwen--Qwen3-0.6B`;
      const denied = await on(h1, `rm -rf ${weights}`);
      expect(denied.code).toBe(1);
      expect(denied.stderr).toContain(`rm: cannot remove '${weights}/refs/main': Permission denied`);
      expect(existsSync(weights)).toBe(true);
      const asRoot = await on(
        h1,
        `docker run --rm -v ${cache}/hub:/hub --entrypoint= vllm-node rm -rf /hub/models--Qwen--Qwen3-0.6B`,
      );
      expect(asRoot.code).toBe(0);
      expect(existsSync(weights)).toBe(false);
    } finally {
      rmSync(join(home1, '.ssh', 'environment'), { force: true });
    }
  });

  it('decides reuse on the head and the workers: a leftover worker container breaks a TP=2 exec', async () => {
    await on(h2, 'docker run -d --rm --name vllm_node vllm-node sleep infinity');
    const result = await launch(`-n ${C1},${C2} -d exec vllm serve ${MODEL} -tp 2`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Warning: Container 'vllm_node' is already running on worker node (${C2}).`,
    );
    expect(result.stdout).toContain('Cluster containers are already running. Skipping launch.');
    expect(result.stderr).toContain("Error: failed to start the command inside container 'vllm_node'.");
  });

  it('needs passwordless SSH from the head to the worker', async () => {
    await sim.control.setFaults('spark2', { refuseNodeKeys: true });
    const result = await launch(`-n ${C1},${C2} -d exec vllm serve ${MODEL} -tp 2`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Error: Passwordless SSH to ${C2} failed.`);
    expect(await names(h1)).toEqual([]);
  });

  it('G1 has no --solo: G2 flags become the command after Ray started on the peers; start -d then exec works', async () => {
    sim.control.setLauncher('spark1', 'G1');
    const help = await launch('--help');
    expect(help.code).toBe(1);
    expect(help.stdout).toMatch(/^Usage: /);
    expect(help.stdout).not.toContain('--solo');

    const wrong = await launch(`--solo -d exec vllm serve ${MODEL}`);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain(`Starting Worker Node on ${C2}...`);
    expect(wrong.stdout).toContain('Cluster head is responsive.');
    expect(wrong.stderr).toContain('bash: --: invalid option');
    expect(wrong.stdout).toContain('Cluster stopped.');
    expect(await names(h1)).toEqual([]);

    const started = await launch(`-n ${C1} start -d`);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain('Cluster started in background (Daemon mode).');
    expect(await mountSources(h1)).toContain(join(home1, '.cache/huggingface'));
    const exec = await on(
      h1,
      `docker exec -d vllm_node bash -i -c 'vllm serve ${MODEL} --port 8888 >> /proc/1/fd/1 2>&1'`,
    );
    expect(exec.code).toBe(0);
    const logs = await logsUntil(h1, /Application startup complete/);
    expect(logs).toContain('Starting Ray HEAD node...');
    expect(logs).toContain('Application startup complete.');
    const stopped = await launch(`-n ${C1} stop`);
    expect(stopped.stdout).toContain('Cluster stopped.');
  });
});
