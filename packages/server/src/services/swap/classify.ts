import type { SwapCause } from '@spark-control/schema';
import {
  SshAbortedError,
  SshConnectError,
  SshDisconnectedError,
  SshTimeoutError,
  ShellValueError,
} from '../../adapters/ssh/index.js';

/** Log lines that name a cause, most specific first (vLLM, Hugging Face, argparse, the launch script). */
const CAUSE_PATTERNS: [SwapCause, RegExp][] = [
  [
    'oom',
    /CUDA out of memory|OutOfMemoryError|out of memory|Insufficient (?:GPU )?memory|No available memory for the cache blocks/i,
  ],
  [
    'model_not_found',
    /Repository Not Found|RepositoryNotFoundError|404 Client Error|is not a local folder and is not a valid model identifier|does not appear to have a file named config\.json|No such file or directory: '\/models\//i,
  ],
  ['port_in_use', /Address already in use|Errno 98/i],
  [
    'bad_args',
    /error: unrecognized arguments|error: argument|invalid choice|Error: Unknown (?:option|action)|is not in the list of nodes/i,
  ],
  [
    'network',
    /Passwordless SSH to .* failed|Connection refused|Network is unreachable|NCCL.*(?:timeout|error)/i,
  ],
];

/** Lines after which vLLM will not come up, whatever the cause. */
const FATAL =
  /Engine core initialization failed|EngineCore failed|RuntimeError: Engine process failed to start|Traceback \(most recent call last\)|^Error: /;

/** The cause a log line names, if any. */
export function causeOfLine(line: string): SwapCause | undefined {
  return CAUSE_PATTERNS.find(([, pattern]) => pattern.test(line))?.[0];
}

export function isFatalLine(line: string): boolean {
  return FATAL.test(line) || causeOfLine(line) !== undefined;
}

/** The first cause named in the log, which is the root cause (later lines repeat or generalise it). */
export function causeOfLog(lines: readonly string[]): SwapCause | undefined {
  for (const line of lines) {
    const cause = causeOfLine(line);
    if (cause) return cause;
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
