import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, runAction } from './support/bundle.js';
import { validInput } from './support/input.js';
import { startServer, type RunningServer } from './support/server.js';

const bundle = loadBundle();
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'startos-roundtrip-'));
  // The action writes where the server reads: the same directory plays the main volume.
  process.env.SPARK_CONTROL_STARTOS_VOLUME = dataDir;
  server = await startServer(dataDir);
}, 180_000);

afterAll(async () => {
  delete process.env.SPARK_CONTROL_STARTOS_VOLUME;
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function currentSettings(): Promise<{ settings: Settings; errors: string[] }> {
  const response = await fetch(`${server.url}/api/settings`, {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { settings: Settings; errors: string[] };
}

async function waitForSettings(check: (settings: Settings) => boolean): Promise<Settings> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { settings } = await currentSettings();
    if (check(settings)) return settings;
    if (Date.now() > deadline) throw new Error(`settings never applied: ${JSON.stringify(settings)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Configure Sparks → settings.json → the running server', () => {
  it('applies the new hosts, vLLM port, container and hidden services without a restart', async () => {
    const pid = server.process.pid;
    expect((await currentSettings()).settings.sparks).toEqual([]);

    await runAction(bundle, 'configure-sparks', validInput());
    const applied = await waitForSettings((settings) => settings.sparks.length === 2);
    expect(applied.sparks.map((spark) => spark.host)).toEqual(['10.0.0.11', 'spark2.lan']);
    expect(applied.vllm.port).toBe(8001);
    expect(applied.vllm.container).toBe('vllm_main');
    expect(applied.disabledServices).toEqual(['kokoro']);
    expect(applied.reasoning.nvidiaApiKey).toBe('********');
    expect(applied.vllm.hfToken).toBe('********');
    expect(applied.sparks.map((spark) => spark.clusterIp)).toEqual(['192.168.177.11', '']);

    const changed = validInput({
      sparks: [{ ...validInput().sparks[0]!, host: '10.0.0.99' }],
      vllm: { ...validInput().vllm, port: 9000, container: 'vllm_b' },
      hiddenServices: ['qdrant', 'embeddings'],
      bot: { ...validInput().bot, sparkId: null },
    });
    await runAction(bundle, 'configure-sparks', changed);
    const second = await waitForSettings((settings) => settings.vllm.port === 9000);
    expect(second.sparks.map((spark) => spark.host)).toEqual(['10.0.0.99']);
    expect(second.vllm.container).toBe('vllm_b');
    expect(second.disabledServices).toEqual(['qdrant', 'embeddings']);

    expect(server.process.exitCode).toBeNull();
    expect(server.process.pid).toBe(pid);
  });

  it('keeps the running settings when the form is refused', async () => {
    const before = await currentSettings();
    await expect(
      runAction(
        bundle,
        'configure-sparks',
        validInput({ vllm: { ...validInput().vllm, container: 'x;rm -rf /' } }),
      ),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const after = await currentSettings();
    expect(after.settings).toEqual(before.settings);
    expect(after.errors).toEqual([]);
  });

  it('sets an admin password the server accepts at the next sign-in', async () => {
    const login = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ password }),
      });
    await runAction(bundle, 'set-admin-password', { password: 'correct horse battery staple' });
    expect((await login('correct horse battery staple')).status).toBe(200);
    expect((await login('not the password')).status).toBe(401);

    const result = (await runAction(bundle, 'set-admin-password', { password: null })) as {
      result: { value: string };
    };
    expect((await login(result.result.value)).status).toBe(200);
    expect((await login('correct horse battery staple')).status).toBe(401);
  });
});
