import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, SparkHardware } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCluster, type SimCluster } from '@spark-control/sim';
import { createSshAdapter, type SshAdapter } from '../../adapters/ssh/index.js';
import { hasCommand, systemComponent } from '../../../test/support/system.js';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { healthFixture, type HealthFixture } from '../health/testing.js';
import { ControllerKey } from '../../adapters/ssh/keys.js';
import { SparkInspector } from '../sparks/hardware.js';
import { SparkProbes } from '../sparks/probe.js';
import { BotService, type BotRun } from './bot.js';

const HOSTS = ['127.0.44.2', '127.0.44.3'];
const CAP_MS = 1500;
const COMPOSE = [
  'services:',
  '  bot:',
  '    build: .',
  '    container_name: bot',
  '    command: ["sh", "-c", "echo bot ready; while true; do echo tick; sleep 1; done"]',
  '',
].join('\n');

const hasGit = systemComponent('git', hasCommand('git'), 'install git to run the bot update tests');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A commit on the bot's origin, so the next pull has something to merge. */
function pushCommit(work: string, message: string): void {
  writeFileSync(join(work, 'CHANGELOG'), `${message}\n`, { flag: 'a' });
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', message);
  git(work, 'push', '-q', 'origin', 'HEAD:main');
}

describe.skipIf(!hasGit)('bot tile against a simulated Spark', () => {
  let sim: SimCluster;
  let t: HealthFixture;
  let ssh: SshAdapter;
  let bot: BotService;
  let api: TestApp;
  let work: string;
  let checkout: string;
  let keyRoot: string;

  beforeAll(async () => {
    keyRoot = mkdtempSync(join(tmpdir(), 'spark-bot-key-'));
    const keyDir = join(keyRoot, 'ssh');
    const key = await ControllerKey.load(keyDir);
    sim = await startCluster({
      hosts: HOSTS,
      sshPort: 0,
      services: false,
      control: false,
      cloud: false,
      authorizedKeys: [key.publicKey()],
    });
    const spark = sim.sparks[0];
    if (!spark) throw new Error('no Spark');
    // The bot's origin (a bare repository), a working clone to push from, and the checkout on the Spark.
    const origin = join(spark.home, 'bot-origin.git');
    work = join(sim.root, 'bot-work');
    checkout = join(spark.home, 'bot');
    git(sim.root, 'init', '-q', '--bare', '-b', 'main', origin);
    git(sim.root, 'clone', '-q', origin, work);
    writeFileSync(join(work, 'docker-compose.yml'), COMPOSE);
    pushCommit(work, 'first');
    git(sim.root, 'clone', '-q', '-b', 'main', origin, checkout);

    t = await healthFixture({
      sparks: sim.sparks.map((entry) => ({ id: entry.id, host: entry.host, sshPort: entry.sshPort })),
      // The owner's setup: the bot logs in as a user of its own, the controller as the Spark's user.
      bot: { user: 'bot', sparkId: 'spark1', container: 'bot', dir: '~/bot', branch: 'main' },
    });
    ssh = await createSshAdapter({ dataDir: keyRoot, log: t.log, connectTimeoutMs: 5000 });
    bot = new BotService({
      pool: ssh.pool,
      settings: t.settings,
      bus: t.bus,
      log: t.log,
      updateCapMs: CAP_MS,
    });
    api = await buildTestApp({ db: t.db, log: t.log, services: { bot } });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await bot?.close();
    ssh?.pool.closeAll();
    await t?.close();
    await sim?.stop();
    rmSync(keyRoot, { recursive: true, force: true });
  });

  const post = (path: string, headers: Record<string, string> = api.bearer) =>
    api.app.request(path, { method: 'POST', headers });
  const outputOf = (runId: string) =>
    t.events
      .filter(
        (event): event is Extract<AppEvent, { type: 'bot.output' }> =>
          event.type === 'bot.output' && event.runId === runId,
      )
      .map((event) => event.line);

  it('shows the container as absent before the first update', async () => {
    const response = await api.app.request('/api/bot', { headers: api.bearer });
    expect(await response.json()).toMatchObject({ configured: true, sparkId: 'spark1', state: 'absent' });
  });

  it('updates: pulls, rebuilds and starts the container, streaming the output on the bus', async () => {
    pushCommit(work, 'second');
    const denied = await post('/api/bot/update', await api.tokenWith(['gateway']));
    expect(denied.status).toBe(403);
    const response = await post('/api/bot/update');
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    expect((await post('/api/bot/update')).status).toBe(409);
    const run = (await bot.settled()) as BotRun;
    expect(run).toMatchObject({ runId, state: 'succeeded' });
    const lines = outputOf(runId);
    expect(lines.some((line) => line.includes('Fast-forward') || line.includes('CHANGELOG'))).toBe(true);
    expect(lines).toContain(' Container bot  Started');
    expect(
      t.events
        .filter((event) => event.type === 'bot.update')
        .map((event) => event.type === 'bot.update' && event.state),
    ).toEqual(['started', 'succeeded']);
    const view = await (await api.app.request('/api/bot', { headers: api.bearer })).json();
    expect(view).toMatchObject({ state: 'running', update: { running: false, runId } });
  });

  it('stops, starts and restarts the container and shows its log tail', async () => {
    expect(await (await post('/api/bot/stop')).json()).toMatchObject({ state: 'exited' });
    expect(await (await post('/api/bot/start')).json()).toMatchObject({ state: 'running' });
    expect(await (await post('/api/bot/restart')).json()).toMatchObject({ state: 'running' });
    const lines = await vi.waitFor(
      async () => {
        const body = (await (
          await api.app.request('/api/bot/logs?tail=20', { headers: api.bearer })
        ).json()) as { lines: string[] };
        if (!body.lines.includes('bot ready')) throw new Error('no "bot ready" in the bot log yet');
        return body.lines;
      },
      { timeout: 10_000, interval: 25 },
    );
    expect(lines.length).toBeLessThanOrEqual(20);
    expect((await api.app.request('/api/bot/logs?tail=0', { headers: api.bearer })).status).toBe(400);
  });

  it('follows the log as server-sent events', async () => {
    const response = await api.app.request('/api/bot/logs/follow?tail=5', { headers: api.bearer });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(/event: line/g) ?? []).length < 3) text += decoder.decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain('"line":"tick"');
  });

  it("runs an update as the bot's user to the end while the controller's user reads the same Spark", async () => {
    // A post-merge hook that takes a while stands in for a long image build.
    const hook = join(checkout, '.git', 'hooks', 'post-merge');
    mkdirSync(join(checkout, '.git', 'hooks'), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\necho "building as $USER"\nsleep 2\necho "build finished"\n');
    chmodSync(hook, 0o755);
    pushCommit(work, 'slow build');
    const patient = new BotService({ pool: ssh.pool, settings: t.settings, bus: t.bus, log: t.log });
    const inspector = new SparkInspector({
      pool: ssh.pool,
      settings: t.settings,
      probes: new SparkProbes({ pool: ssh.pool, settings: t.settings, maxAgeMs: 0 }),
      cacheMs: 0,
    });
    try {
      const run = patient.startUpdate();
      const cards: SparkHardware[] = [];
      let done = false;
      const settled = patient.settled().finally(() => (done = true));
      // The hardware card refreshes (and the health check reads it) while the update runs.
      while (!done) {
        cards.push(...(await inspector.list({ fresh: true })));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await settled).toMatchObject({ runId: run.runId, state: 'succeeded' });
      expect(outputOf(run.runId)).toEqual(expect.arrayContaining(['building as bot', 'build finished']));
      expect(cards.length).toBeGreaterThanOrEqual(4);
      expect(cards.filter((card) => !card.ssh.reachable)).toEqual([]);
    } finally {
      await patient.close();
      rmSync(hook, { force: true });
    }
  });

  it('stops an update that runs past the cap and says so loudly', async () => {
    // A post-merge hook that prints and then hangs stands in for a build that never finishes.
    const hook = join(checkout, '.git', 'hooks', 'post-merge');
    mkdirSync(join(checkout, '.git', 'hooks'), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\necho "building step 1 of 3"\nsleep 30\necho "never printed"\n');
    chmodSync(hook, 0o755);
    pushCommit(work, 'third');
    const started = Date.now();
    const run = bot.startUpdate();
    const ended = (await bot.settled()) as BotRun;
    const elapsed = Date.now() - started;
    expect(ended).toMatchObject({ runId: run.runId, state: 'timeout' });
    expect(ended.message).toContain('1.5-second cap');
    expect(elapsed).toBeGreaterThanOrEqual(CAP_MS);
    expect(elapsed).toBeLessThan(CAP_MS + 5000);
    const lines = outputOf(run.runId);
    expect(lines).toContain('building step 1 of 3');
    expect(lines).not.toContain('never printed');
    const end = t.events.findLast((event) => event.type === 'bot.update');
    expect(end).toMatchObject({ runId: run.runId, state: 'timeout' });
    expect(
      t.logs.records.some((record) => record.level === 'error' && String(record.msg).includes('cap')),
    ).toBe(true);
  });
});
