import type { ServiceLog } from './http.js';

const pad = (n: number) => String(n).padStart(2, '0');

function stamp(date = new Date()): string {
  return `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Writes lines the way vLLM's two processes do: `(APIServer pid=N) INFO 11-21 06:01:05 [file.py:line] msg`. */
export class VllmLog {
  readonly apiPid: number;
  readonly enginePid: number;

  constructor(private readonly out: ServiceLog) {
    this.apiPid = process.pid;
    this.enginePid = process.pid + 97;
  }

  api(where: string, message: string, level: 'INFO' | 'WARNING' | 'ERROR' = 'INFO'): void {
    this.line(`(APIServer pid=${this.apiPid}) ${level} ${stamp()} [${where}] ${message}`, level);
  }

  engine(where: string, message: string, level: 'INFO' | 'WARNING' | 'ERROR' = 'INFO'): void {
    this.line(`(EngineCore_DP0 pid=${this.enginePid}) ${level} ${stamp()} [${where}] ${message}`, level);
  }

  /** Lines without the level/timestamp part (uvicorn, tracebacks). */
  raw(process: 'api' | 'engine', message: string, toStderr = false): void {
    const pid =
      process === 'api' ? `(APIServer pid=${this.apiPid})` : `(EngineCore_DP0 pid=${this.enginePid})`;
    this.line(`${pid} ${message}`, toStderr ? 'ERROR' : 'INFO');
  }

  private line(text: string, level: string): void {
    if (level === 'ERROR') this.out.error(text);
    else this.out.info(text);
  }
}

/** HF hub 404 for a model id that does not exist, then vLLM gives up before the engine starts. */
export function logMissingModel(log: VllmLog, model: string): void {
  const lines = [
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/dist-packages/huggingface_hub/utils/_http.py", line 409, in hf_raise_for_status',
    '    response.raise_for_status()',
    `requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://huggingface.co/api/models/${model}/revision/main`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    `huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. (Request ID: Root=1-6920f1c2-sim)`,
    '',
    `Repository Not Found for url: https://huggingface.co/api/models/${model}/revision/main.`,
    'Please make sure you specified the correct `repo_id` and `repo_type`.',
    'If you are trying to access a private or gated repo, make sure you are authenticated.',
    `OSError: ${model} is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'`,
  ];
  for (const line of lines) log.raw('api', line, true);
}

/** vLLM's config check for a path that is not a model directory (missing, or a folder without config.json). */
export function logInvalidLocalModel(log: VllmLog, model: string): void {
  for (const line of [
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/transformers_utils/config.py", line 512, in get_config',
    '    raise ValueError(',
    `ValueError: Invalid repository ID or local directory specified: '${model}'.`,
    'Please verify the following requirements:',
    '1. Provide a valid Hugging Face repository ID.',
    '2. Specify a local directory that contains a recognized configuration file.',
    "   - For Hugging Face models: ensure the presence of a 'config.json'.",
    "   - For Mistral models: ensure the presence of a 'params.json'.",
  ])
    log.raw('api', line, true);
}

