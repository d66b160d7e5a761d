import type { ModelSwapDurations, ScheduleRun, ScheduleTimeline, ScheduleView } from '@spark-control/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { startSimFixture, type SimFixture } from '../../../test/support/sim.js';
import type { PlacementHold, ScheduleBlock, SchedulePort } from './schedule-service.js';

const A = {
  id: 'model-a',
  label: 'Model A',
  hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
  servedName: 'model-a',
  vllm: { gpuMemoryUtilization: 0.5 },
};
const B = {
  id: 'model-b',
  label: 'Model B',
  hfRepo: 'openai/gpt-oss-120b',
  servedName: 'model-b',
  vllm: { gpuMemoryUtilization: 0.6 },
};

/** A stand-in for leases: the test decides what holds the placement. */
class TestHolds implements SchedulePort {
  block: ScheduleBlock | null = null;
  holdList: PlacementHold[] = [];
  readonly asked: { modelId: string; at: string }[] = [];
  isBlocked(target: { modelId: string }, at: Date): Promise<ScheduleBlock | null> {
    this.asked.push({ modelId: target.modelId, at: at.toISOString() });
    return Promise.resolve(this.block);
  }
  holds(): Promise<PlacementHold[]> {
    return Promise.resolve(this.holdList);
  }
}

