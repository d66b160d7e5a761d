import type { SparkContext } from '../layout.js';
import { processIo, type Io } from './args.js';
import { composeCommand } from './compose.js';
import { exec } from './exec.js';
import { imageInspect, inspect } from './inspect.js';
import { lifecycle } from './lifecycle.js';
import { logs } from './logs.js';
import { ps } from './ps.js';
import { run } from './run.js';
import { ContainerStore } from './store.js';

export { processIo, type Io } from './args.js';

/** Runs one docker command line (`docker` already stripped) on a simulated Spark; resolves to its exit code. */
export async function dockerCommand(
  context: SparkContext,
  argv: string[],
  io: Io = processIo,
): Promise<number> {
  const store = new ContainerStore(context.spark.stateDir);
  let [command, ...args] = argv;
  if (command === 'container') [command, ...args] = args;
  if (command === 'image' && args[0] === 'inspect') return imageInspect(context, args.slice(1), io);
  switch (command) {
    case 'run':
      return run(context, store, args, io);
    case 'ps':
    case 'ls':
      return ps(store, args, io);
    case 'inspect':
      return inspect(store, args, io);
    case 'logs':
      return logs(store, args, io);
    case 'stop':
    case 'kill':
    case 'start':
    case 'restart':
    case 'rm':
      return lifecycle(context, store, command, args, io);
    case 'exec':
      return exec(context, store, args, io);
    case 'compose':
      return composeCommand(context, store, args, io);
    case 'version':
    case '--version':
      io.out('Docker version 28.5.1, build e180ab8 (simulated)\n');
      return 0;
    default:
      io.err(
        `docker: unknown command: docker ${command ?? ''}\n\nRun 'docker --help' for more information\n`,
      );
      return 1;
  }
}
