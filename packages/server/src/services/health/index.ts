import type { Db } from '../../adapters/db/client.js';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import type { SettingsStore } from '../../config/settings-store.js';
import { MetricsRegistry, standardMetrics } from './metrics.js';
import { HealthMonitor } from './monitor.js';
import { ServiceRegistry } from './registry.js';
import { HealthStore } from './store.js';

export { HealthMonitor } from './monitor.js';
export { MetricsRegistry, standardMetrics, type StandardMetrics } from './metrics.js';
export { ServiceRegistry, buildRegistry } from './registry.js';
export { HealthStore } from './store.js';

/**
 * The health monitor wired to the settings: the registry follows settings edits, the interval
 * follows `monitor.intervalSec`, and a placement's vLLM shows `swapping` while `isSwapping(placementId)` is true.
 *
 * @example
 * const health = createHealth({ settings, db: database.db, bus, log, isSwapping: (id) => swaps.isSwapping(id) });
 * health.monitor.start();
 */
export function createHealth(deps: {
  settings: SettingsStore;
  db: Db;
  bus: EventBus;
  log: Logger;
  isSwapping: (placementId: string) => boolean;
  /** True while a placement's model is unloaded on purpose: its vLLM shows `unloaded`, not `down`. */
  isUnloaded?: (placementId: string) => boolean;
  metrics?: MetricsRegistry;
  /** Health changes for the webhook (`service.down`, `service.up`). */
  alert?: (type: 'service.down' | 'service.up', data: Record<string, unknown>) => void;
  now?: () => Date;
}) {
  const registry = new ServiceRegistry(deps.settings);
  const store = new HealthStore(deps.db);
  const metricsRegistry = deps.metrics ?? new MetricsRegistry();
  const metrics = standardMetrics(metricsRegistry);
  const monitor = new HealthMonitor({
    registry,
    store,
    bus: deps.bus,
    log: deps.log,
    metrics,
    isSwapping: deps.isSwapping,
    isUnloaded: deps.isUnloaded,
    intervalMs: () => deps.settings.current.monitor.intervalSec * 1000,
    downAfter: () => ({
      probes: deps.settings.current.monitor.downAfterProbes,
      seconds: deps.settings.current.monitor.downAfterSec,
    }),
    ...(deps.alert ? { alert: deps.alert } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    registry,
    store,
    monitor,
    metricsRegistry,
    metrics,
    async stop(): Promise<void> {
      await monitor.stop();
      registry.close();
    },
  };
}
