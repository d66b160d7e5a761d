import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, SettingsInput } from '@spark-control/schema';
import { expect, vi } from 'vitest';
import { openDatabase } from '../../adapters/db/client.js';
import { EventBus } from '../../adapters/event-bus.js';
import { createLogger } from '../../adapters/logger.js';
import { SettingsStore } from '../../config/settings-store.js';
import { LogCapture } from '../../../test/support/app.js';
import { MetricsRegistry, standardMetrics } from './metrics.js';
import { HealthMonitor, type HealthMonitorOptions } from './monitor.js';
import { ServiceRegistry } from './registry.js';
import { HealthStore } from './store.js';

/** A settings file the test can rewrite (applied live), a fresh database, a bus that records events. */
export async function healthFixture(
  settings: SettingsInput,
  options: { databaseOnDisk?: boolean; watchMs?: number } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'spark-health-'));
  const file = join(dir, 'settings.json');
  let written = JSON.stringify(settings);
  await writeFile(file, written);
  const logs = new LogCapture();
  const log = createLogger({ level: 'debug', destination: logs });
  const bus = new EventBus();
  const events: AppEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const store = new SettingsStore({ file, log, bus });
  await store.load();
  store.watch(options.watchMs ?? 50);
  const database = await openDatabase(options.databaseOnDisk ? { dataDir: dir } : {});
  const registry = new ServiceRegistry(store);
  const health = new HealthStore(database.db);
  const metrics = new MetricsRegistry();
  const standard = standardMetrics(metrics);
  const monitors: HealthMonitor[] = [];
  return {
    dir,
    log,
    logs,
    bus,
    events,
    settings: store,
    registry,
    store: health,
    db: database.db,
    metrics,
    standard,
    /** Rewrites settings.json (unless it already holds `next`) and waits until the store applied it. */
    async updateSettings(next: SettingsInput): Promise<void> {
      const text = JSON.stringify(next);
      if (text === written) return;
      const before = store.current;
      await writeFile(file, text);
      written = text;
      await vi.waitFor(() => expect(store.current, 'settings applied').not.toBe(before), {
        timeout: 5000,
        interval: 20,
      });
    },
    monitor(options: Partial<HealthMonitorOptions> = {}): HealthMonitor {
      const monitor = new HealthMonitor({
        registry,
        store: health,
        bus,
        log,
        intervalMs: () => 500,
        isSwapping: () => false,
        metrics: standard,
        deepIntervalMs: 0,
        ...options,
      });
      monitors.push(monitor);
      return monitor;
    },
    async close(): Promise<void> {
      for (const monitor of monitors) await monitor.stop();
      store.stop();
      registry.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type HealthFixture = Awaited<ReturnType<typeof healthFixture>>;
