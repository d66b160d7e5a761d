import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SparkHardware } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type SimCluster } from '@spark-control/sim';
import { createSshAdapter, type SshAdapter } from '../../adapters/ssh/index.js';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { healthFixture, type HealthFixture } from '../health/testing.js';
import { SparkInspector } from './hardware.js';
import { HardwareHistory } from './history-sampler.js';
import { SparkHistoryStore } from './history-store.js';
import { SparkKeys } from './keys.js';
import { SparkProbes } from './probe.js';

const HOSTS = ['127.0.43.2', '127.0.43.3'];
const PASSWORD = 'tr0ub4dor-&-3-sim-password';

/** Every file under `dir`, as raw bytes decoded leniently (PGlite pages included). */
async function everyFile(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out.push({ file, text: (await readFile(file)).toString('latin1') });
  }
  return out;
}

describe('Spark hardware cards and SSH key copy against the simulated Sparks', () => {
  let sim: SimCluster;
  let t: HealthFixture;
  let ssh: SshAdapter;
  let api: TestApp;
  let inspector: SparkInspector;

  beforeAll(async () => {
    sim = await startCluster({
      hosts: HOSTS,
      sshPort: 0,
      password: PASSWORD,
      services: false,
      control: false,
      cloud: false,
    });
    t = await healthFixture(
      {
        sparks: sim.sparks.map((spark) => ({ id: spark.id, host: spark.host, sshPort: spark.sshPort })),
      },
      { databaseOnDisk: true },
    );
    ssh = await createSshAdapter({ dataDir: t.dir, log: t.log, connectTimeoutMs: 5000 });
    inspector = new SparkInspector({
      pool: ssh.pool,
      settings: t.settings,
      probes: new SparkProbes({ pool: ssh.pool, settings: t.settings, maxAgeMs: 0 }),
      cacheMs: 0,
      timeoutMs: 10_000,
    });
    const keys = new SparkKeys({ ssh, settings: t.settings });
    const history = new HardwareHistory({
      inspector,
      store: new SparkHistoryStore(t.db),
      settings: t.settings,
      log: t.log,
      now: () => new Date(),
    });
    api = await buildTestApp({
      db: t.db,
      log: t.log,
      services: { inspector, keys, hardwareHistory: history },
    });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    ssh?.pool.closeAll();
    await t?.close();
    await sim?.stop();
  });

  it('shows the controller public key and its fingerprint', async () => {
    const response = await api.app.request('/api/ssh/key', { headers: api.bearer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { publicKey: string; fingerprint: string };
    expect(body.publicKey).toMatch(/^ssh-ed25519 \S+ spark-control$/);
    expect(body.fingerprint).toBe(ssh.key.fingerprint());
  });

  it('reports a Spark unreachable by key before the key is copied', async () => {
    const response = await api.app.request('/api/sparks', { headers: api.bearer });
    const { sparks } = (await response.json()) as { sparks: SparkHardware[] };
    expect(sparks[0]?.ssh).toMatchObject({ reachable: false });
    expect(sparks[0]?.ssh.error).toContain('rejected');
  });

  it('refuses the copy without the control scope and with a wrong password', async () => {
    const gatewayOnly = await api.tokenWith(['gateway']);
    const denied = await api.app.request('/api/sparks/spark1/copy-key', {
      method: 'POST',
      headers: { ...gatewayOnly, 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD }),
    });
    expect(denied.status).toBe(403);
    const wrong = await api.app.request('/api/sparks/spark1/copy-key', {
      method: 'POST',
      headers: { ...api.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'not-the-password' }),
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
      'rejected the password',
    );
  });

  it('copies the key with a password, then key login works and the hardware card fills in', async () => {
    for (const spark of sim.sparks) {
      const response = await api.app.request(`/api/sparks/${spark.id}/copy-key`, {
        method: 'POST',
        headers: { ...api.bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ password: PASSWORD }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toMatchObject({ sparkId: spark.id, added: true, keyLogin: true });
    }
    const authorized = await readFile(join(sim.sparks[0]?.home ?? '', '.ssh', 'authorized_keys'), 'utf8');
    expect(authorized).toContain(ssh.key.publicKey());

    const response = await api.app.request('/api/sparks?fresh=1', { headers: api.bearer });
    const { sparks } = (await response.json()) as { sparks: SparkHardware[] };
    const [first, second] = sparks;
    expect(first?.ssh).toMatchObject({ reachable: true, error: null });
    expect(first?.ssh.latencyMs).toEqual(expect.any(Number));
    // The simulated GB10: 125034288 kB of unified memory.
    expect(first?.memory?.totalBytes).toBe(125_034_288 * 1024);
    expect(first?.memory?.usedBytes).toBeGreaterThan(0);
    expect(first?.gpu).toMatchObject({ name: 'NVIDIA GB10', utilizationPct: 0, temperatureC: 38 });
    expect(first?.disk?.freeBytes).toBeGreaterThan(0);
    expect(first?.wireguard).toEqual({ interface: 'wg0', address: '10.8.0.1/24' });
    expect(first?.uptimeSec).toBeGreaterThan(0);
    expect(second?.ssh.reachable).toBe(true);
    expect(second?.wireguard).toBeNull();
    // The ConnectX address the launcher compares -n with, and the launcher the card found.
    expect(first).toMatchObject({
      clusterIp: '192.168.177.11',
      clusterIpProblem: null,
      launcher: { generation: 'G2', path: '~/spark-vllm-docker/launch-cluster.sh' },
    });
    expect(second?.clusterIp).toBe('192.168.177.12');
  });

  it('shows the launcher generation and a cluster address that is not on the Spark', async () => {
    sim.control.setLauncher('spark2', 'G1');
    await sim.control.setFaults('spark1', { cx7LinkDown: true });
    await t.updateSettings({
      sparks: sim.sparks.map((spark, index) => ({
        id: spark.id,
        host: spark.host,
        sshPort: spark.sshPort,
        ...(index === 1 ? { clusterIp: '10.9.9.9' } : {}),
      })),
    });
    try {
      const response = await api.app.request('/api/sparks?fresh=1', { headers: api.bearer });
      const [first, second] = ((await response.json()) as { sparks: SparkHardware[] }).sparks;
      expect(first?.clusterIp).toBeNull();
      expect(first?.clusterIpProblem).toMatch(/ConnectX link of spark1 is down \(enp1s0f0np0/);
      expect(second?.launcher?.generation).toBe('G1');
      expect(second?.clusterIp).toBeNull();
      expect(second?.clusterIpProblem).toMatch(
        /^10\.9\.9\.9 is not an address of spark2 \(it has .*192\.168\.177\.12 on enp1s0f0np0/,
      );
    } finally {
      sim.control.setLauncher('spark2', 'G2');
      await sim.control.clearFaults('spark1');
    }
  });

  it('leaves the password nowhere on disk and nowhere in the log', async () => {
    const files = await everyFile(t.dir);
    expect(files.length).toBeGreaterThan(3);
    // The check can see the database: the audit row of the copy is on disk.
    expect(files.some(({ text }) => text.includes('/api/sparks/spark1/copy-key'))).toBe(true);
    expect(files.filter(({ text }) => text.includes(PASSWORD)).map(({ file }) => file)).toEqual([]);
    expect(t.logs.lines.length).toBeGreaterThan(0);
    expect(t.logs.lines.filter((line) => line.includes(PASSWORD))).toEqual([]);
    // The audit trail has the calls, without the body.
    const audit = await api.audit.recent(50);
    expect(audit.some((entry) => entry.target === '/api/sparks/spark1/copy-key')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });
});
