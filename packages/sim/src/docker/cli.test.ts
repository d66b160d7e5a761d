import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFaults } from '../faults.js';
import { type SparkContext, sparkContext, sparkDirs, writeSimConfig } from '../layout.js';
import { killRegistered, sleep } from '../processes.js';
import { createSandbox } from '../sandbox.js';
import { dockerCommand } from './cli.js';
import { LogIndexer } from './log-index.js';

let root: string;
let spark1: SparkContext;
let spark2: SparkContext;

async function docker(context: SparkContext, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await dockerCommand(context, args, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-docker-'));
  writeSimConfig({
    root,
    memoryReleaseLagMs: 100,
    sparks: ['spark1', 'spark2'].map((id, index) => ({
      id,
      host: `127.0.0.${index + 2}`,
      sshPort: 2222,
      portOffset: 0,
      clusterIp: `192.168.177.${index + 11}`,
      launcher: 'G2' as const,
      ...sparkDirs(root, id),
    })),
  });
  createSandbox(root, 'spark1');
  createSandbox(root, 'spark2');
  spark1 = sparkContext(root, 'spark1');
  spark2 = sparkContext(root, 'spark2');
});

afterAll(async () => {
  await killRegistered(spark1.spark.stateDir, root);
  await killRegistered(spark2.spark.stateDir, root);
  rmSync(root, { recursive: true, force: true });
});

