// `make demo`: simulated Sparks on 127.0.0.2 / 127.0.0.3 and Spark Control pointed at them, with two
// placements (demo-layout.ts) served through the one /v1.
// Data in .data/demo (settings.json, embedded database, keys). Ctrl-C, SIGTERM or closing the
// terminal (SIGHUP), at any moment of start-up or after, stops every process it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type SimCluster, startCluster } from '@spark-control/sim';
import { stringify } from 'yaml';
import { createSshAdapter, command } from '../packages/server/src/adapters/ssh/index.js';
import { DEFAULT_CATALOG } from '../packages/server/src/services/catalog/defaults.js';
import {
  demoInitialModels,
  demoPlacementSettings,
  demoSparkCount,
  demoSparks,
  describeDemoPlacements,
} from './demo-layout.js';

// Before anything starts: each way a terminal stops a program stops all that is started below.
const startup = new AbortController();
let cluster: Promise<SimCluster> | undefined;
let server: ChildProcess | undefined;
let stopping = false;
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of STOP_SIGNALS) process.on(signal, () => void stop(0));
// After a hang-up the terminal is gone and writing to it fails (EIO): that must not end the clean-up.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
// A crash of this script must not orphan the server (the simulation has its own reaper).
process.on('exit', () => {
  if (server?.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
});

const repo = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.SPARK_CONTROL_DATA ?? join(repo, '.data/demo'));
const port = Number(process.env.PORT ?? 9999);
// The simulated services must not inherit the server's port.
delete process.env.PORT;
const simRoot = join(dataDir, 'sim');
const sparkCount = demoSparkCount(process.env.SPARK_CONTROL_DEMO_SPARKS);
const COUNT_WORDS = ['', 'one', 'two', 'three', 'four'];
const serverPidFile = join(dataDir, 'server.pid');

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  startup.abort(new Error('the demo is stopping'));
  console.log('\nStopping Spark Control and the simulated Sparks…');
  try {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((done) => server?.once('exit', done));
      server.kill('SIGTERM');
      const forced = setTimeout(() => server?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
    rmSync(serverPidFile, { force: true });
    // A start-up still under way stops what it started and rejects; a finished one is stopped here.
    const started = await cluster?.catch(() => undefined);
    await started?.stop();
  } catch (error) {
    // Whatever is left, the simulation's reaper stops once this process is gone.
    console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  process.exit(code);
}

/** A server an earlier demo left (it was SIGKILLed): the next one would find its port taken. */
async function stopLeftoverServer(): Promise<void> {
  const pid = existsSync(serverPidFile) ? Number(readFileSync(serverPidFile, 'utf8')) : 0;
  if (!Number.isInteger(pid) || pid <= 0) return;
  let environ = '';
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return;
  }
  if (!environ.split('\0').includes(`SPARK_CONTROL_DATA=${dataDir}`)) return;
  console.log(`Stopping the server an earlier demo left running (pid ${pid})…`);
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && existsSync(`/proc/${pid}`); waited += 100)
    await new Promise((done) => setTimeout(done, 100));
  if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await stopLeftoverServer();
  // The demo keeps its password readable so it can print it on every start; a real install stores only a hash.
  const passwordFile = join(dataDir, 'demo-password');
  const password =
    process.env.SPARK_CONTROL_PASSWORD ??
    (existsSync(passwordFile)
      ? readFileSync(passwordFile, 'utf8').trim()
      : randomBytes(9).toString('base64url'));
  if (!process.env.SPARK_CONTROL_PASSWORD) writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  rmSync(join(dataDir, 'admin-password'), { force: true });

  const ssh = await createSshAdapter({ dataDir });
  // Each demo start makes new simulated Sparks with new host keys.
  rmSync(join(dataDir, 'ssh', 'known_hosts.json'), { force: true });
  startup.signal.throwIfAborted();
  console.log(`Starting ${COUNT_WORDS[sparkCount]} simulated DGX Sparks…`);
  cluster = startCluster({
    root: simRoot,
    fresh: true,
    signal: startup.signal,
    password: 'spark',
    authorizedKeys: [ssh.key.publicKey()],
    sparks: sparkCount,
    initialModels: demoInitialModels(sparkCount),
    loadDelayMs: 4000,
  });
  const sim = await cluster;

  const sparks = demoSparks(sparkCount).map(({ id, label }, index) => {
    const simulated = sim.sparks[index]!;
    return { id, label, host: simulated.host, sshPort: simulated.sshPort, sshUser: 'spark' };
  });
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify(
      {
        sparks,
        vllm: { modelRoots: [join(sim.sparks[0]!.home, 'models')] },
        placements: demoPlacementSettings(sparkCount),
        reasoning: {
          nvidiaApiKey: 'nvapi-demo-key',
          ...(sim.cloudUrl ? { baseUrl: sim.cloudUrl } : {}),
          allowLocalFallback: true,
        },
      },
      null,
      2,
    ),
  );

  // The demo's catalog adds the fine-tune that lives in Spark 1's simulated ~/models.
  const catalogFile = join(dataDir, 'catalog.yaml');
  if (!existsSync(catalogFile)) {
    const localModel = {
      id: 'qwen3-8b-finetune',
      label: 'Qwen3 8B fine-tune (local)',
      localPath: join(sim.sparks[0]!.home, 'models', 'qwen3-8b-finetune'),
      servedName: 'qwen3-8b-ft',
      tensorParallel: 1,
      vllm: { gpuMemoryUtilization: 0.4 },
      notes: 'A local model directory, bind-mounted read-only into the vLLM container.',
    };
    writeFileSync(catalogFile, stringify({ models: [...DEFAULT_CATALOG, localModel] }));
  }

  for (const spark of sparks) {
    const result = await ssh.pool.exec(spark, command`true`, { timeoutMs: 10_000, signal: startup.signal });
    if (result.code !== 0) throw new Error(`${spark.label} is not reachable over SSH`);
  }
  ssh.pool.closeAll();
  console.log(
    `${sparkCount === 2 ? 'Both' : 'All'} simulated Sparks answer over SSH (${sparks.map((spark) => `${spark.host}:${spark.sshPort}`).join(', ')}).`,
  );

  // The demo's own API token, to warm up the reasoning tiers once the server listens.
  const apiToken = process.env.SPARK_CONTROL_API_TOKEN ?? `sc_${randomBytes(24).toString('base64url')}`;
  startup.signal.throwIfAborted();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repo, 'packages/server'),
    env: {
      ...process.env,
      SPARK_CONTROL_DATA: dataDir,
      SPARK_CONTROL_PASSWORD: password,
      SPARK_CONTROL_API_TOKEN: apiToken,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server = child;
  if (child.pid !== undefined) writeFileSync(serverPidFile, String(child.pid));
  // A stop signal to the whole process group reaches the server too, and its death may be read first.
  child.on('exit', (code, signal) => void stop(code ?? (signal && STOP_SIGNALS.includes(signal) ? 0 : 1)));
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.DEMO_VERBOSE) process.stdout.write(text);
    if (text.includes('"msg":"listening"')) {
      // The reasoning health check learns which tiers honour JSON schemas, so the first swap
      // failure already gets a structured explanation.
      fetch(`http://127.0.0.1:${port}/api/reasoning/health`, {
        headers: { Authorization: `Bearer ${apiToken}` },
      }).then(
        (response) => response.body?.cancel(),
        () => undefined,
      );
      console.log(
        `\n  Spark Control is ready: http://localhost:${port}\n  Password: ${password}\n  ${describeDemoPlacements(sparkCount)}\n  Simulator control API: ${sim.controlUrl ?? 'off'}\n\n  Press Ctrl-C to stop everything.\n`,
      );
    }
  });
}

main().catch(async (error: unknown) => {
  // A signal to the whole process group also ends our helpers (esbuild, the launch shell), and their
  // failure can be read before the signal: give the signal, already pending, its turn first.
  await new Promise((resolve) => setTimeout(resolve, 100));
  // A stop during start-up makes the step under way fail; stop() is already taking everything down.
  if (stopping) return;
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
