import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings, type Settings, type SettingsInput } from '@spark-control/schema';
import {
  randomSparkHosts,
  startCluster,
  type SimCluster,
  type StartClusterOptions,
} from '@spark-control/sim';
import { createSshAdapter, type SshAdapter } from '../../src/adapters/ssh/index.js';

export interface SimFixture {
  cluster: SimCluster;
  ssh: SshAdapter;
  dataDir: string;
  /** Settings pointing at the simulated Sparks, with `extra` merged in. */
  settings(extra?: Partial<SettingsInput>): Settings;
  close(): Promise<void>;
}

/**
 * Simulated Sparks that trust a fresh controller key, for tests that go through the real SSH
 * adapter. Fast timings unless the test asks otherwise.
 */
export async function startSimFixture(options: Partial<StartClusterOptions> = {}): Promise<SimFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-sim-test-'));
  const ssh = await createSshAdapter({ dataDir, connectTimeoutMs: 5000 });
  // A loopback /24 of its own for each test file, so clusters of parallel files never collide.
  const hosts = options.hosts ?? randomSparkHosts(options.sparks ?? 2);
  const cluster = await startCluster({
    hosts,
    services: false,
    cloud: false,
    control: false,
    memoryReleaseLagMs: 200,
    loadDelayMs: 300,
    tokenDelayMs: 1,
    launcherSettleMs: 200,
    rendezvousTimeoutMs: 30_000,
    ...options,
    authorizedKeys: [ssh.key.publicKey(), ...(options.authorizedKeys ?? [])],
  });
  return {
    cluster,
    ssh,
    dataDir,
    settings: (extra = {}) => {
      const result = parseSettings({
        sparks: cluster.sparks.map((spark) => ({
          id: spark.id,
          host: spark.host,
          sshPort: spark.sshPort,
          sshUser: 'spark',
        })),
        ...extra,
      });
      if (!result.success) throw new Error(result.errors.join('; '));
      return result.settings;
    },
    close: async () => {
      ssh.pool.closeAll();
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
