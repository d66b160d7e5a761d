import type { SparkContext } from '../layout.js';
import { has, last, noSuchContainer, parse, STOP_VALUE_FLAGS, type Io } from './args.js';
import { mainProcessFor } from './images.js';
import type { ContainerStore } from './store.js';

/** `docker stop|kill|start|restart|rm NAME…`: echoes each name it handled. */
export async function lifecycle(
  context: SparkContext,
  store: ContainerStore,
  command: 'stop' | 'kill' | 'start' | 'restart' | 'rm',
  args: string[],
  io: Io,
): Promise<number> {
  const parsed = parse(args, STOP_VALUE_FLAGS, false);
  const graceMs = command === 'kill' ? 0 : Number(last(parsed, '-t', '--time') ?? 10) * 1000;
  let code = 0;
  for (const name of parsed.positional) {
    const record = store.get(name);
    if (!record) {
      code = noSuchContainer(io, name);
      continue;
    }
    if (command === 'stop' || command === 'kill') {
      if (command === 'kill' && record.status !== 'running') {
        io.err(
          `Error response from daemon: cannot kill container: ${name}: container ${record.id} is not running\n`,
        );
        code = 1;
        continue;
      }
      await store.stop(name, graceMs);
    } else if (command === 'rm') {
      if (record.status === 'running' && !has(parsed, '-f', '--force')) {
        io.err(
          `Error response from daemon: cannot remove container "/${record.spec.name}": container is running: stop the container before removing or force remove\n`,
        );
        code = 1;
        continue;
      }
      await store.stop(name, 0, { keep: true });
      store.remove(record.spec.name);
    } else {
      if (command === 'restart' && record.status === 'running')
        await store.stop(name, graceMs, { keep: true });
      const current = store.get(name) ?? record;
      if (current.status !== 'running')
        store.write(store.startMain(current, mainProcessFor(context, current.spec)));
    }
    io.out(`${name}\n`);
  }
  return code;
}