/** The Hub's 401 for a gated repo asked for without a token. */
export function logGatedModel(log: VllmLog, model: string): void {
  for (const line of [
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/dist-packages/huggingface_hub/utils/_http.py", line 409, in hf_raise_for_status',
    '    response.raise_for_status()',
    `requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/${model}/resolve/main/config.json`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-6920f1c2-sim)',
    '',
    `Cannot access gated repo for url https://huggingface.co/${model}/resolve/main/config.json.`,
    `Access to model ${model} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
  ])
    log.raw('api', line, true);
}

/** The head's engine failed in torch's store of a multi-node launch: its traceback ending in `error`. */
function logStoreFailure(log: VllmLog, error: string): void {
  const where = 'core.py:708';
  log.engine(where, 'EngineCore failed to start.', 'ERROR');
  log.engine(where, 'Traceback (most recent call last):', 'ERROR');
  log.engine(
    where,
    '  File "/usr/local/lib/python3.12/dist-packages/torch/distributed/rendezvous.py", line 189, in _create_c10d_store',
    'ERROR',
  );
  log.engine(where, error, 'ERROR');
  log.raw(
    'api',
    "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': 1}",
    true,
  );
}

/** The head's engine gave up waiting for the other ranks of a multi-node launch. */
export function logRendezvousTimeout(log: VllmLog, seconds: number, joined: number, nodes: number): void {
  logStoreFailure(
    log,
    `torch.distributed.DistStoreError: Timed out after ${seconds} seconds waiting for clients. ${joined}/${nodes} clients joined.`,
  );
}

/** Rank 0 of a multi-node launch cannot listen on its master port: torch's TCPStore (libuv) error. */
export function logMasterPortInUse(log: VllmLog, port: string): void {
  logStoreFailure(
    log,
    `torch.distributed.DistNetworkError: The server socket has failed to listen on any local network address. port: ${port}, useIpv6: false, code: -98, name: EADDRINUSE, message: address already in use`,
  );
}

export function logAddressInUse(log: VllmLog): void {
  for (const line of [
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/entrypoints/openai/api_server.py", line 1789, in create_server_socket',
    '    sock.bind(addr)',
    'OSError: [Errno 98] Address already in use',
  ])
    log.raw('api', line, true);
}

/** Engine death during load: the root-cause traceback, then the API server's summary. */
export function logLoadFailure(log: VllmLog, cause: 'oom' | 'cuda'): void {
  const where = 'core.py:708';
  const root =
    cause === 'oom'
      ? 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 119.70 GiB of which 812.00 MiB is free. Including non-PyTorch memory, this process has 117.43 GiB memory in use.'
      : 'torch.AcceleratorError: CUDA error: an illegal memory access was encountered';
  log.engine(where, 'EngineCore failed to start.', 'ERROR');
  log.engine(where, 'Traceback (most recent call last):', 'ERROR');
  log.engine(
    where,
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/engine/core.py", line 699, in run_engine_core',
    'ERROR',
  );
  log.engine(where, '    engine_core = EngineCoreProc(*args, **kwargs)', 'ERROR');
  log.engine(where, root, 'ERROR');
  if (cause === 'cuda')
    log.engine(
      where,
      'CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.',
      'ERROR',
    );
  log.raw('engine', 'Process EngineCore_DP0:', true);
  log.raw('api', 'Traceback (most recent call last):', true);
  log.raw(
    'api',
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/engine/utils.py", line 841, in wait_for_engine_startup',
    true,
  );
  log.raw(
    'api',
    "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': 1}",
    true,
  );
}

/** The worker's startup memory check failed (services/vllm-memory.ts): the engine core never starts. */
export function logStartupMemoryShortfall(log: VllmLog, error: string, headless = false): void {
  const where = 'core.py:708';
  for (const line of [
    'EngineCore failed to start.',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/gpu_worker.py", line 239, in init_device',
    '    self.requested_memory = request_memory(init_snapshot, self.cache_config)',
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/utils.py", line 351, in request_memory',
    '    raise ValueError(',
    error,
  ])
    log.engine(where, line, 'ERROR');
  log.raw('engine', 'Process EngineCore_DP0:', true);
  if (headless) return;
  log.raw(
    'api',
    "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': 1}",
    true,
  );
}

export function logEngineDeath(log: VllmLog): void {
  log.engine('core.py:718', 'EngineCore encountered a fatal error.', 'ERROR');
  log.engine('core.py:718', 'RuntimeError: CUDA error: unspecified launch failure', 'ERROR');
  log.api('async_llm.py:480', 'AsyncLLM output_handler failed.', 'ERROR');
  log.api(
    'async_llm.py:480',
    'vllm.v1.engine.exceptions.EngineDeadError: EngineCore encountered an issue. See stack trace (above) for the root cause.',
    'ERROR',
  );
}

export const VLLM_ROUTES: [string, string][] = [
  ['/openapi.json', 'GET, HEAD'],
  ['/docs', 'GET, HEAD'],
  ['/health', 'GET'],
  ['/ping', 'GET, POST'],
  ['/version', 'GET'],
  ['/metrics', 'GET'],
  ['/tokenize', 'POST'],
  ['/v1/models', 'GET'],
  ['/v1/chat/completions', 'POST'],
  ['/v1/completions', 'POST'],
  ['/v1/responses', 'POST'],
];

/** The architecture vLLM would resolve for a model id (only used for the log line). */
export function architectureOf(model: string): string {
  const id = model.toLowerCase();
  if (id.includes('nemotron') && id.includes('super')) return 'NemotronHForCausalLM';
  if (id.includes('qwen3'))
    return id.includes('moe') || /a\d+b/.test(id) ? 'Qwen3MoeForCausalLM' : 'Qwen3ForCausalLM';
  if (id.includes('llama')) return 'LlamaForCausalLM';
  if (id.includes('gpt-oss')) return 'GptOssForCausalLM';
  if (id.includes('gemma')) return 'Gemma3ForConditionalGeneration';
  return 'LlamaForCausalLM';
}
