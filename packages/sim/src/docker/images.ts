import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readFaults, type SimServiceKind } from '../faults.js';
import {
  containerBinDir,
  runnerTimingFlags,
  serviceRunner,
  type SparkContext,
  sparkEnv,
  SIM_ENV,
} from '../layout.js';
import type { MainProcess, RunSpec } from './store.js';

/** Images that run one of the simulated HTTP services, and the port each listens on by default. */
const SERVICE_IMAGES: { pattern: RegExp; kind: Exclude<SimServiceKind, 'vllm' | 'cloud'>; port: number }[] = [
  { pattern: /parakeet/, kind: 'parakeet', port: 8000 },
  { pattern: /kokoro/, kind: 'kokoro', port: 8880 },
  { pattern: /text-embeddings-inference|(^|\/)tei\b|embeddings/, kind: 'embeddings', port: 8080 },
  { pattern: /qdrant/, kind: 'qdrant', port: 6333 },
];

export function serviceKindOfImage(
  image: string,
): { kind: Exclude<SimServiceKind, 'vllm' | 'cloud'>; port: number } | undefined {
  const match = SERVICE_IMAGES.find((candidate) => candidate.pattern.test(image));
  return match ? { kind: match.kind, port: match.port } : undefined;
}

function normalizeImage(image: string): string {
  return image.includes(':') && !image.endsWith(':latest') ? image : image.replace(/:latest$/, '');
}

/** `sha256:…` of an image on this Spark, or undefined when the image does not exist there. */
export function imageId(context: SparkContext, image: string): string | undefined {
  const name = normalizeImage(image);
  const override = readFaults(context.spark.stateDir).images;
  if (override && name in override) {
    const value = override[name];
    return value === null || value === undefined
      ? undefined
      : value.startsWith('sha256:')
        ? value
        : `sha256:${value}`;
  }
  return `sha256:${createHash('sha256').update(`sim-image:${name}`).digest('hex')}`;
}

/** Environment of processes inside a container: the container's `-e`, the Spark, and `vllm` on PATH. */
export function containerEnv(context: SparkContext, spec: RunSpec): NodeJS.ProcessEnv {
  const base = sparkEnv(context);
  const env: NodeJS.ProcessEnv = {
    ...base,
    PATH: `${containerBinDir(context.root)}:${base.PATH ?? ''}`,
    [SIM_ENV.container]: spec.name,
  };
  for (const entry of spec.env) {
    const index = entry.indexOf('=');
    if (index > 0) env[entry.slice(0, index)] = entry.slice(index + 1);
  }
  return env;
}

/** The main process the image runs: `sleep infinity` for vllm-node, run.ts for service images, else the command. */
export function mainProcessFor(context: SparkContext, spec: RunSpec): MainProcess {
  const env = containerEnv(context, spec);
  const service = serviceKindOfImage(spec.image);
  if (service) {
    const port = Number(env.PORT ?? service.port) + context.spark.portOffset;
    return {
      argv: [
        ...serviceRunner(context.root),
        service.kind,
        '--host',
        context.spark.host,
        '--port',
        String(port),
        '--state-dir',
        context.spark.stateDir,
        ...runnerTimingFlags(context.config),
        '--',
        ...spec.cmd,
      ],
      env,
    };
  }
  const [program, ...rest] = spec.cmd;
  if (program === undefined) return { argv: ['sleep', 'infinity'], env };
  // `./run-cluster-node.sh` is a script in the vllm-node image's working directory.
  const own = program.startsWith('./') ? join(containerBinDir(context.root), basename(program)) : '';
  return { argv: own && existsSync(own) ? [own, ...rest] : spec.cmd, env };
}

/** `Config.Cmd` as docker would show it for this run. */
export function displayCommand(spec: RunSpec): string[] {
  if (spec.cmd.length > 0) return spec.cmd;
  const service = serviceKindOfImage(spec.image);
  return service ? [service.kind] : ['sleep', 'infinity'];
}
