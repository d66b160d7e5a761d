import { spawn } from 'node:child_process';
import { addConsumer, endConsumers, GB10_MEM_TOTAL_KB } from '../memory.js';
import { nodeTs, runnerTimingFlags, sparkContextFromEnv, SIM_ENV } from '../layout.js';

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

function timestamp(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
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
  if (args.includes('--headless')) {
    // A TP worker: no API server; it holds its share of the model until stopped.
    const rank = option('--node-rank') ?? '1';
    addConsumer(context.spark.stateDir, {
      pid: process.pid,
      container,
      kb: reserveKb,
      startedAt: Date.now(),
    });
    process.stdout.write(`INFO ${timestamp()} [api_server.py:1900] vLLM API server version 0.11.2\n`);
    process.stdout.write(
      `INFO ${timestamp()} [core.py:780] Launching headless engine core, node rank ${rank}, master ${option('--master-addr') ?? ''}:${option('--master-port') ?? ''}\n`,
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
    const [node = process.execPath, ...nodeArgs] = nodeTs('services/run.ts');
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
