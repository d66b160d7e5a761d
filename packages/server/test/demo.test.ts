import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_DIR } from './support/process.js';
import {
  busyCores,
  hasTerminal,
  listening,
  processesMentioning,
  Terminal,
  until,
} from './support/terminal.js';

const REPO = resolve(SERVER_DIR, '../..');
/** Where `make demo` puts its simulated Sparks and services (fixed: run in a network namespace). */
const SIM_ADDRESSES: [string, number][] = [
  ['127.0.0.2', 2222],
  ['127.0.0.3', 2222],
  ['127.0.0.2', 8888],
  ['127.0.0.3', 8000],
  ['127.0.0.3', 8880],
  ['127.0.0.3', 8080],
  ['127.0.0.3', 6333],
  ['127.0.0.1', 7070],
  ['127.0.0.1', 7071],
];

interface DemoRun {
  dataDir: string;
  port: number;
  /** What the demo is started with (data directory, server port, password). */
  vars: Record<string, string>;
}

const runs: DemoRun[] = [];
let hogs: { stop: () => void } | undefined;

async function newRun(): Promise<DemoRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-demo-'));
  // Outside the ephemeral range, so the simulator's own listen(0) sockets cannot take it first.
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const vars = {
    SPARK_CONTROL_DATA: dataDir,
    PORT: String(port),
    SPARK_CONTROL_PASSWORD: 'demo-test-password',
  };
  const run = { dataDir, port, vars };
  runs.push(run);
  return run;
}

/** This process's environment, minus what `make test` sets: the demo's make is not a sub-make. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['MAKEFLAGS', 'MAKELEVEL', 'MFLAGS']) delete env[name];
  return env;
}

const serviceProcesses = (run: DemoRun) =>
  processesMentioning(`SIM_ROOT=${join(run.dataDir, 'sim')}`).filter((line) => line.includes('run.mjs'));

const healthy = (run: DemoRun) =>
  fetch(`http://127.0.0.1:${run.port}/health`).then(
    (response) => response.ok,
    () => false,
  );

/** No process of the run (simulated services, reaper, server) and no port of it is left. */
async function expectNothingLeft(run: DemoRun): Promise<void> {
  await expect.poll(() => processesMentioning(run.dataDir), { timeout: 20_000, interval: 200 }).toEqual([]);
  for (const [host, port] of [...SIM_ADDRESSES, ['127.0.0.1', run.port] as [string, number]]) {
    expect(await listening(host, port), `${host}:${port} still answers`).toBe(false);
  }
}

afterEach(async () => {
  hogs?.stop();
  hogs = undefined;
  // A failed test must not leave its services on the fixed ports for the next one.
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
});

describe.skipIf(!hasTerminal)('make demo in a terminal', () => {
  const startInTerminal = (run: DemoRun) => {
    // The settings go on the command line, so only the demo's own processes carry the data directory.
    const terminal = Terminal.open({ cwd: REPO, env: baseEnv() });
    const assignments = Object.entries(run.vars).map(([name, value]) => `${name}='${value}'`);
    // The UI build is not what is tested here.
    terminal.type(`${assignments.join(' ')} make -o ui demo\n`);
    return terminal;
  };

  /** Resolves once /health first answers. */
  const answering = async (run: DemoRun, terminal: Terminal) => {
    const deadline = Date.now() + 150_000;
    while (!(await healthy(run))) {
      if (Date.now() > deadline) throw new Error(`the demo did not answer /health:\n${terminal.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('with both cores busy, Ctrl-C one second after /health first answers stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    try {
      await answering(run, terminal);
      hogs = busyCores();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(serviceProcesses(run).length).toBeGreaterThanOrEqual(6);
      terminal.interrupt();
      await terminal.promptReturns(60_000);
      expect(terminal.output).toContain('Stopping Spark Control and the simulated Sparks');
      await expectNothingLeft(run);
    } finally {
      await terminal.close();
    }
  }, 180_000);

  it('closing the terminal while it runs (SIGHUP) stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    await until(() => terminal.output.includes('Spark Control is ready'), 150_000, 'the demo');
    expect(terminal.output).toContain('Password: demo-test-password');
    expect(serviceProcesses(run).length).toBeGreaterThanOrEqual(6);
    await terminal.close();
    await expectNothingLeft(run);
  }, 180_000);

  it('closing the terminal right after a Ctrl-C stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    await until(() => terminal.output.includes('Spark Control is ready'), 150_000, 'the demo');
    terminal.interrupt();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await terminal.close();
    await expectNothingLeft(run);
  }, 180_000);

  it('with both cores busy, Ctrl-C while the simulated Sparks are still starting stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    try {
      await until(() => serviceProcesses(run).length > 0, 120_000, 'the first simulated service');
      hogs = busyCores();
      terminal.interrupt();
      await terminal.promptReturns(60_000);
      await expectNothingLeft(run);
    } finally {
      await terminal.close();
    }
  }, 180_000);
});

describe('make demo stopped by a signal to its whole process group', () => {
  /** Starts `node --import tsx scripts/demo.ts` (the Makefile's recipe) as its own process group. */
  const startDetached = (run: DemoRun) => {
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
  };

  it.each([
    ['SIGTERM', 'Starting two simulated DGX Sparks'],
    ['SIGHUP', 'Both simulated Sparks answer over SSH'],
  ] as const)(
    '%s as soon as it prints "%s" stops everything',
    async (signal, moment) => {
      const run = await newRun();
      const demo = startDetached(run);
      await until(() => demo.output().includes(moment), 120_000, `"${moment}"`);
      process.kill(-demo.pgid, signal);
      expect(await demo.exited, demo.output()).toBe(0);
      await expectNothingLeft(run);
    },
    150_000,
  );
});
