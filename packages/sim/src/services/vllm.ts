import { loadFailureFor, readFaults } from '../faults.js';
import {
  checkPortFree,
  consoleLog,
  Listener,
  reservePort,
  sleep,
  type RunningService,
  type ServiceOptions,
} from './http.js';
import { ArgparseError, parseVllmArgs, pythonRepr, type VllmArgs } from './vllm-args.js';
import {
  architectureOf,
  logAddressInUse,
  logEngineDeath,
  logLoadFailure,
  logMasterPortInUse,
  logMissingModel,
  logRendezvousTimeout,
  logStartupMemoryShortfall,
  VLLM_ROUTES,
  VllmLog,
} from './vllm-log.js';
import { claimMemory } from './vllm-memory.js';
import { VllmMetrics } from './vllm-metrics.js';
import { claimMaster, joinedRanks, rendezvousDir } from '../rendezvous.js';
import { vllmApp, type VllmState } from './vllm-openai.js';

export const VLLM_VERSION = '0.11.2';
const DEFAULT_MAX_MODEL_LEN = 131072;

export interface VllmOptions extends ServiceOptions {
  /** After the engine dies the API server shuts down after this long (vLLM's watchdog: 5 s). */
  watchdogMs?: number;
  /** Period of the `Avg prompt throughput` line (10 s in vLLM). */
  statsIntervalMs?: number;
}

class Exit extends Error {
  constructor(readonly code: number) {
    super(`vllm exited with code ${code}`);
  }
}

/**
 * Simulated `vllm serve`: logs the startup markers, stays unreachable (ECONNREFUSED) while it
 * "loads", then serves the OpenAI API. `ready` rejects and `exited` resolves non-zero on the fatal paths.
 */
