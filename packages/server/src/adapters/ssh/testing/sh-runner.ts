import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One long-lived `/bin/sh` fed from stdin, so a property test can send thousands of quoted
 * words through a real shell without a process per case. Each `echo(word)` runs
 * `printf %s word` followed by a NUL marker and returns the bytes the shell printed.
 */
export class ShellRunner {
  readonly home: string;
  readonly #sh: ChildProcessWithoutNullStreams;
  #buffer = Buffer.alloc(0);
  #waiting:
    { resolve: (out: Buffer) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | undefined;
  #closed = false;

  constructor() {
    this.home = mkdtempSync(join(tmpdir(), 'sh-runner-'));
    // cwd and HOME in a scratch directory: if quoting were broken, stray redirections land here.
    this.#sh = spawn('/bin/sh', ['-s'], { cwd: this.home, env: { HOME: this.home, PATH: '/usr/bin:/bin' } });
    this.#sh.stdout.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#deliver();
    });
    this.#sh.on('exit', () => {
      this.#closed = true;
      this.#waiting?.reject(new Error('sh exited'));
    });
  }

  #deliver(): void {
    const end = this.#buffer.indexOf(0);
    if (end === -1 || !this.#waiting) return;
    const out = this.#buffer.subarray(0, end);
    this.#buffer = this.#buffer.subarray(end + 1);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    clearTimeout(waiting.timer);
    waiting.resolve(Buffer.from(out));
  }

  echo(word: string, timeoutMs = 2000): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('sh exited'));
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting = undefined;
        reject(new Error(`sh did not answer within ${timeoutMs} ms (unbalanced quoting?)`));
      }, timeoutMs);
      this.#waiting = { resolve, reject, timer };
      this.#sh.stdin.write(`printf %s ${word}; printf '\\000'\n`);
    });
  }

  close(): void {
    this.#sh.stdin.end();
    this.#sh.kill();
    rmSync(this.home, { recursive: true, force: true });
  }
}
