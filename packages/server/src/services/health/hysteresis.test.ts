import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { healthFixture, type HealthFixture } from './testing.js';
import type { HealthMonitor } from './monitor.js';
import type { DownAfter } from './hysteresis.js';

const ID = 'api';

/**
 * One HTTP service whose `/health` the test turns on and off, swept by hand on a clock the test
 * moves: the probe results are real, their timing is the test's.
 */
describe('health hysteresis: a blip changes nothing, an outage is reported once', () => {
  let server: Server;
  let healthy = true;
  let t: HealthFixture;
  let clock: number;
  let rule: DownAfter;
  let alerts: [string, Record<string, unknown>][];
  let monitor: HealthMonitor;

  const sweepAfter = async (seconds: number) => {
    clock += seconds * 1000;
    await monitor.sweep();
    return monitor.view(ID);
  };
  const statusChanges = () =>
    t.events
      .filter((event) => event.type === 'service.status' && event.id === ID)
      .map((event) => (event.type === 'service.status' ? `${event.from}->${event.status}` : ''));
  const uptime = async () => {
    monitor.invalidateUptime();
    return (await monitor.view(ID))?.uptime24h;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(healthy ? 200 : 503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await healthFixture({
      sparks: [{ id: 'spark1', host: '127.0.0.1', roles: [] }],
      customServices: [{ id: ID, kind: 'http', sparkId: 'spark1', port, path: '/health' }],
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(async () => {
    healthy = true;
    t.events.length = 0;
    await t.db.execute('DELETE FROM service_samples');
    await t.db.execute('DELETE FROM service_transitions');
    clock = Date.now() - 3_600_000;
    rule = { probes: 3, seconds: 15 };
    alerts = [];
    monitor = t.monitor({
      now: () => new Date(clock),
      downAfter: () => rule,
      alert: (type, data) => alerts.push([type, data]),
    });
    expect((await sweepAfter(0))?.status).toBe('up');
  });

  it('a 2 s blip (one failed probe) changes no tile, no uptime and sends nothing', async () => {
    await sweepAfter(5);
    healthy = false;
    expect((await sweepAfter(1))?.status).toBe('up');
    healthy = true;
    expect((await sweepAfter(2))?.status).toBe('up');
    // Two failures in a row, still under three probes and 15 s, change nothing either.
    healthy = false;
    await sweepAfter(5);
    expect((await sweepAfter(5))?.status).toBe('up');
    healthy = true;
    await sweepAfter(5);
    expect(statusChanges()).toEqual(['unknown->up']);
    expect(await uptime()).toBe(1);
    expect(alerts).toEqual([]);
  });

  it('a 30 s outage goes down at the third failed probe, once, and recovers once', async () => {
    healthy = false;
    expect((await sweepAfter(5))?.status).toBe('up');
    expect((await sweepAfter(5))?.status).toBe('up');
    expect((await sweepAfter(5))?.status).toBe('down');
    for (let second = 20; second <= 30; second += 5) expect((await sweepAfter(5))?.status).toBe('down');
    healthy = true;
    expect((await sweepAfter(5))?.status).toBe('up');
    await sweepAfter(5);
    expect(statusChanges()).toEqual(['unknown->up', 'up->down', 'down->up']);
    // Samples: up (start), up, up (held), down ×4, up ×2 → 5 of 9 available.
    expect(await uptime()).toBeCloseTo(5 / 9);
    expect(alerts.map(([type]) => type)).toEqual(['service.down', 'service.up']);
    expect(alerts[0]?.[1]).toMatchObject({ serviceId: ID, from: 'up', to: 'down', detail: 'answered 503' });
    expect(alerts[1]?.[1]).toMatchObject({ serviceId: ID, from: 'down', to: 'up' });
  });

  it('goes down after the time limit when probes are rarer than the count', async () => {
    rule = { probes: 100, seconds: 15 };
    healthy = false;
    expect((await sweepAfter(10))?.status).toBe('up');
    expect((await sweepAfter(10))?.status).toBe('up');
    expect((await sweepAfter(5))?.status).toBe('down');
    expect(alerts.map(([type]) => type)).toEqual(['service.down']);
  });

  it('a flapping recovery is reported once: a single failure after it does not go down again', async () => {
    healthy = false;
    for (let probe = 0; probe < 3; probe += 1) await sweepAfter(5);
    healthy = true;
    await sweepAfter(5);
    healthy = false;
    expect((await sweepAfter(5))?.status).toBe('up');
    healthy = true;
    await sweepAfter(5);
    expect(alerts.map(([type]) => type)).toEqual(['service.down', 'service.up']);
  });
});
