import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, waitForPort } from './cluster.js';
import { isAlive, signalGroup, simProcesses, sleep } from './processes.js';
import { randomSparkHosts } from './ssh-testing.js';

const CLI = join(import.meta.dirname, 'cli.ts');
const roots: string[] = [];

function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'sim-lifetime-'));
  roots.push(root);
  return root;
}

/** The CLI, owner of a simulation, in a process of its own; resolves once it printed what runs where. */
async function startOwner(
  root: string,
  hosts: string[],
): Promise<{ owner: ChildProcessWithoutNullStreams; ports: [string, number][] }> {
  const owner = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      '--root',
      root,
      ...hosts.flatMap((host) => ['--host', host]),
      '--ssh-port',
      '0',
      '--control-port',
      '0',
      '--cloud-port',
      '0',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  owner.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  owner.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.trimEnd().endsWith('}')) {
    if (Date.now() > deadline || owner.exitCode !== null)
      throw new Error(`the CLI did not start:\n${output}`);
    await sleep(50);
  }
  const printed = JSON.parse(output) as {
    sparks: { host: string; sshPort: number; services: Record<string, number> }[];
  };
  const ports = printed.sparks.flatMap((spark): [string, number][] => [
    [spark.host, spark.sshPort],
    ...Object.values(spark.services).map((port): [string, number] => [spark.host, port]),
  ]);
  for (const [host, port] of ports) await waitForPort(host, port, 30_000);
  return { owner, ports };
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function accepts(host: string, port: number): Promise<boolean> {
  return waitForPort(host, port, 0).then(
    () => true,
    () => false,
  );
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    for (const pid of simProcesses(root)) signalGroup(pid, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  }
});

describe('a simulation never outlives the program that started it', () => {
  it('is reaped when its owner is SIGKILLed, services, ports and reaper included', async () => {
    const root = newRoot();
    const { owner, ports } = await startOwner(root, randomSparkHosts(2));
    expect(simProcesses(root).length).toBeGreaterThanOrEqual(6);
    owner.kill('SIGKILL');
    await expect.poll(() => simProcesses(root), { timeout: 20_000, interval: 100 }).toEqual([]);
    for (const [host, port] of ports) expect(await accepts(host, port), `${host}:${port}`).toBe(false);
    expect(readFileSync(join(root, 'reaper.log'), 'utf8')).toContain('owner gone');
  }, 90_000);

  it('a new start on the same root stops whatever an earlier run left running', async () => {
    const root = newRoot();
    const hosts = randomSparkHosts(2);
    const { owner } = await startOwner(root, hosts);
    // An owner and its reaper both killed outright (or a run from before the reaper): nobody cleaned up.
    signalGroup(Number(readFileSync(join(root, 'reaper.pid'), 'utf8')), 'SIGKILL');
    owner.kill('SIGKILL');
    await sleep(500);
    const leftovers = simProcesses(root);
    expect(leftovers.length).toBeGreaterThanOrEqual(6);

    const sim = await startCluster({ root, fresh: true, hosts, sshPort: 0, control: false, cloud: false });
    try {
      expect(leftovers.filter(isAlive)).toEqual([]);
      expect(Object.keys(sim.sparks[1]?.services ?? {})).toContain('parakeet');
    } finally {
      await sim.stop();
    }
    expect(simProcesses(root)).toEqual([]);
  }, 90_000);

  it('an aborted start-up stops what it had started and rejects with the reason', async () => {
    const root = newRoot();
    const startup = new AbortController();
    const starting = startCluster({
      root,
      hosts: randomSparkHosts(2),
      sshPort: 0,
      control: { port: 0 },
      cloud: { port: 0 },
      // A model that takes long to load keeps start-up waiting for its port.
      initialModel: { model: 'Qwen/Qwen3-30B-A3B-FP8' },
      loadDelayMs: 60_000,
      signal: startup.signal,
    });
    // Abort once the first simulated service (the cloud endpoint) runs.
    const deadline = Date.now() + 60_000;
    while (!simProcesses(root).some((pid) => commandLine(pid).includes('run.mjs'))) {
      if (Date.now() > deadline) throw new Error('no simulated service started');
      await sleep(20);
    }
    startup.abort(new Error('stopped by the test'));
    await expect(starting).rejects.toThrow('stopped by the test');
    expect(simProcesses(root)).toEqual([]);
  }, 90_000);
});
