import { spawn } from 'node:child_process';
import { type SimConfig, sparkContext, sparkEnv, type SparkInfo } from './layout.js';

/** A model vLLM already serves when the simulated cluster is up (one container on one Spark). */
export interface InitialModel {
  /** Index of the Spark (0-based). */
  spark: number;
  model: string;
  /** vLLM's `--port` (default 8888). */
  port?: number;
  /** The container (`--name`; default `vllm_node`). */
  container?: string;
  /** More `vllm serve` arguments, e.g. `['--gpu-memory-utilization', '0.3']`. */
  args?: string[];
  /** Wait until the port accepts connections (default true). */
  waitReady?: boolean;
}

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * The launch a controller makes: G2 runs `launch-cluster.sh --solo --name X -d exec vllm serve …`; G1 knows
 * neither `--solo` nor `-d exec`, so idle containers (`start -d`), then its own `docker exec -d`.
 */
export function initialModelCommand(spark: SparkInfo, initial: InitialModel): string {
  const container = initial.container ?? 'vllm_node';
  const serve = [
    'vllm',
    'serve',
    initial.model,
    '--host',
    '0.0.0.0',
    '--port',
    String(initial.port ?? 8888),
    ...(initial.args ?? []),
  ];
  // `--name` only when one is asked for: the launcher's default is then the one it would pick itself.
  const name = initial.container !== undefined ? ['--name', container] : [];
  return spark.launcher === 'G1'
    ? `${['./spark-vllm-docker/launch-cluster.sh', '-n', spark.clusterIp, ...name, 'start', '-d'].map(quote).join(' ')} && docker exec -d ${quote(container)} bash -i -c ${quote(`${serve.map(quote).join(' ')} >> /proc/1/fd/1 2>&1`)}`
    : ['./spark-vllm-docker/launch-cluster.sh', '--solo', ...name, '-d', 'exec', ...serve]
        .map(quote)
        .join(' ');
}

/** Runs a shell command on a Spark (as its SSH user would), with its output and exit code. */
export function runShell(
  config: SimConfig,
  spark: SparkInfo,
  command: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: spark.home,
      env: sparkEnv(sparkContext(config.root, spark.id)),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}
