import { join } from 'node:path';
import type { SwapView } from '@spark-control/schema';
import type { Db } from './adapters/db/client.js';
import type { EventBus } from './adapters/event-bus.js';
import type { ModelHub } from './adapters/huggingface.js';
import type { Logger } from './adapters/logger.js';
import type { SshAdapter } from './adapters/ssh/index.js';
import type { SettingsStore } from './config/settings-store.js';
import { AudioUploads } from './http/audio-uploads.js';
import { BotService } from './services/bot/bot.js';
import { CatalogService } from './services/catalog/catalog-service.js';
import { UpstreamClient } from './adapters/upstream/client.js';
import { GatewayService } from './services/gateway/gateway-service.js';
import { GatewayStats } from './services/gateway/stats.js';
import { IdleUnload } from './services/gateway/idle-unload.js';
import { PlacementActivity } from './services/gateway/placement-activity.js';
import { createHealth } from './services/health/index.js';
import { MetricsRegistry, standardMetrics } from './services/health/metrics.js';
import { CatalogStore } from './services/catalog/catalog-store.js';
import { LocalNameCheck } from './services/privacy/local-names.js';
import { readNameList } from './services/privacy/names-file.js';
import { ReasoningRuns } from './services/reasoning/runs.js';
import { ReasoningService } from './services/reasoning/service.js';
import { TaskStore } from './services/reasoning/task-store.js';
import { PrivacyService } from './services/privacy/service.js';
import { loadOrCreateVaultKey } from './services/privacy/vault.js';
import { SearchService } from './services/search/search-service.js';
import { SpeechService } from './services/speech/speech-service.js';
import { SparkInspector } from './services/sparks/hardware.js';
import { SparkKeys } from './services/sparks/keys.js';
import { SparkProbes } from './services/sparks/probe.js';
import { HardwareHistory } from './services/sparks/history-sampler.js';
import { SparkHistoryStore } from './services/sparks/history-store.js';
import { ScheduleRepo } from './services/schedules/schedule-repo.js';
import { ScheduleRunner } from './services/schedules/schedule-runner.js';
import { ScheduleService, type SchedulePort } from './services/schedules/schedule-service.js';
import { leaseSchedulePort } from './services/leases/schedule-port.js';
import { SwapRepo } from './services/swap/swap-repo.js';
import { UsageMeter } from './services/usage/usage-meter.js';
import { UsageStore } from './services/usage/usage-store.js';
import { SwapService, type SwapTiming } from './services/swap/swap-service.js';
import { PlacementDirectory } from './services/placements/placement-directory.js';
import { PlacementStates } from './services/placements/placement-states.js';
import { VllmCluster } from './services/swap/vllm-cluster.js';
import { Webhook } from './services/swap/webhook.js';
import { LeaseRepo } from './services/leases/lease-repo.js';
import { LeaseService } from './services/leases/lease-service.js';
import { QueuedSwaps } from './services/leases/queued-swap.js';

/** Long recordings processed at once; each holds a spooled file and an upstream connection. */
const MAX_AUDIO_UPLOADS = 2;

export interface ComposeOptions {
  dataDir: string;
  db: Db;
  ssh: SshAdapter;
  settings: SettingsStore;
  bus: EventBus;
  log: Logger;
  timing?: Partial<SwapTiming>;
  webhookRetryDelaysMs?: readonly number[];
  /** The bundled reasoning tasks; the repository's (or the image's) prompts/ by default. */
  promptsDir?: string | undefined;
  /** The fetch the reasoning clients use (tests). */
  fetch?: typeof fetch;
  /** The bot update's time cap (25 minutes by default). */
  botUpdateCapMs?: number;
  /** Where swaps ask whether a model not yet downloaded is gated and how big it is; none in tests. */
  hub?: ModelHub | undefined;
  /** The clock of leases, health hysteresis, schedules, swap timings, hardware history and usage (tests). */
  now?: () => Date;
  /** Names of every API token, for the usage report. */
  tokenNames?: () => Promise<Map<string, string>>;
  /** What holds a placement against schedules (default: the leases). */
  schedulePort?: SchedulePort;
}

/**
 * Every domain service, assembled once from the adapters: main.ts and the tests build the app
 * from the same composition, so a test exercises the wiring a user runs.
 */
