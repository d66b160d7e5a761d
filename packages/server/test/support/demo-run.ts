import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { SERVER_DIR } from './process.js';
import { listening, processesMentioning } from './terminal.js';

export const REPO = resolve(SERVER_DIR, '../..');

/** Where `make demo` puts its simulated Sparks and services (fixed: run in a network namespace). */
const SIM_ADDRESSES: [string, number][] = [
  ['127.0.0.2', 2222],
  ['127.0.0.3', 2222],
  ['127.0.0.2', 8888],
  ['127.0.0.3', 8890],
  ['127.0.0.3', 8000],
  ['127.0.0.3', 8880],
  ['127.0.0.3', 8080],
  ['127.0.0.3', 6333],
  ['127.0.0.1', 7070],
  ['127.0.0.1', 7071],
];

export interface DemoRun {
  dataDir: string;
  port: number;
  /** The demo's own API token (every scope), for /v1 and /api. */
  token: string;
  /** What the demo is started with (data directory, server port, password, API token). */
  vars: Record<string, string>;
}

const runs: DemoRun[] = [];

export async function newRun(): Promise<DemoRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-demo-'));
  // Outside the ephemeral range, so the simulator's own listen(0) sockets cannot take it first.
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const token = `sc_${randomBytes(24).toString('base64url')}`;
  const vars = {
    SPARK_CONTROL_DATA: dataDir,
    PORT: String(port),
    SPARK_CONTROL_PASSWORD: 'demo-test-password',
    SPARK_CONTROL_API_TOKEN: token,
    // A swap's preflight asks the Hub about weights not downloaded yet: here nothing answers, at once.
    HF_ENDPOINT: 'http://127.0.0.1:9',
  };
  const run = { dataDir, port, token, vars };
  runs.push(run);
  return run;
}

/** This process's environment, minus what `make test` sets: the demo's make is not a sub-make. */
export function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['MAKEFLAGS', 'MAKELEVEL', 'MFLAGS']) delete env[name];
  return env;
}

export const serviceProcesses = (run: DemoRun) =>
  processesMentioning(`SIM_ROOT=${join(run.dataDir, 'sim')}`).filter((line) => line.includes('run.mjs'));

export const healthy = (run: DemoRun) =>
  fetch(`http://127.0.0.1:${run.port}/health`).then(
    (response) => response.ok,
    () => false,
  );

/** No process of the run (simulated services, reaper, server) and no port of it is left. */
export async function expectNothingLeft(run: DemoRun): Promise<void> {
  await expect.poll(() => processesMentioning(run.dataDir), { timeout: 20_000, interval: 200 }).toEqual([]);
  for (const [host, port] of [...SIM_ADDRESSES, ['127.0.0.1', run.port] as [string, number]]) {
    expect(await listening(host, port), `${host}:${port} still answers`).toBe(false);
  }
}

/** For afterEach: a failed test must not leave its services on the fixed ports for the next one. */
export async function removeRuns(): Promise<void> {
  for (const run of runs.splice(0)) {
    for (const line of processesMentioning(run.dataDir)) {
      try {
        process.kill(Number(line.split(' ')[0]), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await rm(run.dataDir, { recursive: true, force: true });
  }
}

/** Starts `node --import tsx scripts/demo.ts` (the Makefile's recipe) as its own process group. */
export function startDetached(run: DemoRun) {
  const demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
    cwd: REPO,
    env: { ...baseEnv(), ...run.vars },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => demo.once('exit', (code) => done(code)));
  return { pgid: demo.pid ?? 0, output: () => output, exited };
}
