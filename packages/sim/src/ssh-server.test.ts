import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startCluster } from './cluster.js';
import { GB10_MEM_TOTAL_KB } from './memory.js';
import { isAlive, simProcesses, sleep } from './processes.js';
import { generateEd25519 } from './sandbox.js';
import { randomSparkHosts, sshExec } from './ssh-testing.js';

const { Client } = ssh2;
const PASSWORD = 'spark-sim-password';
const userKey = generateEd25519();
let root: string;
let sim: SimCluster;
let host: string;
let port: number;
const password = { password: PASSWORD };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sim-ssh-'));
  sim = await startCluster({
    root,
    hosts: randomSparkHosts(1),
    sparks: 1,
    password: PASSWORD,
    authorizedKeys: [userKey.public],
    services: false,
    cloud: false,
    control: false,
  });
  const [spark] = sim.sparks;
  host = spark?.host ?? '';
  port = spark?.sshPort ?? 0;
});

afterAll(async () => {
  await sim.stop();
  rmSync(root, { recursive: true, force: true });
});

function hostKeyOf(sshPort: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.on('error', reject);
    client.connect({
      host,
      port: sshPort,
      username: 'spark',
      password: PASSWORD,
      hostVerifier: (key: Buffer) => {
        resolve(key.toString('base64'));
        client.end();
        return false;
      },
    });
  });
}

describe('simulated SSH server', () => {
  it('runs commands through /bin/sh in the sandbox home and reports exit codes', async () => {
    const result = await sshExec(
      host,
      port,
      'echo out; echo err >&2; pwd; test "$HOME" = "$(pwd)" && exit 7',
      password,
    );
    expect(result.code).toBe(7);
    expect(result.stdout).toBe(`out\n${sim.sparks[0]?.home}\n`);
    expect(result.stderr).toBe('err\n');
  });

  it('streams output as it is produced', async () => {
    const result = await sshExec(host, port, 'echo first; sleep 1; echo second', password);
    const first = result.chunks.find((chunk) => chunk.text.includes('first'));
    const second = result.chunks.find((chunk) => chunk.text.includes('second'));
    expect(first && second && second.at - first.at).toBeGreaterThanOrEqual(700);
  });

  it('reports a signal death as an exit signal', async () => {
    const result = await sshExec(host, port, 'kill -TERM $$', password);
    // The wire carries "TERM" (RFC 4254); ssh2's client adds the SIG prefix.
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('accepts an authorized key and rejects wrong credentials', async () => {
    expect((await sshExec(host, port, 'echo key', { privateKey: userKey.private })).stdout).toBe('key\n');
    const stranger = generateEd25519();
    expect((await sshExec(host, port, 'true', { privateKey: stranger.private })).error?.message).toMatch(
      /authentication/i,
    );
    expect((await sshExec(host, port, 'true', { password: 'wrong' })).error?.message).toMatch(
      /authentication/i,
    );
  });

  it('has the fakes on PATH and a GB10 meminfo in place of /proc/meminfo', async () => {
    const gpu = await sshExec(
      host,
      port,
      'nvidia-smi --query-gpu=name,memory.total --format=csv,noheader',
      password,
    );
    expect(gpu.stdout).toBe('NVIDIA GB10, [N/A]\n');
    const ip = await sshExec(host, port, 'ip -j addr', password);
    const interfaces = JSON.parse(ip.stdout) as { ifname: string; addr_info: { local: string }[] }[];
    expect(interfaces.find((entry) => entry.ifname === 'wg0')?.addr_info[0]?.local).toBe('10.8.0.1');
    expect(interfaces.some((entry) => entry.addr_info.some((info) => info.local === host))).toBe(true);
    const meminfo = await sshExec(host, port, 'grep MemTotal /proc/meminfo', password);
    expect(meminfo.stdout).toBe(`MemTotal:       ${GB10_MEM_TOTAL_KB} kB\n`);
  });

  it('kills the command when the client goes away', async () => {
    const pid = await new Promise<number>((resolve, reject) => {
      const client = new Client();
      client.on('error', reject);
      client.on('ready', () =>
        client.exec('sleep 300 & echo $!; wait', (error, channel) => {
          if (error) return reject(error);
          channel.on('data', (chunk: Buffer) => {
            resolve(Number(chunk.toString('utf8').trim()));
            client.end();
          });
        }),
      );
      client.connect({ host, port, username: 'spark', password: PASSWORD });
    });
    expect(isAlive(pid)).toBe(true);
    for (let attempt = 0; attempt < 60 && isAlive(pid); attempt++) await sleep(50);
    expect(isAlive(pid)).toBe(false);
  });

  it('keeps its host key across restarts, drops old containers, serves an initial model', async () => {
    const before = await hostKeyOf(port);
    expect((await sshExec(host, port, 'docker run -d --name bot alpine sleep 300', password)).code).toBe(0);
    await sim.stop();
    expect(simProcesses(root)).toEqual([]);
    sim = await startCluster({
      root,
      hosts: [host],
      sparks: 1,
      password: PASSWORD,
      services: false,
      cloud: false,
      control: false,
      loadDelayMs: 100,
      initialModel: { model: 'BAAI/bge-m3', port: 8888 },
    });
    expect(await hostKeyOf(port)).toBe(before);
    // The initial model is served once startCluster resolves.
    const models = (await (await fetch(`http://${host}:8888/v1/models`)).json()) as {
      data: { id: string }[];
    };
    expect(models.data[0]?.id).toBe('BAAI/bge-m3');
    // Containers of the earlier run are gone, like after a reboot of the Spark.
    expect((await sshExec(host, port, 'docker ps -a --format {{.Names}}', password)).stdout).toBe(
      'vllm_node\n',
    );
  });
});