export async function composeServices(options: ComposeOptions) {
  const metricsRegistry = new MetricsRegistry();
  const metrics = standardMetrics(metricsRegistry);
  const now = options.now ?? (() => new Date());
  const models = await createModelServices(options, (swap) => {
    metrics.swaps.inc({ outcome: swap.status });
    if (swap.finishedAt) {
      metrics.swapDuration.observe(
        { outcome: swap.status },
        (Date.parse(swap.finishedAt) - Date.parse(swap.startedAt)) / 1000,
      );
    }
  });
  const health = createHealth({
    settings: options.settings,
    db: options.db,
    bus: options.bus,
    log: options.log,
    isSwapping: (placementId) => models.swaps.isSwapping(placementId),
    isUnloaded: (placementId) => models.swaps.isUnloaded(placementId),
    metrics: metricsRegistry,
    alert: (type, data) => models.webhook.send(type, data),
    ...(options.now ? { now: options.now } : {}),
  });
  const inspector = new SparkInspector({
    pool: options.ssh.pool,
    settings: options.settings,
    probes: models.probes,
  });
  const hardwareHistory = new HardwareHistory({
    inspector,
    store: new SparkHistoryStore(options.db),
    settings: options.settings,
    log: options.log,
    now,
  });
  const schedulePort =
    options.schedulePort ??
    leaseSchedulePort(models.leases, {
      evicted: (modelId, placementId) => models.swaps.leasesEvicted(modelId, placementId),
      placementOf: async (modelId) => {
        const model = models.store.get(modelId);
        return (
          (model && (await models.placementStates.holding(model))) ?? models.placements.all()[0]?.id ?? 'vllm'
        );
      },
    });
  const scheduleRepo = new ScheduleRepo(options.db);
  const schedules = new ScheduleService({
    repo: scheduleRepo,
    catalog: models.store,
    placements: models.placements,
    settings: options.settings,
    port: schedulePort,
    now,
  });
  const scheduleRunner = new ScheduleRunner({
    repo: scheduleRepo,
    swaps: models.swaps,
    catalog: models.store,
    servedNow: () => models.cluster.servedNow(),
    port: schedulePort,
    timeZone: () => options.settings.current.timeZone,
    log: options.log,
    now,
  });
  const keys = new SparkKeys({ ssh: options.ssh, settings: options.settings });
  const bot = new BotService({
    pool: options.ssh.pool,
    settings: options.settings,
    bus: options.bus,
    log: options.log,
    ...(options.botUpdateCapMs === undefined ? {} : { updateCapMs: options.botUpdateCapMs }),
  });
  const privacy = new PrivacyService({
    db: options.db,
    vaultKey: await loadOrCreateVaultKey(join(options.dataDir, 'vault.key')),
    names: await readNameList(options.dataDir),
    localNames: new LocalNameCheck({ settings: options.settings, fetch: options.fetch }),
  });
  // The owner's prompts on the data volume are laid over the bundled ones.
  const tasks = await TaskStore.open({
    bundledDir: options.promptsDir,
    ownerDir: join(options.dataDir, 'prompts'),
    log: options.log,
  });
  const reasoning = new ReasoningService({
    settings: options.settings,
    tasks,
    scrubber: privacy,
    runs: new ReasoningRuns(options.db),
    fetch: options.fetch,
  });
  const gatewayStats: GatewayStats = new GatewayStats(metricsRegistry, () => gateway.queue.depth);
  const upstream = new UpstreamClient();
  const activity = new PlacementActivity(() => now().getTime());
  const gateway: GatewayService = new GatewayService({
    settings: options.settings,
    upstream,
    swaps: models.swaps,
    placements: models.placements,
    catalog: models.store,
    stats: gatewayStats,
    activity,
    leases: models.leases,
    log: options.log,
  });
  const stopFollowingLoads = followLoads(options.bus, activity);
  const idleUnload = new IdleUnload({
    settings: options.settings,
    placements: models.placements,
    activity,
    swaps: models.swaps,
    leases: models.leases,
    catalog: models.store,
    served: () => gateway.servedByPlacement(),
    log: options.log,
  });
  const usage = new UsageMeter({
    store: new UsageStore(options.db),
    log: options.log,
    registry: metricsRegistry,
    ...(options.tokenNames ? { tokenNames: options.tokenNames } : {}),
    ...(options.now ? { now: () => options.now!().getTime() } : {}),
  });
  await usage.load();
  const speech = new SpeechService({ gateway, settings: options.settings });
  const audioUploads = new AudioUploads({
    dir: join(options.dataDir, 'uploads'),
    maxConcurrent: MAX_AUDIO_UPLOADS,
  });
  await audioUploads.prepare();
  const search = new SearchService({ gateway });
  return {
    ...models,
    gateway,
    gatewayStats,
    activity,
    idleUnload,
    usage,
    speech,
    audioUploads,
    search,
    privacy,
    reasoning,
    health,
    inspector,
    hardwareHistory,
    schedules,
    scheduleRunner,
    keys,
    bot,
    metricsRegistry,
    /** Background work that starts once the server listens. */
    start(): void {
      health.monitor.start();
      models.leases.start();
      usage.start();
      hardwareHistory.start();
      scheduleRunner.start();
      tasks.watch();
      idleUnload.start();
      seedLoads(models.swapRepo, models.placements, activity).catch((error: unknown) =>
        options.log.warn({ err: error }, 'could not read when the placements were loaded'),
      );
      models.swaps
        .reconcile()
        .catch((error: unknown) => options.log.error({ err: error }, 'swap reconciliation failed'));
    },
    async stop(): Promise<void> {
      tasks.stop();
      stopFollowingLoads();
      await idleUnload.stop();
      models.leases.stop();
      await usage.stop();
      await scheduleRunner.stop();
      await hardwareHistory.stop();
      reasoning.close();
      await health.stop();
      await bot.close();
      await models.swaps.idle();
      await models.webhook.idle();
    },
  };
}