describe('fake docker', () => {
  it('runs an idle vllm-node container and lists it with every ps field as a string', async () => {
    const run = await docker(
      spark1,
      'run',
      '--gpus',
      'all',
      '-d',
      '--rm',
      '--network',
      'host',
      '--ipc=host',
      '--name',
      'vllm_node',
      'vllm-node',
      'sleep',
      'infinity',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const ps = await docker(spark1, 'ps', '--filter', 'name=^vllm_node$', '--format', '{{json .}}');
    expect(ps.code).toBe(0);
    const lines = ps.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual([
      'Command',
      'CreatedAt',
      'ID',
      'Image',
      'Labels',
      'LocalVolumes',
      'Mounts',
      'Names',
      'Networks',
      'Ports',
      'RunningFor',
      'Size',
      'State',
      'Status',
    ]);
    expect(Object.values(row).every((value) => typeof value === 'string')).toBe(true);
    expect(row).toMatchObject({
      Names: 'vllm_node',
      Image: 'vllm-node',
      State: 'running',
      Networks: 'host',
      Command: '"sleep infinity"',
    });
    expect(row.Status).toMatch(/^Up /);
  });

  it('treats --filter name= as an unanchored regex and exits 0 on no match', async () => {
    expect((await docker(spark1, 'ps', '--filter', 'name=vllm', '--format', '{{.Names}}')).stdout).toBe(
      'vllm_node\n',
    );
    const none = await docker(spark1, 'ps', '--filter', 'name=^vllm$', '--format', '{{json .}}');
    expect(none).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('inspects containers, with [] and an error for a missing one', async () => {
    expect(await docker(spark1, 'inspect', '-f', '{{.State.Status}}', 'vllm_node')).toMatchObject({
      code: 0,
      stdout: 'running\n',
    });
    const [object] = JSON.parse((await docker(spark1, 'inspect', 'vllm_node')).stdout) as {
      HostConfig: { AutoRemove: boolean };
      Config: { Image: string };
    }[];
    expect(object?.HostConfig.AutoRemove).toBe(true);
    expect(object?.Config.Image).toBe('vllm-node');
    expect(await docker(spark1, 'inspect', 'nope')).toEqual({
      code: 1,
      stdout: '[]\n',
      stderr: 'Error: No such object: nope\n',
    });
  });

  it('returns the exit code of exec and sends exec -d output to the container log', async () => {
    const result = await docker(spark1, 'exec', 'vllm_node', 'sh', '-c', 'echo inside; exit 4');
    expect(result).toMatchObject({ code: 4, stdout: 'inside\n' });
    expect(
      (
        await docker(
          spark1,
          'exec',
          '-d',
          'vllm_node',
          'bash',
          '-c',
          'echo detached-line >> /proc/1/fd/1 2>&1',
        )
      ).code,
    ).toBe(0);
    let logs = '';
    for (let attempt = 0; attempt < 50 && !logs.includes('detached-line'); attempt++) {
      logs = (await docker(spark1, 'logs', '--tail', '5', 'vllm_node')).stdout;
      await sleep(50);
    }
    expect(logs).toContain('detached-line');
  });

  it('stamps log lines with the time they appeared and filters with --since', async () => {
    const indexer = new LogIndexer(join(spark1.spark.stateDir, 'containers'));
    await docker(spark1, 'exec', 'vllm_node', 'bash', '-c', 'echo old-line >> /proc/1/fd/1');
    indexer.scan(Date.parse('2026-01-01T10:00:00Z'));
    await docker(spark1, 'exec', 'vllm_node', 'bash', '-c', 'echo new-line >> /proc/1/fd/1');
    indexer.scan(Date.parse('2026-01-01T10:05:00Z'));
    const stamped = await docker(spark1, 'logs', '-t', '--tail', '2', 'vllm_node');
    expect(stamped.stdout).toBe(
      '2026-01-01T10:00:00.000000000Z old-line\n2026-01-01T10:05:00.000000000Z new-line\n',
    );
    const since = await docker(spark1, 'logs', '--since', '2026-01-01T10:01:00Z', 'vllm_node');
    expect(since.stdout).toBe('new-line\n');
    expect((await docker(spark1, 'logs', '--since', 'yesterday-ish', 'vllm_node')).code).toBe(1);
  });

  it('follows logs until the container stops; a --rm container is then gone', async () => {
    const follow = docker(spark1, 'logs', '-f', 'vllm_node');
    await docker(spark1, 'exec', '-d', 'vllm_node', 'bash', '-c', 'echo followed >> /proc/1/fd/1');
    await sleep(300);
    expect(await docker(spark1, 'stop', 'vllm_node')).toMatchObject({ code: 0, stdout: 'vllm_node\n' });
    const followed = await follow;
    expect(followed.code).toBe(0);
    expect(followed.stdout).toContain('followed');
    expect(await docker(spark1, 'start', 'vllm_node')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: No such container: vllm_node\n',
    });
    expect(await docker(spark1, 'logs', 'vllm_node')).toMatchObject({
      code: 1,
      stderr: 'Error response from daemon: No such container: vllm_node\n',
    });
    expect((await docker(spark1, 'ps', '-a', '--format', '{{.Names}}')).stdout).toBe('');
  });

  it('keeps a crashed container without --rm as Exited (137) and restarts it', async () => {
    await docker(spark1, 'run', '-d', '--name', 'bot', 'alpine', 'sleep', '300');
    const pid = Number((await docker(spark1, 'inspect', '-f', '{{.State.Pid}}', 'bot')).stdout);
    process.kill(-pid, 'SIGKILL');
    await sleep(200);
    const row = JSON.parse(
      (await docker(spark1, 'ps', '-a', '--filter', 'name=^bot$', '--format', '{{json .}}')).stdout,
    ) as Record<string, string>;
    expect(row.State).toBe('exited');
    expect(row.Status).toMatch(/^Exited \(137\) /);
    expect(await docker(spark1, 'restart', 'bot')).toMatchObject({ code: 0, stdout: 'bot\n' });
    expect((await docker(spark1, 'inspect', '-f', '{{.State.Status}}', 'bot')).stdout).toBe('running\n');
    await docker(spark1, 'rm', '-f', 'bot');
  });

  it('gives image ids that match across Sparks unless a fault changes or removes one', async () => {
    const id1 = await docker(spark1, 'image', 'inspect', '--format', '{{.Id}}', 'vllm-node');
    const id2 = await docker(spark2, 'image', 'inspect', '--format', '{{.Id}}', 'vllm-node');
    expect(id1.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(id2.stdout).toBe(id1.stdout);
    writeFaults(spark2.spark.stateDir, { images: { 'vllm-node': 'sha256:0123' } });
    expect((await docker(spark2, 'image', 'inspect', '--format', '{{.Id}}', 'vllm-node')).stdout).toBe(
      'sha256:0123\n',
    );
    writeFaults(spark2.spark.stateDir, { images: { 'vllm-node': null } });
    expect(await docker(spark2, 'image', 'inspect', '--format', '{{.Id}}', 'vllm-node')).toMatchObject({
      code: 1,
      stdout: '',
    });
    writeFaults(spark2.spark.stateDir, {});
  });

  it('runs compose up with progress on stderr and lists services as JSON Lines', async () => {
    const dir = join(spark2.spark.home, 'bot');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'docker-compose.yml');
    writeFileSync(
      file,
      'services:\n  bot:\n    build: .\n    container_name: bot\n    command: ["sh", "-c", "echo a, b; sleep 300"]\n',
    );
    const up = await docker(spark2, 'compose', '-f', file, 'up', '-d', '--build');
    expect(up.code).toBe(0);
    expect(up.stdout).toBe('');
    expect(up.stderr).toContain('Container bot  Started');
    const ps = await docker(spark2, 'compose', '-f', file, 'ps', '--format', 'json');
    expect(JSON.parse(ps.stdout.trim())).toMatchObject({
      Name: 'bot',
      Service: 'bot',
      State: 'running',
      Project: 'bot',
    });
    const [inspected] = JSON.parse((await docker(spark2, 'inspect', 'bot')).stdout) as {
      Config: { Cmd: string[] };
    }[];
    expect(inspected?.Config.Cmd).toEqual(['sh', '-c', 'echo a, b; sleep 300']);
    // Without -f, compose reads the file of the working directory.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await docker(spark2, 'compose', 'ps', '--format', 'json')).stdout).toContain('"Service":"bot"');
    } finally {
      process.chdir(cwd);
    }
    expect((await docker(spark2, 'compose', '-f', file, 'down')).code).toBe(0);
  });
});
