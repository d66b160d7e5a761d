import { join } from 'node:path';
import type { Settings } from '@spark-control/schema';
import type { Db } from '../adapters/db/client.js';
import type { EventBus } from '../adapters/event-bus.js';
import type { Logger } from '../adapters/logger.js';
import type { SshAdapter } from '../adapters/ssh/index.js';
import { CatalogService } from './catalog/catalog-service.js';
import { CatalogStore } from './catalog/catalog-store.js';
import { SwapRepo } from './swap/swap-repo.js';
import { SwapService, type SwapTiming } from './swap/swap-service.js';
import { VllmCluster } from './swap/vllm-cluster.js';
import { Webhook } from './swap/webhook.js';

/** The model catalog and the swap service, assembled over one SSH adapter (main.ts and tests). */
export async function createModelServices(options: {
  dataDir: string;
  db: Db;
  ssh: SshAdapter;
  settings: () => Settings;
  bus: EventBus;
  log: Logger;
  timing?: Partial<SwapTiming>;
  webhookRetryDelaysMs?: readonly number[];
}) {
  const store = new CatalogStore(join(options.dataDir, 'catalog.yaml'), options.log);
  await store.load();
  const cluster = new VllmCluster(options.ssh.pool, options.settings);
  const webhook = new Webhook(options.settings, options.log, options.webhookRetryDelaysMs);
  const swaps = new SwapService({
    repo: new SwapRepo(options.db),
    cluster,
    catalog: store,
    settings: options.settings,
    bus: options.bus,
    log: options.log,
    webhook,
    ...(options.timing ? { timing: options.timing } : {}),
  });
  const catalog = new CatalogService(store, cluster, options.settings, async (model) => {
    const head = options.settings().sparks.find((spark) => spark.roles.includes('vllm'));
    const served = head ? await cluster.servedModels(head) : undefined;
    return served?.includes(model.servedName) ?? false;
  });
  return { store, cluster, webhook, swaps, catalog };
}
