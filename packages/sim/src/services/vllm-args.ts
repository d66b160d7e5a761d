/** The subset of `vllm serve` argparse the simulator understands; anything else is an argparse error (exit 2). */

const VALUE_FLAGS = new Set([
  'model',
  'host',
  'port',
  'served-model-name',
  'max-model-len',
  'gpu-memory-utilization',
  'tensor-parallel-size',
  'pipeline-parallel-size',
  'data-parallel-size',
  'quantization',
  'chat-template',
  'tool-call-parser',
  'reasoning-parser',
  'dtype',
  'kv-cache-dtype',
  'max-num-seqs',
  'max-num-batched-tokens',
  'api-key',
  'download-dir',
  'load-format',
  'seed',
  'tokenizer',
  'tokenizer-mode',
  'revision',
  'distributed-executor-backend',
  'swap-space',
  'limit-mm-per-prompt',
  'mm-encoder-tp-mode',
  'compilation-config',
  'speculative-config',
  'hf-overrides',
  'kv-transfer-config',
  'runner',
  'task',
  'uvicorn-log-level',
  'generation-config',
  'override-generation-config',
  'config-format',
  'max-seq-len-to-capture',
  'cuda-graph-sizes',
  'attention-backend',
  'allowed-local-media-path',
  'nnodes',
  'node-rank',
  'master-addr',
  'master-port',
  'root-path',
  'middleware',
  'tool-parser-plugin',
  'reasoning-parser-plugin',
  'max-logprobs',
  'block-size',
  'cpu-offload-gb',
  'num-gpu-blocks-override',
  'enable-lora',
  'max-lora-rank',
  'lora-modules',
  'chat-template-content-format',
  'response-role',
  'ssl-keyfile',
  'ssl-certfile',
  'allowed-origins',
  'max-cudagraph-capture-size',
  'moe-backend',
  'config',
]);
const BOOL_FLAGS = new Set([
  'trust-remote-code',
  'enable-auto-tool-choice',
  'enable-prefix-caching',
  'enforce-eager',
  'enable-chunked-prefill',
  'async-scheduling',
  'enable-expert-parallel',
  'disable-log-requests',
  'enable-log-requests',
  'disable-log-stats',
  'headless',
  'disable-fastapi-docs',
  'disable-frontend-multiprocessing',
  'enable-sleep-mode',
  'disable-custom-all-reduce',
  'disable-uvicorn-access-log',
  'enable-server-load-tracking',
  'enable-force-include-usage',
  'enable-prompt-tokens-details',
  'skip-tokenizer-init',
  'load-in-low-bit',
]);
const ALIASES: Record<string, string> = {
  tp: 'tensor-parallel-size',
  pp: 'pipeline-parallel-size',
  dp: 'data-parallel-size',
  q: 'quantization',
  O: 'compilation-config',
};
const INT_FLAGS = new Set([
  'port',
  'tensor-parallel-size',
  'pipeline-parallel-size',
  'data-parallel-size',
  'max-num-seqs',
  'seed',
]);
const FLOAT_FLAGS = new Set(['gpu-memory-utilization']);

export interface VllmArgs {
  model: string;
  host: string;
  port: number;
  servedModelNames: string[];
  maxModelLen: number | undefined;
  gpuMemoryUtilization: number;
  tensorParallelSize: number;
  reasoningParser: string | undefined;
  apiKey: string | undefined;
  /** Every option given, as vLLM logs them in `non-default args:`. */
  given: Record<string, string | number | boolean | string[]>;
}

export class ArgparseError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(`usage: vllm serve [model_tag] [options]\nvllm serve: error: ${message}`);
  }
}

/** Parses `32768`, `32k`, `1M` (vLLM's human-readable ints). */
function humanInt(flag: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(raw);
  if (!match) throw new ArgparseError(`argument --${flag}: invalid human_readable_int value: '${raw}'`);
  const scale = { '': 1, k: 1e3, K: 1024, m: 1e6, M: 1024 ** 2, g: 1e9, G: 1024 ** 3 }[match[2] ?? ''] ?? 1;
  return Math.round(Number(match[1]) * scale);
}

function typed(flag: string, raw: string): string | number {
  if (flag === 'max-model-len') return humanInt(flag, raw);
  if (INT_FLAGS.has(flag)) {
    if (!/^-?\d+$/.test(raw)) throw new ArgparseError(`argument --${flag}: invalid int value: '${raw}'`);
    return Number(raw);
  }
  if (FLOAT_FLAGS.has(flag)) {
    if (!Number.isFinite(Number(raw)) || raw.trim() === '')
      throw new ArgparseError(`argument --${flag}: invalid float value: '${raw}'`);
    return Number(raw);
  }
  return raw;
}

export function parseVllmArgs(argv: string[]): VllmArgs {
  const given: VllmArgs['given'] = {};
  const unknown: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    const [head, inline] = token.includes('=')
      ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)]
      : [token, undefined];
    const bare = head.replace(/^--?/, '');
    const name = ALIASES[bare] ?? bare.replaceAll('_', '-');
    if (BOOL_FLAGS.has(name) || (name.startsWith('no-') && BOOL_FLAGS.has(name.slice(3)))) {
      given[name.replace(/^no-/, '')] = !name.startsWith('no-');
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      unknown.push(token);
      continue;
    }
    if (name === 'served-model-name' && inline === undefined) {
      const names: string[] = [];
      while (i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('-')) names.push(argv[++i] ?? '');
      if (names.length === 0)
        throw new ArgparseError('argument --served-model-name: expected at least one argument');
      given[name] = names;
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new ArgparseError(`argument ${head}: expected one argument`);
    given[name] = typed(name, raw);
  }
  if (unknown.length > 0) throw new ArgparseError(`unrecognized arguments: ${unknown.join(' ')}`);
  if (positional.length > 1)
    throw new ArgparseError(`unrecognized arguments: ${positional.slice(1).join(' ')}`);
  const model = positional[0] ?? (typeof given.model === 'string' ? given.model : 'Qwen/Qwen3-0.6B');
  const served = given['served-model-name'];
  const num = (key: string, fallback: number) => (typeof given[key] === 'number' ? given[key] : fallback);
  const str = (key: string) => (typeof given[key] === 'string' ? given[key] : undefined);
  return {
    model,
    host: str('host') ?? '0.0.0.0',
    port: num('port', 8000),
    servedModelNames: Array.isArray(served) ? served : typeof served === 'string' ? [served] : [model],
    maxModelLen: typeof given['max-model-len'] === 'number' ? given['max-model-len'] : undefined,
    gpuMemoryUtilization: num('gpu-memory-utilization', 0.9),
    tensorParallelSize: num('tensor-parallel-size', 1),
    reasoningParser: str('reasoning-parser'),
    apiKey: str('api-key'),
    given: positional[0] ? { model_tag: model, ...given } : given,
  };
}

/** Python-style repr of the given args, as in `non-default args: {...}`. */
export function pythonRepr(given: VllmArgs['given']): string {
  const value = (v: unknown): string =>
    typeof v === 'string'
      ? `'${v}'`
      : typeof v === 'boolean'
        ? v
          ? 'True'
          : 'False'
        : Array.isArray(v)
          ? `[${v.map(value).join(', ')}]`
          : String(v);
  return `{${Object.entries(given)
    .map(([k, v]) => `'${k.replaceAll('-', '_')}': ${value(v)}`)
    .join(', ')}}`;
}
