/**
 * Process entry the fake docker starts:
 *   tsx src/services/run.ts <kind> --host H --port P --state-dir D [--load-delay-ms N] [--token-delay-ms N]
 *     [--rendezvous-timeout-ms N] [--memory-release-lag-ms N] [--container NAME] [--] [service args…]
 * Leading options up to the first one it does not know (or `--`) belong to the runner; the rest go to
 * the service (for vllm: exactly the arguments after `vllm serve`). A runner `--port` wins over the
 * service's own; without it vllm listens on its `--port` (8000 by default).
 */
import { fileURLToPath } from 'node:url';
import type { SimServiceKind } from '../faults.js';
import { startCloud } from '../cloud/nvidia.js';
import type { RunningService, ServiceOptions } from './http.js';
import { startEmbeddings } from './embeddings.js';
import { startKokoro } from './kokoro.js';
import { startParakeet } from './parakeet.js';
import { startQdrant } from './qdrant.js';
import { startVllm } from './vllm.js';

export type { RunningService, ServiceOptions } from './http.js';

const KINDS: SimServiceKind[] = ['vllm', 'parakeet', 'kokoro', 'embeddings', 'qdrant', 'cloud'];

/** Starts one simulated service in this process. */
export function startService(kind: SimServiceKind, options: ServiceOptions): Promise<RunningService> {
  switch (kind) {
    case 'vllm':
      return startVllm(options);
    case 'parakeet':
      return startParakeet(options);
    case 'kokoro':
      return startKokoro(options);
    case 'embeddings':
      return startEmbeddings(options);
    case 'qdrant':
      return startQdrant(options);
    case 'cloud':
      return startCloud(options);
  }
}

const RUNNER_FLAGS = new Set([
  '--host',
  '--port',
  '--state-dir',
  '--load-delay-ms',
  '--token-delay-ms',
  '--rendezvous-timeout-ms',
  '--memory-release-lag-ms',
  '--container',
]);

export function parseRunArgs(argv: string[]): { kind: SimServiceKind; options: ServiceOptions } {
  const [kind, ...rest] = argv;
  if (!KINDS.includes(kind as SimServiceKind))
    throw new Error(`usage: run.ts <${KINDS.join('|')}> --host H --port P --state-dir D [args…]`);
  const runner: Record<string, string> = {};
  let i = 0;
  while (i < rest.length && RUNNER_FLAGS.has(rest[i] ?? '')) {
    runner[rest[i] ?? ''] = rest[i + 1] ?? '';
    i += 2;
  }
  if (rest[i] === '--') i += 1;
  const number = (flag: string) => (runner[flag] !== undefined ? Number(runner[flag]) : undefined);
  const options: ServiceOptions = { stateDir: runner['--state-dir'] ?? '.', args: rest.slice(i) };
  if (runner['--host'] !== undefined) options.host = runner['--host'];
  const port = number('--port');
  if (port !== undefined) options.port = port;
  const load = number('--load-delay-ms');
  if (load !== undefined) options.loadDelayMs = load;
  const token = number('--token-delay-ms');
  if (token !== undefined) options.tokenDelayMs = token;
  const rendezvous = number('--rendezvous-timeout-ms');
  if (rendezvous !== undefined) options.rendezvousTimeoutMs = rendezvous;
  const lag = number('--memory-release-lag-ms');
  if (lag !== undefined) options.memoryReleaseLagMs = lag;
  if (runner['--container'] !== undefined) options.container = runner['--container'];
  return { kind: kind as SimServiceKind, options };
}

async function main(): Promise<void> {
  const { kind, options } = parseRunArgs(process.argv.slice(2));
  const service = await startService(kind, options);
  const stop = () => void service.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  service.ready.catch(() => undefined);
  process.exitCode = await service.exited;
  // Give stdout a chance to flush before the event loop is torn down.
  setImmediate(() => process.exit(process.exitCode));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
