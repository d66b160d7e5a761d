import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, runAction } from './support/bundle.js';
import { replace, validInput } from './support/input.js';
import { freePort, startServer, type RunningServer } from './support/server.js';
import { ClusterWatch, type OwnerNotice } from '../lib/cluster-watch.js';
import { ServerClient, writeServerLink } from '../lib/server-link.js';
import { watchText } from '../lib/watch-text.js';

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

const headers = (): Record<string, string> => ({ Authorization: `Bearer ${server.token}` });

async function currentSettings(): Promise<{ settings: Settings; errors: string[] }> {
  const response = await fetch(`${server.url}/api/settings`, { headers: headers() });
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
    expect(applied.vllm.hfToken).toBe('');

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

  it('applies the advanced, privacy, cluster and token fields the same way', async () => {
    const base = validInput();
    await runAction(
      bundle,
      'configure-sparks',
      validInput({
        sparks: [{ ...base.sparks[0]!, clusterIp: '192.168.177.11' }],
        bot: { ...base.bot, sparkId: null },
        vllm: { ...base.vllm, hfToken: replace('hf_round_trip_token') },
        privacy: { localNameCheck: true, localNameCheckBudgetMs: 900 },
        advanced: {
          ports: { parakeet: 9100, kokoro: 9101, embeddings: 9102, qdrant: 9103 },
          swap: { readyTimeoutSec: 600, rollback: false, modelRoots: ['/data/models'] },
          gateway: {
            queueSize: 5,
            maxWaitSec: 30,
            upstreamTimeoutSec: 90,
            swapOnRequest: true,
            minResidencySec: 60,
            idleUnloadSec: 1800,
            modelPolicies: [{ modelId: 'qwen3-30b-a3b', pin: true, idleUnloadSec: null }],
          },
          monitorIntervalSec: 7,
          monitorDownAfterProbes: 4,
          monitorDownAfterSec: 20,
          timeZone: 'Europe/Berlin',
          reasoningBaseUrl: 'http://127.0.0.1:9/v1',
        },
      }),
    );
    const applied = await waitForSettings((settings) => settings.monitor.intervalSec === 7);
    expect(applied.monitor).toEqual({ intervalSec: 7, downAfterProbes: 4, downAfterSec: 20 });
    expect(applied.sparks[0]?.clusterIp).toBe('192.168.177.11');
    expect(applied.vllm).toMatchObject({
      hfToken: '********',
      readyTimeoutSec: 600,
      rollback: false,
      modelRoots: ['/data/models'],
    });
    expect(applied.ports).toEqual({ parakeet: 9100, kokoro: 9101, embeddings: 9102, qdrant: 9103 });
    expect(applied.gateway).toEqual({
      queueSize: 5,
      maxWaitSec: 30,
      upstreamTimeoutSec: 90,
      swapOnRequest: true,
      minResidencySec: 60,
      idleUnloadSec: 1800,
      modelPolicies: [{ modelId: 'qwen3-30b-a3b', pin: true }],
    });
    expect(applied.privacy).toEqual({ localNameCheck: true, localNameCheckBudgetMs: 900 });
    expect(applied.reasoning.baseUrl).toBe('http://127.0.0.1:9/v1');
    expect(applied.timeZone).toBe('Europe/Berlin');
    const raw = JSON.stringify(
      await (await fetch(`${server.url}/api/settings`, { headers: headers() })).json(),
    );
    expect(raw).not.toContain('hf_round_trip_token');
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
    await runAction(bundle, 'reset-admin-password', { password: 'correct horse battery staple' });
    expect((await login('correct horse battery staple')).status).toBe(200);
    expect((await login('not the password')).status).toBe(401);

    const result = (await runAction(bundle, 'reset-admin-password', { password: null })) as {
      result: { value: string };
    };
    expect((await login(result.result.value)).status).toBe(200);
    expect((await login('correct horse battery staple')).status).toBe(401);
  });
});

describe('the package and the running server', () => {
  it('creates an API token with the chosen scopes through the package credential', async () => {
    await writeServerLink({ url: server.url, token: server.token });
    const result = (await runAction(bundle, 'create-api-token', {
      name: 'open-webui',
      scopes: ['gateway'],
    })) as {
      result: { value: string; masked: boolean; copyable: boolean };
    };
    expect(result.result).toMatchObject({ masked: true, copyable: true });
    const token = result.result.value;
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ kind: 'token', scopes: ['gateway'] });
    const settings = await fetch(`${server.url}/api/settings`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(settings.status).toBe(403);
    await expect(runAction(bundle, 'create-api-token', { name: ' ', scopes: ['gateway'] })).rejects.toThrow(
      /Spark Control refused: name: must not be blank/,
    );
  });

  it('reports a Spark that does not answer in its own health check, and notifies the owner once', async () => {
    const closedPort = await freePort();
    await runAction(
      bundle,
      'configure-sparks',
      validInput({
        sparks: [{ ...validInput().sparks[0]!, host: '127.0.0.1', sshPort: closedPort, label: 'Lab Spark' }],
        bot: { ...validInput().bot, sparkId: null },
        customServices: [],
      }),
    );
    await waitForSettings((settings) => settings.sparks[0]?.sshPort === closedPort);
    const notices: OwnerNotice[] = [];
    const watch = new ClusterWatch({
      client: new ServerClient({ url: server.url, token: server.token }),
      notify: (notice) => {
        notices.push(notice);
        return Promise.resolve();
      },
      text: watchText(),
      ttlMs: 0,
    });
    const health = await watch.sparkHealth('spark1');
    expect(health.result).toBe('failure');
    expect(health.message).toContain('Lab Spark does not answer over SSH');
    expect(await watch.sparkHealth('spark9')).toMatchObject({ result: 'starting' });
    expect(notices).toEqual([
      expect.objectContaining({ level: 'warning', title: 'Spark not reachable: Lab Spark' }),
    ]);
    const gateway = await watch.gatewayHealth();
    expect(gateway.result).toBe('failure');
    expect(gateway.message).toMatch(/^The gateway cannot reach vLLM: /);
    expect(notices).toHaveLength(1);
  });
});
