import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { build } from 'esbuild';
import { containerBinDir, hostBinDir, simSource, sparkDirs } from './layout.js';

const { utils } = ssh2;

/** Models present in every Spark's Hugging Face cache from the start. */
export const SEEDED_MODELS = [
  'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4',
  'Qwen/Qwen3-30B-A3B-FP8',
  'openai/gpt-oss-120b',
  'BAAI/bge-m3',
] as const;

/** Local models under `~/models`. */
export const LOCAL_MODELS = ['qwen3-8b-finetune'] as const;

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

function writeExecutable(file: string, text: string): void {
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

/** The fakes, bundled once per simulation so each call costs a plain node start (not a TypeScript compile). */
const FAKES = ['docker', 'nvidia-smi', 'ip', 'vllm', 'launch-cluster'] as const;

function libDir(root: string): string {
  return join(root, 'lib');
}

/** A `#!/bin/sh` wrapper that runs one bundled fake with node. */
function wrapper(root: string, fake: (typeof FAKES)[number], prelude = ''): string {
  return `#!/bin/sh\n${prelude}exec ${shellQuote(process.execPath)} ${shellQuote(join(libDir(root), `${fake}.mjs`))} "$@"\n`;
}

/** Bundles the fakes and writes their wrappers (`<root>/bin` on the SSH PATH, `<root>/container-bin` inside containers). */
export async function writeSimBinaries(root: string): Promise<void> {
  await build({
    entryPoints: {
      ...Object.fromEntries(FAKES.map((fake) => [fake, simSource(`fakes/${fake}.ts`)])),
      run: simSource('services/run.ts'),
      reaper: simSource('reaper.ts'),
    },
    outdir: libDir(root),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // ssh2 loads optional native helpers in try/catch; without them it uses its JavaScript crypto.
    external: ['cpu-features', '*.node'],
    banner: {
      js: [
        "import { createRequire as __simRequire } from 'node:module';",
        "import { dirname as __simDirname } from 'node:path';",
        "import { fileURLToPath as __simPath } from 'node:url';",
        'const require = __simRequire(import.meta.url);',
        'const __filename = __simPath(import.meta.url);',
        'const __dirname = __simDirname(__filename);',
      ].join(' '),
    },
    logLevel: 'silent',
    // The bundles live in the sim root; they still start services/run.ts from the sources.
    define: { 'process.env.SIM_SOURCE_DIR': JSON.stringify(simSource('.')) },
  });
  const bin = hostBinDir(root);
  mkdirSync(bin, { recursive: true });
  writeExecutable(join(bin, 'docker'), wrapper(root, 'docker'));
  writeExecutable(join(bin, 'nvidia-smi'), wrapper(root, 'nvidia-smi'));
  writeExecutable(join(bin, 'ip'), wrapper(root, 'ip'));
  const containerBin = containerBinDir(root);
  mkdirSync(containerBin, { recursive: true });
  writeExecutable(join(containerBin, 'vllm'), wrapper(root, 'vllm'));
}

function seedHfModel(hub: string, id: string): void {
  const [org = '', name = ''] = id.split('/');
  const dir = join(hub, `models--${org}--${name}`);
  const snapshot = '3c8a1f0e9b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a';
  mkdirSync(join(dir, 'refs'), { recursive: true });
  mkdirSync(join(dir, 'snapshots', snapshot), { recursive: true });
  mkdirSync(join(dir, 'blobs'), { recursive: true });
  writeFileSync(join(dir, 'refs', 'main'), snapshot);
  writeFileSync(
    join(dir, 'snapshots', snapshot, 'config.json'),
    JSON.stringify(
      { _name_or_path: id, architectures: ['SimulatedForCausalLM'], max_position_embeddings: 131072 },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'snapshots', snapshot, 'model.safetensors.index.json'),
    JSON.stringify({ metadata: { total_size: 0 }, weight_map: {} }),
  );
}

/**
 * An ed25519 key pair. ssh2's generator writes a malformed private key about once in 300 (its own
 * parser refuses it), so a pair is kept only once it parses.
 */
export function generateEd25519(comment?: string): { private: string; public: string } {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pair = utils.generateKeyPairSync('ed25519', comment === undefined ? undefined : { comment });
    if (!(utils.parseKey(pair.private) instanceof Error)) return pair;
  }
  throw new Error('could not generate an ed25519 key');
}

/** Stable per-Spark SSH host key (kept across restarts so clients' known_hosts stay valid). */
export function hostKey(stateDir: string): string {
  const file = join(stateDir, 'ssh_host_ed25519_key');
  if (!existsSync(file)) {
    mkdirSync(stateDir, { recursive: true });
    const { private: privateKey } = generateEd25519();
    writeFileSync(file, privateKey, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}

/**
 * Creates (or completes) one Spark's sandbox: the SSH user's home with spark-vllm-docker, a Hugging Face cache,
 * local models and a node key pair (as real clusters have for passwordless SSH between Sparks), plus the state dir.
 * Returns the node's public key.
 */
export function createSandbox(
  root: string,
  sparkId: string,
): { home: string; stateDir: string; nodePublicKey: string } {
  const { home, stateDir } = sparkDirs(root, sparkId);
  mkdirSync(stateDir, { recursive: true });
  const scripts = join(home, 'spark-vllm-docker');
  mkdirSync(scripts, { recursive: true });
  writeExecutable(
    join(scripts, 'launch-cluster.sh'),
    wrapper(
      root,
      'launch-cluster',
      'SIM_SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd) && export SIM_SCRIPT_DIR\n',
    ),
  );
  const hub = join(home, '.cache', 'huggingface', 'hub');
  for (const id of SEEDED_MODELS) seedHfModel(hub, id);
  for (const name of LOCAL_MODELS) {
    mkdirSync(join(home, 'models', name), { recursive: true });
    writeFileSync(
      join(home, 'models', name, 'config.json'),
      JSON.stringify({ architectures: ['SimulatedForCausalLM'] }),
    );
  }
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { recursive: true, mode: 0o700 });
  const keyFile = join(ssh, 'id_ed25519');
  if (!existsSync(keyFile)) {
    const pair = generateEd25519(`spark@${sparkId}`);
    writeFileSync(keyFile, pair.private, { mode: 0o600 });
    writeFileSync(`${keyFile}.pub`, `${pair.public}\n`);
  }
  if (!existsSync(join(ssh, 'authorized_keys')))
    writeFileSync(join(ssh, 'authorized_keys'), '', { mode: 0o600 });
  hostKey(stateDir);
  return { home, stateDir, nodePublicKey: readFileSync(`${keyFile}.pub`, 'utf8').trim() };
}

/** Appends public keys that are not yet in `~/.ssh/authorized_keys`. */
export function authorizeKeys(home: string, keys: string[]): void {
  const file = join(home, '.ssh', 'authorized_keys');
  const present = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const missing = keys.map((key) => key.trim()).filter((key) => key !== '' && !present.includes(key));
  if (missing.length > 0)
    writeFileSync(
      file,
      `${present}${present === '' || present.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`,
      { mode: 0o600 },
    );
}
