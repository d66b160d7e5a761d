import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One simulated Spark as every simulated process sees it (written to `<root>/sim.json`). */
export interface SparkInfo {
  id: string;
  /** Loopback address the Spark's SSH server and services listen on (127.0.0.2, …). */
  host: string;
  sshPort: number;
  /** Added to every service port on this Spark; non-zero only when Sparks share 127.0.0.1 (macOS). */
  portOffset: number;
  home: string;
  stateDir: string;
}

/** The simulation as a whole, shared with the fake programs through `<root>/sim.json`. */
export interface SimConfig {
  root: string;
  sparks: SparkInfo[];
  /** How long a stopped vLLM keeps its memory (real CUDA teardown takes a moment). */
  memoryReleaseLagMs: number;
  /** Passed to every simulated service as `--load-delay-ms` (their default when absent). */
  loadDelayMs?: number;
  /** Passed to every simulated service as `--token-delay-ms`. */
  tokenDelayMs?: number;
}

/** Runner flags of services/run.ts that carry the simulation's timing settings. */
export function runnerTimingFlags(config: SimConfig): string[] {
  return [
    ...(config.loadDelayMs !== undefined ? ['--load-delay-ms', String(config.loadDelayMs)] : []),
    ...(config.tokenDelayMs !== undefined ? ['--token-delay-ms', String(config.tokenDelayMs)] : []),
  ];
}

/** Environment variables that tell a fake program which Spark it runs on. */
export const SIM_ENV = {
  root: 'SIM_ROOT',
  sparkId: 'SIM_SPARK_ID',
  sparkHost: 'SIM_SPARK_HOST',
  stateDir: 'SIM_STATE_DIR',
  home: 'SIM_HOME',
  container: 'SIM_CONTAINER',
} as const;

/** packages/sim/src; bundled fakes learn it from the environment since their own URL is elsewhere. */
const here = process.env.SIM_SOURCE_DIR ?? dirname(fileURLToPath(import.meta.url));

/** Absolute path of a file in packages/sim/src. */
export function simSource(relative: string): string {
  return join(here, relative);
}

/** argv prefix that starts a simulated service (services/run.ts, bundled into `<root>/lib/run.mjs`). */
export function serviceRunner(root: string): string[] {
  return [process.execPath, join(root, 'lib', 'run.mjs')];
}

/** argv prefix of the simulation's reaper (reaper.ts, bundled into `<root>/lib/reaper.mjs`). */
export function reaperRunner(root: string): string[] {
  return [process.execPath, join(root, 'lib', 'reaper.mjs')];
}

export function simConfigFile(root: string): string {
  return join(root, 'sim.json');
}

export function writeSimConfig(config: SimConfig): void {
  mkdirSync(config.root, { recursive: true });
  const file = simConfigFile(config.root);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(config, null, 2));
  renameSync(temporary, file);
}

export function readSimConfig(root: string): SimConfig {
  return JSON.parse(readFileSync(simConfigFile(root), 'utf8')) as SimConfig;
}

/** State of the simulated NVIDIA cloud endpoint (its log and process registry). */
export function cloudStateDir(root: string): string {
  return join(root, 'cloud');
}

/** Every directory whose `pids` registry lists processes of the simulation. */
export function registryOwners(config: SimConfig): string[] {
  return [...config.sparks.map((spark) => spark.stateDir), cloudStateDir(config.root)];
}

export function sparkDirs(root: string, sparkId: string): { home: string; stateDir: string } {
  return { home: join(root, sparkId, 'home'), stateDir: join(root, sparkId, 'state') };
}

/** Directory of wrapper scripts put first on PATH of every SSH exec (docker, nvidia-smi, ip). */
export function hostBinDir(root: string): string {
  return join(root, 'bin');
}

/** Directory put first on PATH inside simulated containers (vllm). */
export function containerBinDir(root: string): string {
  return join(root, 'container-bin');
}

/** The Spark a fake program runs on, from its environment. */
export interface SparkContext {
  root: string;
  config: SimConfig;
  spark: SparkInfo;
}

export function sparkContextFromEnv(env: NodeJS.ProcessEnv = process.env): SparkContext {
  const root = env[SIM_ENV.root];
  const sparkId = env[SIM_ENV.sparkId];
  if (!root || !sparkId)
    throw new Error(`${SIM_ENV.root} and ${SIM_ENV.sparkId} must be set (run through the simulator)`);
  const config = readSimConfig(root);
  const spark = config.sparks.find((candidate) => candidate.id === sparkId);
  if (!spark) throw new Error(`unknown simulated Spark ${sparkId}`);
  return { root, config, spark };
}

export function sparkContext(root: string, sparkId: string): SparkContext {
  const config = readSimConfig(root);
  const spark = config.sparks.find((candidate) => candidate.id === sparkId);
  if (!spark) throw new Error(`unknown simulated Spark ${sparkId}`);
  return { root, config, spark };
}

/** Environment for any process started on behalf of a Spark. */
export function sparkEnv(context: SparkContext, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    HOME: context.spark.home,
    PATH: `${hostBinDir(context.root)}:${base.PATH ?? '/usr/bin:/bin'}`,
    [SIM_ENV.root]: context.root,
    [SIM_ENV.sparkId]: context.spark.id,
    [SIM_ENV.sparkHost]: context.spark.host,
    [SIM_ENV.stateDir]: context.spark.stateDir,
    [SIM_ENV.home]: context.spark.home,
    SIM_SOURCE_DIR: here,
  };
}
