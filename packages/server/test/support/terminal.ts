import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { hasCommand, systemComponent } from './system.js';

/** `script` (util-linux, in every Debian) gives a real pseudo-terminal without a native npm module. */
export const hasTerminal = systemComponent(
  'script (util-linux)',
  process.platform === 'linux' && hasCommand('script') && hasCommand('bash'),
  'install util-linux (script) and bash to run the terminal tests',
);

/**
 * An interactive bash in a real pseudo-terminal, as a user's terminal window: typed text goes
 * through the terminal's line discipline, so Ctrl-C becomes SIGINT to the foreground process group,
 * and closing the window hangs the terminal up (SIGHUP to the shell and to its foreground job).
 */
export class Terminal {
  readonly #window: ChildProcessWithoutNullStreams;
  #output = '';

  private constructor(window: ChildProcessWithoutNullStreams) {
    this.#window = window;
    window.stdout.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    window.stderr.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    window.stdin.on('error', () => undefined);
  }

  static open(options: { cwd: string; env: NodeJS.ProcessEnv }): Terminal {
    return new Terminal(
      spawn('script', ['-qfec', 'bash --norc --noprofile -i', '/dev/null'], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
  }

  get output(): string {
    return this.#output;
  }

  type(text: string): void {
    this.#window.stdin.write(text);
  }

  /** Ctrl-C: the terminal sends SIGINT to its foreground process group. */
  interrupt(): void {
    this.type('\x03');
  }

  /** Resolves once the shell runs a command again (the foreground job ended). */
  async promptReturns(timeoutMs: number): Promise<void> {
    // `$((…))` is expanded only when the shell runs the line, never in the terminal's echo of it.
    this.type('echo prompt-$((40 + 2))\n');
    await until(() => this.#output.includes('prompt-42'), timeoutMs, `the shell prompt\n${this.#output}`);
  }

  /** Closes the window: the kernel hangs the terminal up. */
  async close(): Promise<void> {
    if (this.#window.exitCode !== null || this.#window.signalCode !== null) return;
    const closed = new Promise((done) => this.#window.once('exit', done));
    this.#window.kill('SIGKILL');
    await closed;
  }
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Live processes (not zombies) whose environment mentions `text`, with their command lines. */
export function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (!readFileSync(`/proc/${entry}/environ`, 'utf8').includes(text)) continue;
      found.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')}`);
    } catch {
      // gone, or another user's
    }
  }
  return found;
}

/** Whether something accepts TCP connections on host:port. */
export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Processes that keep both cores busy, as a build or a browser would; `stop` ends them. */
export function busyCores(count = 2): { stop: () => void } {
  const hogs = Array.from({ length: count }, () =>
    spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore', detached: true }),
  );
  return {
    stop: () => {
      for (const hog of hogs) {
        try {
          if (hog.pid !== undefined) process.kill(-hog.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}
