import type { SwapCause } from '@spark-control/schema';
import {
  SshAbortedError,
  SshConnectError,
  SshDisconnectedError,
  SshTimeoutError,
  ShellValueError,
} from '../../adapters/ssh/index.js';

/** A cause and what the owner can do about it. */
export interface Diagnosis {
  cause: SwapCause;
  hint: string;
}

/**
 * Lines vLLM, Hugging Face, docker and spark-vllm-docker print when a launch fails
 * (contracts/spark-vllm-docker.md, "What vLLM and friends print" and "Real wordings"), most specific first.
 */
const RULES: (Diagnosis & { pattern: RegExp })[] = [
  {
    cause: 'gated_repo',
    pattern: /Cannot access gated repo|GatedRepoError|401 Client Error/,
    hint: 'The model is gated on Hugging Face: accept its licence on huggingface.co and set the Hugging Face token in Configure Sparks.',
  },
  {
    cause: 'oom',
    pattern: /Free memory on device \S+ \(.*\) on startup is less than desired GPU memory utilization/,
    hint: 'The memory is still held, by the previous model or another process: wait a minute and retry, or lower gpuMemoryUtilization.',
  },
  {
    cause: 'context_too_long',
    pattern: /KV cache is needed, which is larger than the available KV cache memory/,
    hint: "The model's context does not fit in the memory left for the KV cache: lower maxModelLen, or raise gpuMemoryUtilization.",
  },
  {
    cause: 'oom',
    pattern: /Failed core proc\(s\): \{[^}]*-9\}/,
    hint: 'The kernel killed vLLM for lack of memory: lower gpuMemoryUtilization or maxModelLen, or stop other work on the Spark.',
  },
  {
    cause: 'oom',
    pattern:
      /CUDA out of memory|OutOfMemoryError|No available memory for the cache blocks|Insufficient (?:GPU )?memory/i,
    hint: 'vLLM ran out of memory while loading: lower gpuMemoryUtilization or maxModelLen, or pick a smaller or quantized model.',
  },
  {
    cause: 'model_not_found',
    pattern:
      /Invalid repository ID or local directory specified|Repository Not Found|RepositoryNotFoundError|404 Client Error|is not a local folder and is not a valid model identifier|does not appear to have a file named config\.json/,
    hint: 'Check the Hugging Face id or the local path; a local model with tensor parallel 2 must be at the same path on every Spark.',
  },
  {
    cause: 'port_in_use',
    pattern: /DistNetworkError: The server socket has failed to listen on any local network address/,
    hint: 'Another multi-Spark vLLM on the head holds the coordination (master) port: give each multi-Spark placement on a head Spark its own (Spark Control does for the placements it knows), or stop what holds it.',
  },
  {
    cause: 'port_in_use',
    pattern: /Address already in use|\[Errno 98\]/,
    hint: "Another process holds vLLM's port on the head: stop it, or change vllm.port.",
  },
  {
    cause: 'image',
    pattern:
      /is not in sync|Docker image mismatch|Could not inspect image|pull access denied|Unable to find image/,
    hint: 'The vllm-node image is missing or differs between the Sparks: run ./build-and-copy.sh -c on the head to copy it to the workers.',
  },
  {
    cause: 'leftover_container',
    pattern:
      /Conflict\. The container name .* is already in use|failed to start the command inside container/,
    hint: 'A container from an earlier launch was in the way on one of the Sparks. Spark Control removes it before the next launch: retry.',
  },
  {
    cause: 'network',
    pattern: /Passwordless SSH to \S+ failed/,
    hint: "The head logs in to each worker's cluster address with its own key: run ssh-copy-id <worker's cluster address> as the SSH user on the head.",
  },
  {
    cause: 'network',
    pattern:
      /No active IB interfaces found|Unexpected number of active CX7 interfaces|ibdev2netdev not found|Could not determine IP\/CIDR for interface|No active IB-associated interfaces have IP addresses/,
    hint: 'The launcher found no working ConnectX link: check the cable between the Sparks (ibdev2netdev should show the ports Up).',
  },
  {
    cause: 'bad_args',
    pattern: /is not in the list of nodes/,
    hint: "The launcher compares -n with its own ConnectX address: set each Spark's cluster address (see its hardware card).",
  },
  {
    cause: 'network',
    pattern: /DistStoreError: Timed out after .* waiting for clients/,
    hint: "The other Spark's vLLM never joined: look for its own error in the worker lines of the log, and check the ConnectX link.",
  },
  {
    cause: 'network',
    pattern: /Watchdog caught collective operation timeout|NCCL.*(?:timeout|error)/i,
    hint: 'NCCL between the Sparks stalled: check the ConnectX link and the interfaces in the launcher (ETH_IF, IB_IF).',
  },
  {
    cause: 'network',
    pattern: /Timeout waiting for cluster to start/,
    hint: 'Ray did not come up on the head in time: see docker logs of the vLLM container on the head.',
  },
  {
    cause: 'bad_args',
    pattern: /bash: --: invalid option/,
    hint: 'This launcher is the older G1, which takes no --solo, --ray or -d before exec. Spark Control detects the generation before each swap: retry.',
  },
  {
    cause: 'bad_args',
    pattern: /Command requires \d+ nodes? .*but only \d+ node/,
    hint: 'The model needs more Sparks than the launcher was given: check tensorParallel and the Sparks in the settings.',
  },
  {
    cause: 'bad_args',
    pattern:
      /error: unrecognized arguments|error: argument|invalid choice|Error: Unknown argument or action|Error: No action specified/,
    hint: "vLLM or the launcher refused an argument: check the catalog entry's vLLM options.",
  },
  {
    cause: 'network',
    pattern: /Connection refused|Network is unreachable|No route to host/,
    hint: 'A Spark could not be reached: check that it is on and on the network.',
  },
];

/** Lines after which vLLM will not come up, whatever the cause. */
const FATAL =
  /Engine core initialization failed|EngineCore failed|RuntimeError: Engine process failed to start|Traceback \(most recent call last\)|^Error: /;

/** The cause a log line names, and its hint, if it names one. */
export function diagnoseLine(line: string): Diagnosis | undefined {
  const rule = RULES.find(({ pattern }) => pattern.test(line));
  return rule ? { cause: rule.cause, hint: rule.hint } : undefined;
}

export function isFatalLine(line: string): boolean {
  return FATAL.test(line) || diagnoseLine(line) !== undefined;
}

/** The first cause named in the log, which is the root cause (later lines repeat or generalise it). */
export function diagnoseLog(lines: readonly string[]): Diagnosis | undefined {
  for (const line of lines) {
    const diagnosis = diagnoseLine(line);
    if (diagnosis) return diagnosis;
  }
  return undefined;
}

/** The cause an exception stands for. */
export function causeOfError(error: unknown): SwapCause {
  if (error instanceof SshTimeoutError) return 'timeout';
  if (error instanceof SshConnectError || error instanceof SshDisconnectedError) return 'network';
  if (error instanceof ShellValueError) return 'bad_args';
  if (error instanceof SshAbortedError) return 'unknown';
  return 'unknown';
}
