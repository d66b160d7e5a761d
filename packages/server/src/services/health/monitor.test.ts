import { createServer, type Server } from 'node:net';
import type { AppEvent, SettingsInput } from '@spark-control/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCluster, startVllm, type RunningService, type SimCluster } from '@spark-control/sim';
import { healthFixture, type HealthFixture } from './testing.js';

const HOSTS = ['127.0.41.2', '127.0.41.3'];
const CUSTOM_VLLM_PORT = 18_991;
const DISABLED_PORT = 18_992;
const INTERVAL_MS = 400;

function baseSettings(sim: SimCluster, extra: Partial<SettingsInput> = {}): SettingsInput {
  return {
    sparks: sim.sparks.map((spark, index) => ({
      id: spark.id,
      host: spark.host,
      sshPort: spark.sshPort,
      roles: index === 0 ? [] : ['stt', 'tts', 'embeddings', 'qdrant'],
    })),
    ...extra,
  };
}

/** The settings every test starts from: a custom vLLM on Spark 2, and a disabled service beside it. */
function startSettings(sim: SimCluster): SettingsInput {
  return baseSettings(sim, {
    customServices: [
      { id: 'vllm-second', kind: 'vllm', sparkId: 'spark2', port: CUSTOM_VLLM_PORT },
      { id: 'legacy', kind: 'http', sparkId: 'spark2', port: DISABLED_PORT, path: '/health' },
    ],
    disabledServices: ['legacy'],
  });
}

/** Resolves once the check holds (polled every 25 ms). */
const until = (check: () => boolean | Promise<boolean>, timeout: number) =>
  vi.waitFor(async () => expect(await check()).toBe(true), { timeout, interval: 25 });

const statusEvents = (events: AppEvent[], id: string) =>
  events.filter(
    (event): event is Extract<AppEvent, { type: 'service.status' }> =>
      event.type === 'service.status' && event.id === id,
  );

