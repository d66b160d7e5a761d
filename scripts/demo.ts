// `make demo`: simulated Sparks on 127.0.0.2 / 127.0.0.3 and Spark Control pointed at them.
// Data in .data/demo (settings.json, embedded database, keys). Ctrl-C stops every process it started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCluster } from '@spark-control/sim';
import { stringify } from 'yaml';
import { createSshAdapter, command } from '../packages/server/src/adapters/ssh/index.js';
import { DEFAULT_CATALOG } from '../packages/server/src/services/catalog/defaults.js';

const repo = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.SPARK_CONTROL_DATA ?? join(repo, '.data/demo'));
const port = Number(process.env.PORT ?? 9999);
// The simulated services must not inherit the server's port.
delete process.env.PORT;
const simRoot = join(dataDir, 'sim');
mkdirSync(dataDir, { recursive: true });

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
rmSync(simRoot, { recursive: true, force: true });
console.log('Starting two simulated DGX Sparks…');
const cluster = await startCluster({
  root: simRoot,
  password: 'spark',
  authorizedKeys: [ssh.key.publicKey()],
  initialModel: {
    model: 'Qwen/Qwen3-30B-A3B-FP8',
    args: ['--served-model-name', 'qwen3-30b', '--gpu-memory-utilization', '0.7'],
  },
  loadDelayMs: 4000,
});

const sparks = cluster.sparks.map((spark, index) => ({
  id: `spark-${index + 1}`,
  label: `Spark ${index + 1}`,
  host: spark.host,
  sshPort: spark.sshPort,
  sshUser: 'spark',
}));
writeFileSync(
  join(dataDir, 'settings.json'),
  JSON.stringify(
    {
      sparks,
      vllm: { modelRoots: [join(cluster.sparks[0]!.home, 'models')] },
      reasoning: {
        nvidiaApiKey: 'nvapi-demo-key',
        ...(cluster.cloudUrl ? { baseUrl: cluster.cloudUrl } : {}),
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
    localPath: join(cluster.sparks[0]!.home, 'models', 'qwen3-8b-finetune'),
    servedName: 'qwen3-8b-ft',
    tensorParallel: 1,
    vllm: { gpuMemoryUtilization: 0.4 },
    notes: 'A local model directory, bind-mounted read-only into the vLLM container.',
  };
  writeFileSync(catalogFile, stringify({ models: [...DEFAULT_CATALOG, localModel] }));
}

for (const spark of sparks) {
  const result = await ssh.pool.exec(spark, command`true`, { timeoutMs: 10_000 });
  if (result.code !== 0) throw new Error(`${spark.label} is not reachable over SSH`);
}
ssh.pool.closeAll();
console.log(
  `Both simulated Sparks answer over SSH (${sparks.map((spark) => `${spark.host}:${spark.sshPort}`).join(', ')}).`,
);

// The demo's own API token, to warm up the reasoning tiers once the server listens.
const apiToken = process.env.SPARK_CONTROL_API_TOKEN ?? `sc_${randomBytes(24).toString('base64url')}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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
server.stdout.on('data', (chunk: Buffer) => {
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
      `\n  Spark Control is ready: http://localhost:${port}\n  Password: ${password}\n  Simulator control API: ${cluster.controlUrl ?? 'off'}\n\n  Press Ctrl-C to stop everything.\n`,
    );
  }
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Spark Control and the simulated Sparks…');
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
  }
  await cluster.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => void stop(code ?? 1));
