import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_DIR } from './support/process.js';

const REPO = resolve(SERVER_DIR, '../..');

/** Processes whose command line mentions `marker`. */
function processesWith(marker: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(marker) && !line.includes('ps -eo'));
}

describe('make demo', () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('comes up with both simulated Sparks reachable, and Ctrl-C leaves no process behind', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'spark-control-demo-'));
    // Outside the ephemeral range, so the simulator's own listen(0) sockets cannot take it first.
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        SPARK_CONTROL_DATA: dataDir,
        PORT: String(port),
        SPARK_CONTROL_PASSWORD: 'demo-test-password',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => demo.once('exit', (code) => done(code)));

    const deadline = Date.now() + 120_000;
    while (!output.includes('Spark Control is ready')) {
      if (Date.now() > deadline || demo.exitCode !== null)
        throw new Error(`demo did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toContain('Both simulated Sparks answer over SSH');
    expect(output).toContain('Password: demo-test-password');
    expect(output).toContain(`http://localhost:${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(processesWith(dataDir).length).toBeGreaterThan(0);

    process.kill(-demo.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(processesWith(dataDir)).toEqual([]);
  }, 180_000);
});
