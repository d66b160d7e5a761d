import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ContainerStore } from '../docker/store.js';
import { consoleLog } from '../services/http.js';
import { VLLM_VERSION } from '../services/vllm.js';
import { logMissingModel, VllmLog } from '../services/vllm-log.js';
import { addConsumer, endConsumers, GB10_MEM_TOTAL_KB } from '../memory.js';
import { runnerTimingFlags, serviceRunner, sparkContextFromEnv, SIM_ENV } from '../layout.js';

// The `vllm` on PATH inside a simulated container: reserves memory the way vLLM preallocates it, then runs the
// vLLM simulator (services/run.ts) bound to the Spark's own address.
const context = sparkContextFromEnv();
const [subcommand, ...args] = process.argv.slice(2);
const container = process.env[SIM_ENV.container] ?? '';

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

/** A local model path inside the container, as a host path through the container's `-v` mounts. */
function hostPathOf(containerPath: string): string | undefined {
  const record = container ? new ContainerStore(context.spark.stateDir).get(container) : undefined;
  for (const mount of record?.spec.mounts ?? []) {
    if (
      containerPath === mount.destination ||
      containerPath.startsWith(`${mount.destination.replace(/\/$/, '')}/`)
    ) {
      return mount.source + containerPath.slice(mount.destination.length);
    }
  }
  return undefined;
}

if (subcommand === '--version' || subcommand === 'version') {
  process.stdout.write('0.11.2\n');
} else if (subcommand !== 'serve') {
  process.stderr.write(
    `usage: vllm [-h] [-v] {chat,complete,serve,bench,collect-env,run-batch} ...\nvllm: error: argument subparser: invalid choice: '${subcommand ?? ''}'\n`,
  );
  process.exitCode = 2;
} else {
  const utilization = Number(option('--gpu-memory-utilization') ?? 0.9);
  const reserveKb = Math.floor(GB10_MEM_TOTAL_KB * (Number.isFinite(utilization) ? utilization : 0.9));
  const log = new VllmLog(consoleLog);
  const model = modelArgument() ?? '';
  const localPath = model.startsWith('/') ? hostPathOf(model) : undefined;
  if (model.startsWith('/') && (localPath === undefined || !existsSync(localPath))) {
    // Not a folder in the container, so vLLM takes it for a Hub id and the Hub says 404.
    logMissingModel(log, model);
    process.exit(1);
  }
  if (args.includes('--headless')) {
    // A TP worker: no API server; it holds its share of the model until stopped.
    const rank = option('--node-rank') ?? '1';
    addConsumer(context.spark.stateDir, {
      pid: process.pid,
      container,
      kb: reserveKb,
      startedAt: Date.now(),
    });
    log.api('api_server.py:1839', `vLLM API server version ${VLLM_VERSION}`);
    log.engine(
      'core.py:780',
      `Launching headless engine core, node rank ${rank}, master ${option('--master-addr') ?? ''}:${option('--master-port') ?? ''}`,
    );
    const stop = () => {
      endConsumers(context.spark.stateDir, { pid: process.pid });
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    setInterval(() => undefined, 60_000);
  } else {
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
        '--',
        ...args,
      ],
      {
        stdio: 'inherit',
      },
    );
    if (child.pid !== undefined)
      addConsumer(context.spark.stateDir, {
        pid: child.pid,
        container,
        kb: reserveKb,
        startedAt: Date.now(),
      });
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
      process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => {
      if (child.pid !== undefined) endConsumers(context.spark.stateDir, { pid: child.pid });
      process.exit(code ?? (signal === 'SIGKILL' ? 137 : 143));
    });
  }
}