describe('schedules against the simulated Sparks, with a fake clock', () => {
  let sim: SimFixture;
  let t: TestApp;
  const holds = new TestHolds();
  // The fake clock runs at the real pace from wherever a test sets it, so swap timings are real.
  let offsetMs = 0;
  const setClock = (iso: string) => {
    offsetMs = Date.parse(iso) - Date.now();
  };

  const send = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { ...t.bearer, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const createSchedule = async (body: Record<string, unknown>): Promise<ScheduleView> => {
    const response = await send('POST', '/api/schedules', body);
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { schedule: ScheduleView }).schedule;
  };
  const served = async () => t.cluster.servedNow();

  beforeAll(async () => {
    sim = await startSimFixture({
      initialModel: {
        model: A.hfRepo,
        args: ['--served-model-name', A.servedName, '--gpu-memory-utilization', '0.5'],
      },
    });
    t = await buildTestApp({
      settings: sim.settings({ timeZone: 'Europe/Berlin' }),
      ssh: sim.ssh,
      now: () => new Date(Date.now() + offsetMs),
      schedulePort: holds,
    });
    for (const model of [A, B]) {
      const response = await send('POST', '/api/catalog', model);
      expect(response.status, await response.clone().text()).toBe(201);
    }
  }, 120_000);
  // Each test leaves no schedule and no hold behind, whether it passed or not.
  afterEach(async () => {
    holds.block = null;
    holds.holdList = [];
    await t.swaps.idle();
    const { schedules } = (await (await send('GET', '/api/schedules')).json()) as {
      schedules: ScheduleView[];
    };
    for (const schedule of schedules) await send('DELETE', `/api/schedules/${schedule.id}`);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('swaps at the window start in the owner time zone and records how long each part took', async () => {
    await t.swaps.idle();
    if ((await served())?.includes('model-b')) {
      await send('POST', '/api/swap', { modelId: 'model-a' });
      await t.swaps.idle();
    }
    const schedule = await createSchedule({ modelId: 'model-b', start: '08:00', end: '12:00' });

    // 07:59:50 in Berlin (UTC+1 in December): nothing is due yet.
    setClock('2026-12-07T06:59:50Z');
    expect(await t.scheduleRunner.tick()).toEqual([]);
    expect(await served()).toEqual(['model-a']);

    setClock('2026-12-07T07:00:05Z');
    const [run] = await t.scheduleRunner.tick();
    expect(run).toMatchObject({
      scheduleId: schedule.id,
      windowStart: '2026-12-07T07:00:00.000Z',
      outcome: 'swapped',
      reason: null,
    });
    await t.swaps.idle();
    expect(await served()).toEqual(['model-b']);
    const [swap] = await t.swaps.history(1);
    expect(swap).toMatchObject({ id: run?.swapId, status: 'ready', actor: `schedule:${schedule.id}` });
    const timings = swap?.timings ?? {};
    for (const part of [
      'stop',
      'memoryReleased',
      'launch',
      'weights',
      'warmup',
      'ready',
      'firstToken',
    ] as const) {
      expect(timings[part], part).toEqual(expect.any(Number));
      expect(timings[part], part).toBeGreaterThanOrEqual(0);
    }
    expect(timings.ready).toBeGreaterThanOrEqual(
      (timings.stop ?? 0) + (timings.memoryReleased ?? 0) + (timings.launch ?? 0) + (timings.weights ?? 0),
    );

    // The same start is not run twice, even by a later tick that looks back over it.
    setClock('2026-12-07T07:00:10Z');
    expect(await t.scheduleRunner.tick()).toEqual([]);

    const list = (await (await send('GET', '/api/schedules')).json()) as {
      timeZone: string;
      schedules: ScheduleView[];
    };
    expect(list.timeZone).toBe('Europe/Berlin');
    expect(list.schedules.find((each) => each.id === schedule.id)?.lastRun).toMatchObject({
      outcome: 'swapped',
    });
    const durations = (await (await send('GET', '/api/swap/durations')).json()) as {
      models: ModelSwapDurations[];
    };
    expect(durations.models.find((model) => model.modelId === 'model-b')?.median.ready).toEqual(
      timings.ready,
    );
  });

  it('skips a window start under a hold and stores the reason', async () => {
    await t.swaps.idle();
    const before = await served();
    const other = before?.includes('model-a') ? 'model-b' : 'model-a';
    const schedule = await createSchedule({ modelId: other, start: '22:00', end: '06:00' });
    holds.block = { reason: 'model-a is leased by nightly-eval until 23:30' };

    setClock('2026-12-08T20:59:55Z');
    await t.scheduleRunner.tick();
    setClock('2026-12-08T21:00:02Z');
    const [run] = await t.scheduleRunner.tick();
    holds.block = null;
    expect(run).toMatchObject({
      scheduleId: schedule.id,
      outcome: 'skipped',
      reason: 'model-a is leased by nightly-eval until 23:30',
      swapId: null,
    });
    expect(holds.asked.at(-1)).toEqual({ modelId: other, at: '2026-12-08T21:00:00.000Z' });
    expect(t.swaps.isSwapping()).toBe(false);
    expect(await served()).toEqual(before);
    const { runs } = (await (await send('GET', '/api/schedules')).json()) as { runs: ScheduleRun[] };
    expect(runs.find((each) => each.scheduleId === schedule.id)?.reason).toBe(
      'model-a is leased by nightly-eval until 23:30',
    );
  });

  it('skips a window start while another swap runs', async () => {
    await t.swaps.idle();
    const before = await served();
    const target = before?.includes('model-a') ? 'model-b' : 'model-a';
    const schedule = await createSchedule({ modelId: target, start: '13:00', end: '14:00' });
    holds.block = null;
    setClock('2026-12-09T11:59:58Z');
    await t.scheduleRunner.tick();
    const response = await send('POST', '/api/swap', { modelId: target });
    expect(response.status).toBe(202);
    setClock('2026-12-09T12:00:01Z');
    const [run] = await t.scheduleRunner.tick();
    expect(run).toMatchObject({ scheduleId: schedule.id, outcome: 'skipped', reason: 'a swap was running' });
    await t.swaps.idle();
  });

  it('validates: HH:MM, a catalog model, no overlap on the placement (past midnight too)', async () => {
    await createSchedule({ modelId: 'model-a', start: '22:00', end: '06:00' });
    const refused = async (body: Record<string, unknown>, status: number, text: RegExp) => {
      const response = await send('POST', '/api/schedules', body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(text);
    };
    await refused({ modelId: 'model-b', start: '8:00', end: '18:00' }, 400, /^start: must be a time of day/);
    await refused({ modelId: 'model-b', start: '08:00', end: '08:00' }, 400, /^end: must differ/);
    await refused(
      { modelId: 'nope', start: '08:00', end: '09:00' },
      400,
      /^modelId: nope is not in the catalog/,
    );
    await refused(
      { modelId: 'model-b', start: '08:00', end: '09:00', placement: 'big' },
      400,
      /^placement: no placement "big" \(configured: vllm\)/,
    );
    await refused({ modelId: 'model-b', start: '05:00', end: '07:00' }, 409, /overlaps schedule/);
    await refused({ modelId: 'model-b', start: '23:00', end: '23:30' }, 409, /overlaps schedule/);
    const morning = await createSchedule({ modelId: 'model-b', start: '06:00', end: '22:00' });
    // No placement named: the only one that may serve the model.
    expect(morning.placement).toBe('vllm');
    // Editing a schedule does not collide with itself.
    const edited = await send('PUT', `/api/schedules/${morning.id}`, {
      modelId: 'model-b',
      start: '07:00',
      end: '22:00',
    });
    expect(edited.status).toBe(200);
  });

  it('plans the next 24 hours with the holds on the timeline', async () => {
    const night = await createSchedule({ modelId: 'model-a', start: '22:00', end: '06:00' });
    const day = await createSchedule({ modelId: 'model-b', start: '06:00', end: '22:00' });
    holds.holdList = [
      {
        from: new Date('2026-12-10T09:00:00Z'),
        until: new Date('2026-12-10T10:00:00Z'),
        modelId: 'model-b',
        placement: 'vllm',
        holder: 'nightly-eval',
      },
    ];
    // 12:00 in Berlin.
    setClock('2026-12-10T11:00:00Z');
    const response = await send('GET', '/api/schedules/timeline?hours=24');
    holds.holdList = [];
    expect(response.status).toBe(200);
    const timeline = (await response.json()) as ScheduleTimeline;
    expect(timeline.entries.map((entry) => ({ ...entry }))).toEqual([
      {
        kind: 'lease',
        from: '2026-12-10T09:00:00.000Z',
        until: '2026-12-10T10:00:00.000Z',
        modelId: 'model-b',
        placement: 'vllm',
        holder: 'nightly-eval',
      },
      {
        kind: 'swap',
        at: '2026-12-10T21:00:00.000Z',
        until: '2026-12-11T05:00:00.000Z',
        scheduleId: night.id,
        modelId: 'model-a',
        placement: 'vllm',
      },
      {
        kind: 'swap',
        at: '2026-12-11T05:00:00.000Z',
        until: '2026-12-11T21:00:00.000Z',
        scheduleId: day.id,
        modelId: 'model-b',
        placement: 'vllm',
      },
    ]);
    expect((await send('GET', '/api/schedules/timeline?hours=0')).status).toBe(400);
  });
});
