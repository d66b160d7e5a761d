import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContainerStore } from '../docker/store.js';
import { loadFailureFor, readFaults } from '../faults.js';
import { hostPathThroughMounts, markRootOwned } from '../filesystem.js';
import { consoleLog } from '../services/http.js';
import { VLLM_VERSION } from '../services/vllm.js';
import {
  logGatedModel,
  logInvalidLocalModel,
  logLoadFailure,
  logMissingModel,
  logStartupMemoryShortfall,
  VllmLog,
} from '../services/vllm-log.js';
import { endConsumers } from '../memory.js';
import { claimMemory } from '../services/vllm-memory.js';
import { joinRendezvous, leaveRendezvous, masterRendezvous } from '../rendezvous.js';
import { runnerTimingFlags, serviceRunner, sparkContextFromEnv, SIM_ENV } from '../layout.js';

// The `vllm` on PATH inside a simulated container: checks the model the way vLLM resolves it (a local
// directory through the container's mounts, or a Hub id fetched into the mounted Hugging Face cache),
// checks and reserves memory the way vLLM preallocates it (a headless rank here, the API server in
// services/vllm.ts), then runs the vLLM simulator bound to the Spark's address.
const context = sparkContextFromEnv();
const [subcommand, ...args] = process.argv.slice(2);
const container = process.env[SIM_ENV.container] ?? '';
const mounts =
  (container ? new ContainerStore(context.spark.stateDir).get(container) : undefined)?.spec.mounts ?? [];
const faults = readFaults(context.spark.stateDir).vllm ?? {};

function option(name: string): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === name) return args[index + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** The model argument (`vllm serve MODEL` or `--model MODEL`). */
function modelArgument(): string | undefined {
  return (
    option('--model') ??
    args.find(
      (arg, index) => !arg.startsWith('-') && (index === 0 || !(args[index - 1] ?? '').startsWith('--')),
    )
  );
}

/**
 * A Hub model not in the mounted cache is downloaded into it. The container runs as root, so what it
 * writes belongs to root on the host.
 */
function download(model: string): void {
  const hub = hostPathThroughMounts(context, mounts, '/root/.cache/huggingface/hub');
  if (!hub) return;
  const dir = join(hub, `models--${model.replace('/', '--')}`);
  if (existsSync(join(dir, 'refs', 'main'))) return;
  const snapshot = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  mkdirSync(join(dir, 'snapshots', snapshot), { recursive: true });
  mkdirSync(join(dir, 'refs'), { recursive: true });
  mkdirSync(join(dir, 'blobs'), { recursive: true });
  writeFileSync(join(dir, 'refs', 'main'), snapshot);
  writeFileSync(
    join(dir, 'snapshots', snapshot, 'config.json'),
    JSON.stringify({ _name_or_path: model, architectures: ['SimulatedForCausalLM'] }),
  );
  markRootOwned(context.spark.stateDir, dir);
}

/** Why vLLM cannot get the model's files, logged as vLLM logs it; false when it can. */
function modelUnavailable(log: VllmLog, model: string, headless: boolean): boolean {
  if (model.startsWith('/')) {
    const local = hostPathThroughMounts(context, mounts, model);
    if (local && existsSync(join(local, 'config.json'))) return false;
    logInvalidLocalModel(log, model);
    return true;
  }
  if (faults.gatedModels?.includes(model) && !process.env.HF_TOKEN) {
    logGatedModel(log, model);
    return true;
  }
  // The API server's own startup reports a missing repo (services/vllm.ts); a headless rank reports it here.
  if (headless && faults.missingModels?.includes(model)) {
    logMissingModel(log, model);
    return true;
  }
  if (!faults.missingModels?.includes(model)) download(model);
  return false;
}

/** A TP worker (`--headless`): no API server; it loads its share of the model and holds it until stopped. */
function runHeadless(log: VllmLog, utilization: number): void {
  const rank = option('--node-rank') ?? '1';
  log.api('api_server.py:1839', `vLLM API server version ${VLLM_VERSION}`);
  log.engine(
    'core.py:780',
    `Launching headless engine core, node rank ${rank}, master ${option('--master-addr') ?? ''}:${option('--master-port') ?? ''}`,
  );
  const memory = claimMemory(
    context.spark.stateDir,
    context.config.memoryReleaseLagMs,
    utilization,
    container,
  );
  if (!memory.ok) {
    logStartupMemoryShortfall(log, memory.error, true);
    process.exit(1);
  }
  const failure = loadFailureFor({ vllm: faults }, modelArgument() ?? '');
  if (failure) {
    endConsumers(context.spark.stateDir, { pid: process.pid });
    logLoadFailure(log, failure);
    process.exit(1);
  }
  const store = masterRendezvous(
    context.config,
    option('--master-addr') ?? '',
    option('--master-port') ?? '29501',
  );
  if (store) joinRendezvous(store, rank, process.pid);
  const stop = () => {
    if (store) leaveRendezvous(store, rank);
    endConsumers(context.spark.stateDir, { pid: process.pid });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 60_000);
}

function runServer(): void {
  const port = Number(option('--port') ?? 8000) + context.spark.portOffset;
  const [node = process.execPath, ...nodeArgs] = serviceRunner(context.root);
  const child = spawn(
    node,
    [
      ...nodeArgs,
      'vllm',
      '--host',
      context.spark.host,
      '--port',
      String(port),
      '--state-dir',
      context.spark.stateDir,
      ...runnerTimingFlags(context.config),
      '--memory-release-lag-ms',
      String(context.config.memoryReleaseLagMs),
      '--container',
      container,
      '--',
      ...args,
    ],
    { stdio: 'inherit' },
  );
  // The server claims its memory itself once its startup check passes (services/vllm-memory.ts).
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (child.pid !== undefined) endConsumers(context.spark.stateDir, { pid: child.pid });
    process.exit(code ?? (signal === 'SIGKILL' ? 137 : 143));
  });
}

if (subcommand === '--version' || subcommand === 'version') {
  process.stdout.write(`${VLLM_VERSION}\n`);
} else if (subcommand !== 'serve') {
  process.stderr.write(
    `usage: vllm [-h] [-v] {chat,complete,serve,bench,collect-env,run-batch} ...\nvllm: error: argument subparser: invalid choice: '${subcommand ?? ''}'\n`,
  );
  process.exitCode = 2;
} else {
  const utilization = Number(option('--gpu-memory-utilization') ?? 0.9);
  const log = new VllmLog(consoleLog);
  const headless = args.includes('--headless');
  if (modelUnavailable(log, modelArgument() ?? '', headless)) process.exit(1);
  if (headless) runHeadless(log, Number.isFinite(utilization) ? utilization : 0.9);
  else runServer();
}
