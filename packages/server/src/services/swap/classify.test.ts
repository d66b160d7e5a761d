import { describe, expect, it } from 'vitest';
import { SshConnectError, SshDisconnectedError, SshTimeoutError } from '../../adapters/ssh/index.js';
import { causeOfError, causeOfLog, isFatalLine } from './classify.js';
import { loadingMarker } from './progress.js';

describe('swap failure classification', () => {
  it.each([
    ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', 'oom'],
    ['ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization`', 'oom'],
    [
      'huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. Repository Not Found for url: https://huggingface.co/api/models/x/y',
      'model_not_found',
    ],
    ['OSError: [Errno 98] Address already in use', 'port_in_use'],
    ['vllm: error: unrecognized arguments: --bogus', 'bad_args'],
    ['Error: Passwordless SSH to 10.0.0.3 failed.', 'network'],
  ])('%s → %s', (line, cause) => {
    expect(
      causeOfLog([
        'INFO starting',
        line,
        'RuntimeError: Engine core initialization failed. See root cause above.',
      ]),
    ).toBe(cause);
    expect(isFatalLine(line)).toBe(true);
  });

  it('takes the first cause as the root cause', () => {
    expect(causeOfLog(['CUDA out of memory', 'Address already in use'])).toBe('oom');
  });

  it('knows generic fatal lines without a cause', () => {
    expect(
      isFatalLine(
        '(EngineCore_DP0 pid=1) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
      ),
    ).toBe(true);
    expect(causeOfLog(['Engine core initialization failed'])).toBeUndefined();
    expect(isFatalLine('INFO Loading weights took 12.1 seconds')).toBe(false);
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