export type Services = Awaited<ReturnType<typeof composeServices>>;

async function createModelServices(options: ComposeOptions, onFinished: (swap: SwapView) => void) {
  const { settings } = options;
  const store = new CatalogStore({ file: join(options.dataDir, 'catalog.yaml'), log: options.log });
  await store.load();
  const probes = new SparkProbes({ pool: options.ssh.pool, settings });
  const cluster = new VllmCluster({ pool: options.ssh.pool, settings, probes });
  const placements = new PlacementDirectory({ settings });
  const webhook = new Webhook({ settings, log: options.log, retryDelaysMs: options.webhookRetryDelaysMs });
  const leases = new LeaseService({
    repo: new LeaseRepo(options.db),
    catalog: store,
    placements,
    bus: options.bus,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  await leases.load();
  const swapRepo = new SwapRepo(options.db);
  const swaps = new SwapService({
    leases,
    repo: swapRepo,
    cluster,
    catalog: store,
    settings,
    placements,
    bus: options.bus,
    log: options.log,
    webhook,
    onFinished,
    hub: options.hub,
    now: () => (options.now ?? (() => new Date()))().getTime(),
    ...(options.timing ? { timing: options.timing } : {}),
  });
  const catalog = new CatalogService({
    store,
    cluster,
    settings,
    placements,
    isServing: async (model) => (await cluster.servedNow())?.includes(model.servedName) ?? false,
  });
  const queuedSwaps = new QueuedSwaps({
    swaps,
    leases,
    bus: options.bus,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  const placementStates = new PlacementStates({ directory: placements, cluster, catalog: store, swaps });
  return {
    store,
    probes,
    cluster,
    placements,
    placementStates,
    webhook,
    leases,
    queuedSwaps,
    swaps,
    swapRepo,
    catalog,
  };
}

/** Tells `activity` when a swap makes a model resident on a placement and when an unload ends that. */
function followLoads(bus: EventBus, activity: PlacementActivity): () => void {
  return bus.subscribe((event) => {
    if (event.type !== 'swap.phase' || event.swap.status !== 'ready') return;
    if (event.swap.kind === 'unload') activity.unloaded(event.swap.placementId);
    else activity.loaded(event.swap.placementId);
  });
}

/** After a restart: when each placement's model was loaded, from its last swap, if that put one there. */
async function seedLoads(repo: SwapRepo, placements: PlacementDirectory, activity: PlacementActivity) {
  for (const placement of placements.all()) {
    const last = await repo.latest(placement.id);
    if (
      last?.kind === 'swap' &&
      last.status === 'ready' &&
      last.finishedAt &&
      !activity.loadedAt(placement.id)
    )
      activity.loaded(placement.id, Date.parse(last.finishedAt));
  }
}
