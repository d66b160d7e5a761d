import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../processes.js';

// Ray as the simulated vllm-node containers run it: `ray start --block [--head]` holds a node until it is
// stopped, `ray status` answers while a head runs in this container. No cluster is formed.

const headFile = () => join(process.cwd(), 'tmp', 'ray', 'head.pid');

function option(args: string[], name: string): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === name) return args[index + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** `ray start --block …`: prints what Ray prints and never returns until SIGTERM/SIGINT. */
export function rayStart(args: string[]): void {
  const ip = option(args, '--node-ip-address') ?? process.env.VLLM_HOST_IP ?? '127.0.0.1';
  process.stdout.write(`Local node IP: ${ip}\n`);
  if (args.includes('--head')) {
    mkdirSync(join(process.cwd(), 'tmp', 'ray'), { recursive: true });
    writeFileSync(headFile(), String(process.pid));
    const port = option(args, '--port') ?? '6379';
    process.stdout.write(
      `\n--------------------\nRay runtime started.\n--------------------\n\nNext steps\n  To add another node to this Ray cluster, run\n    ray start --address='${ip}:${port}'\n`,
    );
  } else {
    process.stdout.write('\n--------------------\nRay runtime started.\n--------------------\n');
  }
  process.stdout.write('--block\n  This command will now block forever until terminated by a signal.\n');
  const stop = () => {
    if (args.includes('--head')) rmSync(headFile(), { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 60_000);
}

function headRunning(): boolean {
  if (!existsSync(headFile())) return false;
  return isAlive(Number(readFileSync(headFile(), 'utf8')));
}

/** `ray status`: the autoscaler summary while a head runs here, else Ray's connection error. */
export function rayStatus(): number {
  if (!headRunning()) {
    process.stderr.write(
      'ConnectionError: Could not find any running Ray instance. Please specify the one to connect to by setting `--address` flag or `RAY_ADDRESS` environment variable.\n',
    );
    return 1;
  }
  process.stdout.write(
    '======== Autoscaler status ========\nNode status\n---------------------------------------------------------------\nActive:\n 1 node_sim\nPending:\n (no pending nodes)\nRecent failures:\n (no failures)\n',
  );
  return 0;
}