export async function startVllm(options: VllmOptions): Promise<RunningService> {
  const out = options.log ?? consoleLog;
  const host = options.host ?? '127.0.0.1';
  let args: VllmArgs;
  try {
    args = parseVllmArgs(options.args ?? []);
  } catch (error) {
    if (!(error instanceof ArgparseError)) throw error;
    for (const line of error.message.split('\n')) out.error(line);
    const ready = Promise.reject(new Exit(2));
    ready.catch(() => undefined);
    return { port: 0, ready, exited: Promise.resolve(2), close: () => Promise.resolve() };
  }
  const port = options.port !== undefined ? await reservePort(host, options.port) : args.port;
  const log = new VllmLog(out);
  const faults = readFaults(options.stateDir).vllm ?? {};
  const loadDelayMs = (options.loadDelayMs ?? 3000) + (faults.loadDelayMs ?? 0);
  const timers = new Set<NodeJS.Timeout>();
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let closing = false;

  const state: VllmState = {
    args,
    maxModelLen: args.maxModelLen ?? DEFAULT_MAX_MODEL_LEN,
    stateDir: options.stateDir,
    tokenDelayMs: options.tokenDelayMs ?? 20,
    log,
    metrics: new VllmMetrics(args.servedModelNames[0] ?? args.model),
    version: VLLM_VERSION,
    engineDead: false,
    killEngine: () => {
      if (state.engineDead) return;
      state.engineDead = true;
      logEngineDeath(log);
      const timer = setTimeout(() => void shutdown(1), options.watchdogMs ?? 5000);
      timers.add(timer);
    },
  };
  const listener = new Listener(vllmApp(state));

  async function shutdown(code: number): Promise<void> {
    if (closing) return;
    closing = true;
    for (const timer of timers) clearTimeout(timer);
    log.raw('api', 'INFO:     Shutting down');
    await listener.close();
    log.raw('api', 'INFO:     Application shutdown complete.');
    log.raw('api', `INFO:     Finished server process [${log.apiPid}]`);
    resolveExit(code);
  }

  const fail = (code: number): never => {
    closing = true;
    resolveExit(code);
    throw new Exit(code);
  };

  /** With `--nnodes N` the head waits for its N-1 headless ranks, as torch.distributed's store does. */
  async function waitForRanks(): Promise<void> {
    const nodes = Number(args.given.nnodes ?? 1);
    if (!(nodes > 1) || Number(args.given['node-rank'] ?? 0) !== 0) return;
    const masterPort = String(args.given['master-port'] ?? 29501);
    const dir = rendezvousDir(options.stateDir, masterPort);
    if (!claimMaster(dir, process.pid)) {
      logMasterPortInUse(log, masterPort);
      fail(1);
    }
    const timeoutMs = options.rendezvousTimeoutMs ?? 600_000;
    const deadline = Date.now() + timeoutMs;
    while (joinedRanks(dir) < nodes - 1) {
      if (Date.now() > deadline) {
        logRendezvousTimeout(log, Math.round(timeoutMs / 1000) + 1, joinedRanks(dir) + 1, nodes);
        fail(1);
      }
      await sleep(100);
      if (closing) throw new Exit(0);
    }
  }

  async function boot(): Promise<void> {
    const started = performance.now();
    const elapsed = () => ((performance.now() - started) / 1000).toFixed(2);
    const stage = async (fraction: number) => {
      await sleep(loadDelayMs * fraction);
      if (closing) throw new Exit(0);
    };
    log.api('api_server.py:1839', `vLLM API server version ${VLLM_VERSION}`);
    log.api('utils.py:233', `non-default args: ${pythonRepr(args.given)}`);
    const inUse = readFaults(options.stateDir).portsInUse?.includes(port) ?? false;
    const free = await checkPortFree(host, port).then(
      () => true,
      () => false,
    );
    if (inUse || !free) {
      logAddressInUse(log);
      fail(1);
    }
    if (readFaults(options.stateDir).vllm?.missingModels?.includes(args.model)) {
      logMissingModel(log, args.model);
      fail(1);
    }
    await stage(0.1);
    log.api('model.py:547', `Resolved architecture: ${architectureOf(args.model)}`);
    log.api('model.py:1510', `Using max model len ${state.maxModelLen}`);
    log.engine(
      'core.py:93',
      `Initializing a V1 LLM engine (v${VLLM_VERSION}) with config: model='${args.model}', tensor_parallel_size=${args.tensorParallelSize}, max_seq_len=${state.maxModelLen}`,
    );
    // The worker's init_device: vLLM's memory check, then the memory is vLLM's until it exits.
    const memory = claimMemory(
      options.stateDir,
      options.memoryReleaseLagMs ?? 2000,
      args.gpuMemoryUtilization,
      options.container,
    );
    if (!memory.ok) {
      logStartupMemoryShortfall(log, memory.error);
      fail(1);
    }
    await waitForRanks();
    log.engine('gpu_model_runner.py:2338', `Starting to load model ${args.model}...`);
    await stage(0.3);
    const failure = loadFailureFor(readFaults(options.stateDir), args.model);
    if (failure) {
      logLoadFailure(log, failure);
      fail(1);
    }
    await stage(0.2);
    log.engine('default_loader.py:267', `Loading weights took ${elapsed()} seconds`);
    const weightsGiB = (8 + (args.model.length % 20) * 1.7).toFixed(4);
    log.engine(
      'gpu_model_runner.py:2392',
      `Model loading took ${weightsGiB} GiB memory and ${elapsed()} seconds`,
    );
    await stage(0.2);
    log.engine('backends.py:548', `torch.compile takes ${elapsed()} s in total`);
    const kvGiB = Math.max(1, 119.7 * args.gpuMemoryUtilization - Number(weightsGiB));
    const kvTokens = Math.floor(kvGiB * 21_000);
    log.engine('gpu_worker.py:298', `Available KV cache memory: ${kvGiB.toFixed(2)} GiB`);
    log.engine('kv_cache_utils.py:1087', `GPU KV cache size: ${kvTokens.toLocaleString('en-US')} tokens`);
    log.engine(
      'kv_cache_utils.py:1091',
      `Maximum concurrency for ${state.maxModelLen.toLocaleString('en-US')} tokens per request: ${(kvTokens / state.maxModelLen).toFixed(2)}x`,
    );
    await stage(0.2);
    log.engine(
      'gpu_model_runner.py:3118',
      `Graph capturing finished in ${Math.max(1, Math.round(loadDelayMs / 5000))} secs, took 0.55 GiB`,
    );
    log.engine(
      'core.py:210',
      `init engine (profile, create kv cache, warmup model) took ${elapsed()} seconds`,
    );
    log.api('api_server.py:1634', "Supported_tasks: ['generate']");
    log.api('api_server.py:1912', `Starting vLLM API server 0 on http://${args.host}:${args.port}`);
    log.api('launcher.py:34', 'Available routes are:');
    for (const [route, methods] of VLLM_ROUTES)
      log.api('launcher.py:42', `Route: ${route}, Methods: ${methods}`);
    try {
      await listener.listen(host, port);
    } catch {
      logAddressInUse(log);
      fail(1);
    }
    log.raw('api', `INFO:     Started server process [${log.apiPid}]`);
    log.raw('api', 'INFO:     Waiting for application startup.');
    log.raw('api', 'INFO:     Application startup complete.');
    const stats = setInterval(() => {
      const { prompt, generation } = state.metrics.window;
      if (prompt === 0 && generation === 0 && state.metrics.running === 0) return;
      const seconds = (options.statsIntervalMs ?? 10_000) / 1000;
      log.api(
        'loggers.py:123',
        `Engine 000: Avg prompt throughput: ${(prompt / seconds).toFixed(1)} tokens/s, Avg generation throughput: ${(generation / seconds).toFixed(1)} tokens/s, Running: ${state.metrics.running} reqs, Waiting: 0 reqs, GPU KV cache usage: ${(state.metrics.kvCacheUsage * 100).toFixed(1)}%, Prefix cache hit rate: ${((state.metrics.prefixHits / Math.max(1, state.metrics.prefixQueries)) * 100).toFixed(1)}%`,
      );
      state.metrics.window = { prompt: 0, generation: 0 };
    }, options.statsIntervalMs ?? 10_000);
    stats.unref();
    timers.add(stats);
  }

  const ready = boot();
  ready.catch((error: unknown) => {
    if (error instanceof Exit && error.code === 0) resolveExit(0);
  });
  return { port, ready, exited, close: () => (closing ? listener.close() : shutdown(0)) };
}