describe('health monitor against the simulated Sparks', () => {
  let sim: SimCluster;
  let customVllm: RunningService;
  let listener: Server;
  let connections = 0;
  let t: HealthFixture;

  beforeAll(async () => {
    sim = await startCluster({ hosts: HOSTS, sshPort: 0, control: false, cloud: false, loadDelayMs: 150 });
    const spark2 = sim.sparks[1];
    if (!spark2) throw new Error('no second Spark');
    customVllm = await startCustomVllm();
    // A disabled service is never contacted: count every connection attempt on its port.
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(DISABLED_PORT, spark2.host, resolve));
    t = await healthFixture(startSettings(sim));
    // Wait until the simulated services answer (kokoro refuses connections while it warms up).
    const warm = t.monitor({ probeTimeoutMs: 1000 });
    await until(async () => {
      await warm.sweep();
      const views = await warm.list();
      return views.every((view) => view.status === 'up');
    }, 20_000);
  }, 60_000);

  // Each test starts from the same cluster: no faults, the start settings, the custom vLLM serving.
  beforeEach(async () => {
    await sim.control.clearFaults('spark2');
    await t.updateSettings(startSettings(sim));
    if (!(await answers(CUSTOM_VLLM_PORT))) customVllm = await startCustomVllm();
  });

  async function startCustomVllm(): Promise<RunningService> {
    const spark2 = sim.sparks[1];
    if (!spark2) throw new Error('no second Spark');
    const started = await startVllm({
      host: spark2.host,
      port: CUSTOM_VLLM_PORT,
      stateDir: spark2.stateDir,
      args: ['Qwen/Qwen3-30B-A3B-FP8', '--served-model-name', 'qwen3-second'],
      loadDelayMs: 50,
      log: { info: () => undefined, error: () => undefined },
    });
    await started.ready;
    return started;
  }

  async function answers(port: number): Promise<boolean> {
    const response = await fetch(`http://${HOSTS[1]}:${port}/health`).catch(() => undefined);
    return response?.ok === true;
  }

  afterAll(async () => {
    await t?.close();
    await customVllm?.close();
    await new Promise((resolve) => listener?.close(resolve));
    await sim?.stop();
  });

  it('monitors a custom vLLM on Spark 2 and reports the model it serves', async () => {
    const monitor = t.monitor();
    await monitor.sweep();
    const view = (await monitor.list()).find((service) => service.id === 'vllm-second');
    expect(view).toMatchObject({
      sparkId: 'spark2',
      kind: 'vllm',
      status: 'up',
      servedModel: 'qwen3-second',
    });
  });

  it('runs one tiny real request per service as its deep check', async () => {
    const monitor = t.monitor();
    await monitor.sweep();
    for (const id of ['parakeet', 'kokoro', 'embeddings', 'qdrant', 'vllm-second']) {
      const deep = await monitor.deep(id);
      expect(deep, id).toMatchObject({ ok: true });
    }
    expect((await monitor.deep('vllm-second'))?.detail).toBe('qwen3-second completed 1 token');
    expect((await monitor.view('parakeet'))?.deep?.detail).toBe('transcribed 1 s of audio');
    expect(t.events.some((event) => event.type === 'service.deep' && event.id === 'kokoro')).toBe(true);
    expect(await monitor.deep('legacy')).toBeUndefined();
  });

  it('never contacts a disabled service and hides it unless asked', async () => {
    const monitor = t.monitor();
    await monitor.sweep();
    await monitor.sweep();
    expect(connections).toBe(0);
    expect((await monitor.list()).map((view) => view.id)).not.toContain('legacy');
    const all = await monitor.list({ includeDisabled: true });
    expect(all.find((view) => view.id === 'legacy')).toMatchObject({ status: 'disabled', latencyMs: null });
  });

  it('shows a killed service down after three failed probes, up again after it returns, with the transitions in its history', async () => {
    const monitor = t.monitor({ intervalMs: () => INTERVAL_MS, probeTimeoutMs: 300 });
    monitor.start();
    await until(async () => (await monitor.view('kokoro'))?.status === 'up', 5000);
    const sweepsBefore = monitor.timings.length;
    await sim.control.killContainer('spark2', 'kokoro');
    await until(async () => (await monitor.view('kokoro'))?.status === 'down', 5000);
    // Confirmed by the third failed probe (settings.monitor.downAfterProbes); the first sweep after
    // the kill may have started before it.
    expect(monitor.timings.length - sweepsBefore).toBeGreaterThanOrEqual(3);
    expect(monitor.timings.length - sweepsBefore).toBeLessThanOrEqual(4);
    expect((await monitor.view('kokoro'))?.detail).toBe('refusing connections');

    await sim.control.restartContainer('spark2', 'kokoro');
    await until(async () => (await monitor.view('kokoro'))?.status === 'up', 10_000);
    await monitor.stop();

    const kokoro = statusEvents(t.events, 'kokoro').map((event) => [event.from, event.status]);
    expect(kokoro).toContainEqual(['up', 'down']);
    expect(kokoro).toContainEqual(['down', 'up']);
    const history = await monitor.history('kokoro');
    const transitions = history.transitions.map((transition) => [transition.from, transition.to]);
    expect(transitions.slice(0, 2)).toEqual([
      ['down', 'up'],
      ['up', 'down'],
    ]);
    expect(history.samples.some((sample) => sample.status === 'down')).toBe(true);
  });

  it('applies settings edits live: a newly disabled service drops out and is no longer probed', async () => {
    const monitor = t.monitor();
    await monitor.sweep();
    expect((await monitor.list()).map((view) => view.id)).toContain('qdrant');
    await t.updateSettings(baseSettings(sim, { disabledServices: ['qdrant'] }));
    await monitor.sweep();
    const ids = (await monitor.list()).map((view) => view.id);
    expect(ids).not.toContain('qdrant');
    expect(ids).not.toContain('vllm-second');
    await t.updateSettings(startSettings(sim));
  });

  it('excludes a planned swap from uptime', async () => {
    let swapping = false;
    const monitor = t.monitor({ isSwapping: () => swapping });
    await t.updateSettings(
      baseSettings(sim, {
        sparks: [
          { id: 'spark1', host: HOSTS[0] ?? '', sshPort: sim.sparks[0]?.sshPort ?? 22, roles: [] },
          { id: 'spark2', host: HOSTS[1] ?? '', sshPort: sim.sparks[1]?.sshPort ?? 22, roles: ['vllm'] },
        ],
        vllm: { port: CUSTOM_VLLM_PORT },
      }),
    );
    await monitor.sweep();
    expect((await monitor.view('vllm'))?.status).toBe('up');
    await customVllm.close();
    swapping = true;
    await monitor.sweep();
    await monitor.sweep();
    expect((await monitor.view('vllm'))?.status).toBe('swapping');
    monitor.invalidateUptime();
    expect((await monitor.view('vllm'))?.uptime24h).toBe(1);
    // The same outage without a swap counts against uptime, once confirmed by three failed probes.
    swapping = false;
    await monitor.sweep();
    await monitor.sweep();
    expect((await monitor.view('vllm'))?.status).toBe('swapping');
    await monitor.sweep();
    expect((await monitor.view('vllm'))?.status).toBe('down');
    monitor.invalidateUptime();
    expect((await monitor.view('vllm'))?.uptime24h).toBeCloseTo(1 / 2);
  });

  it('shows swapping only on the vLLM of the placement being swapped', async () => {
    const monitor = t.monitor({ isSwapping: (placementId) => placementId === 'other' });
    await t.updateSettings(
      baseSettings(sim, {
        placements: [
          { id: 'main', sparkIds: ['spark2'], port: CUSTOM_VLLM_PORT, container: 'vllm_main' },
          { id: 'other', sparkIds: ['spark2'], port: CUSTOM_VLLM_PORT + 10, container: 'vllm_other' },
        ],
      }),
    );
    await monitor.sweep();
    const views = (await monitor.list()).filter((view) => view.kind === 'vllm');
    expect(views.map((view) => [view.id, view.placementId, view.port, view.status])).toEqual([
      ['vllm', 'main', CUSTOM_VLLM_PORT, 'up'],
      ['vllm-other', 'other', CUSTOM_VLLM_PORT + 10, 'swapping'],
    ]);
  });

  it('keeps its period with one Spark blackholed: every probe ends at its timeout', async () => {
    await t.updateSettings(baseSettings(sim));
    // Every port of Spark 2 accepts TCP and never answers (its services are frozen).
    await sim.control.setFaults('spark2', { blackhole: true });
    const probeTimeoutMs = 500;
    const intervalMs = 1000;
    const monitor = t.monitor({ intervalMs: () => intervalMs, probeTimeoutMs });
    try {
      monitor.start();
      await until(() => monitor.timings.length >= 4, 15_000);
      await monitor.stop();
      const views = await monitor.list();
      for (const id of ['parakeet', 'kokoro', 'embeddings', 'qdrant']) {
        expect(views.find((view) => view.id === id)).toMatchObject({
          status: 'down',
          detail: `no answer within ${probeTimeoutMs} ms`,
        });
      }
      const timings = monitor.timings.slice(-4);
      for (const timing of timings) expect(timing.durationMs).toBeLessThan(probeTimeoutMs + 500);
      for (let i = 1; i < timings.length; i += 1) {
        const gap = (timings[i]?.startedAt ?? 0) - (timings[i - 1]?.startedAt ?? 0);
        expect(gap).toBeGreaterThanOrEqual(intervalMs - 50);
        expect(gap).toBeLessThan(intervalMs + 500);
      }
    } finally {
      await sim.control.clearFaults('spark2');
    }
  });

  it('reads a placement unloaded on purpose as unloaded: no alert, no uptime lost, no service_up, no deep check', async () => {
    let unloaded = false;
    const alerts: string[] = [];
    const monitor = t.monitor({
      isUnloaded: (placementId) => unloaded && placementId === 'spare',
      alert: (type, data) => {
        if (data.serviceId === 'vllm-spare') alerts.push(type);
      },
    });
    await t.updateSettings(
      baseSettings(sim, {
        placements: [
          { id: 'main', sparkIds: ['spark2'], port: CUSTOM_VLLM_PORT + 20, container: 'vllm_main' },
          { id: 'spare', sparkIds: ['spark2'], port: CUSTOM_VLLM_PORT, container: 'vllm_spare' },
        ],
      }),
    );
    const spare = async () => (await monitor.list()).find((view) => view.id === 'vllm-spare');
    await monitor.sweep();
    expect(await spare()).toMatchObject({ status: 'up', servedModel: 'qwen3-second' });
    await customVllm.close();
    unloaded = true;
    // Three failed probes would confirm `down`; an unloaded placement reads `unloaded` at once.
    for (let i = 0; i < 3; i += 1) await monitor.sweep();
    const view = await spare();
    expect(view).toMatchObject({ status: 'unloaded', detail: 'Unloaded — no model loaded' });
    expect(view?.servedModel).toBeUndefined();
    expect(alerts).toEqual([]);
    monitor.invalidateUptime();
    expect((await spare())?.uptime24h).toBe(1);
    const metrics = t.metrics.render().split('\n');
    const spareLines = (name: string) =>
      metrics.filter((line) => line.startsWith(`${name}{`) && line.includes('service="vllm-spare"'));
    expect(spareLines('spark_control_service_up')).toEqual([]);
    expect(spareLines('spark_control_service_status')).toContainEqual(
      expect.stringMatching(/status="unloaded"\} 1$/),
    );
    const deepBefore = t.events.filter((event) => event.type === 'service.deep').length;
    await monitor.deepAll();
    const deep = t.events.filter((event) => event.type === 'service.deep').slice(deepBefore);
    expect(deep.map((event) => event.type === 'service.deep' && event.id)).not.toContain('vllm-spare');

    // Started outside Spark Control: it answers, so it reads as usual.
    customVllm = await startCustomVllm();
    await monitor.sweep();
    expect(await spare()).toMatchObject({ status: 'up', servedModel: 'qwen3-second' });
    expect(alerts).toEqual([]);
  });
});
