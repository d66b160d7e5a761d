import { describe, expect, it } from 'vitest';
import { SshConnectError, SshDisconnectedError, SshTimeoutError } from '../../adapters/ssh/index.js';
import { causeOfError, diagnoseLog, isFatalLine } from './classify.js';
import { loadingMarker } from './progress.js';

describe('swap failure classification', () => {
  // Every line of contracts/spark-vllm-docker.md, "What vLLM and friends print when a launch fails".
  it.each([
    [
      'ValueError: Free memory on device cuda:0 (12.3/119.6 GiB) on startup is less than desired GPU memory utilization (0.9, 107.6 GiB). Decrease GPU memory utilization or reduce GPU memory used by other processes.',
      'oom',
      /still held.*wait a minute and retry/,
    ],
    [
      "ValueError: To serve at least one request with the models's max seq len (262144), (24.0 GiB KV cache is needed, which is larger than the available KV cache memory (9.1 GiB). Based on the available memory, the estimated maximum model length is 99328.",
      'context_too_long',
      /lower maxModelLen/,
    ],
    ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', 'oom', /ran out of memory/],
    [
      'ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization`',
      'oom',
      /ran out of memory/,
    ],
    [
      "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': -9}",
      'oom',
      /kernel killed vLLM/,
    ],
    [
      "ValueError: Invalid repository ID or local directory specified: '/models/x'.",
      'model_not_found',
      /same path on every Spark/,
    ],
    [
      'huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. Repository Not Found for url: https://huggingface.co/api/models/x/y',
      'model_not_found',
      /Hugging Face id/,
    ],
    [
      'Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/config.json. 401 Client Error',
      'gated_repo',
      /Hugging Face token in Configure Sparks/,
    ],
    ['OSError: [Errno 98] Address already in use', 'port_in_use', /vllm\.port/],
    [
      'torch.distributed.DistNetworkError: The server socket has failed to listen on any local network address. port: 29501, useIpv6: false, code: -98, name: EADDRINUSE, message: address already in use',
      'port_in_use',
      /master\) port/,
    ],
    [
      'torch.distributed.DistStoreError: Timed out after 601 seconds waiting for clients. 1/2 clients joined.',
      'network',
      /never joined/,
    ],
    [
      '[Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=ALLREDUCE) ran for 600000 milliseconds',
      'network',
      /NCCL/,
    ],
    // The launcher's own errors (contract, "Real wordings").
    ['Error: Passwordless SSH to 192.168.177.12 failed.', 'network', /ssh-copy-id/],
    [
      'Error: Local IP (192.168.177.11) is not in the list of nodes (spark1,spark2).',
      'bad_args',
      /cluster address/,
    ],
    [
      "Error: Cluster launch aborted because image 'vllm-node' is not in sync.",
      'image',
      /build-and-copy\.sh -c/,
    ],
    ['Error: Docker image mismatch on worker node (192.168.177.12):', 'image', /build-and-copy/],
    [
      "docker: Error response from daemon: pull access denied for vllm-node, repository does not exist or may require 'docker login'",
      'image',
      /build-and-copy/,
    ],
    [
      'docker: Error response from daemon: Conflict. The container name "/vllm_node" is already in use by container "3f2a".',
      'leftover_container',
      /retry/,
    ],
    ["Error: failed to start the command inside container 'vllm_node'.", 'leftover_container', /retry/],
    ['Error: No active IB interfaces found.', 'network', /ConnectX link/],
    [
      'Error: Unexpected number of active CX7 interfaces (1). Expected 2 (non-mesh) or 4 (mesh).',
      'network',
      /ConnectX link/,
    ],
    ['Error: ibdev2netdev not found. Cannot auto-detect interfaces.', 'network', /ConnectX link/],
    ['Timeout waiting for cluster to start.', 'network', /Ray/],
    ['bash: --: invalid option', 'bad_args', /G1/],
    [
      'Error: Command requires 2 nodes (tp=2 * pp=1 * dp=1) but only 1 node(s) are configured.',
      'bad_args',
      /tensorParallel/,
    ],
    ['Error: No action specified. Use: start | stop | status | exec', 'bad_args', /refused an argument/],
    ['Error: Unknown argument or action: --bogus', 'bad_args', /refused an argument/],
    ['vllm serve: error: unrecognized arguments: --bogus', 'bad_args', /refused an argument/],
  ])('%s → %s', (line, cause, hint) => {
    const diagnosis = diagnoseLog([
      'INFO starting',
      line,
      'RuntimeError: Engine core initialization failed.',
    ]);
    expect(diagnosis?.cause).toBe(cause);
    expect(diagnosis?.hint).toMatch(hint);
    expect(isFatalLine(line)).toBe(true);
  });

  it('takes the first cause as the root cause', () => {
    expect(diagnoseLog(['CUDA out of memory', 'Address already in use'])?.cause).toBe('oom');
  });

  it('leaves a log without a known line unknown instead of guessing', () => {
    expect(
      isFatalLine(
        "(EngineCore_DP0 pid=1) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': 1}",
      ),
    ).toBe(true);
    expect(diagnoseLog(['Engine core initialization failed', 'Segmentation fault'])).toBeUndefined();
    expect(isFatalLine('INFO Loading weights took 12.1 seconds')).toBe(false);
    expect(isFatalLine('Cluster containers are already running. Skipping launch.')).toBe(false);
  });

  it('maps SSH errors', () => {
    expect(causeOfError(new SshDisconnectedError('spark-1'))).toBe('network');
    expect(causeOfError(new SshConnectError('spark-1', 'refused', 'refused'))).toBe('network');
    expect(causeOfError(new SshTimeoutError('spark-1', 1000))).toBe('timeout');
    expect(causeOfError(new Error('boom'))).toBe('unknown');
  });

  it('turns startup markers into progress', () => {
    expect(
      loadingMarker(
        '(APIServer pid=1) INFO 11-21 06:01:05 [default_loader.py:262] Loading weights took 31.20 seconds',
      ),
    ).toEqual({
      progress: 0.62,
      label: 'weights loaded',
    });
    expect(loadingMarker('INFO:     Application startup complete.')?.progress).toBe(0.98);
    expect(loadingMarker('INFO something else')).toBeUndefined();
  });
});
