import type { SwapView } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { watchText } from './watch-text.js';

/** The fields a failure notice reads; the rest of a swap does not reach the owner. */
const failed = (kind: SwapView['kind']) =>
  ({
    kind,
    modelId: 'qwen3-4b',
    status: 'failed',
    cause: 'unknown',
    message: 'the container did not stop',
    rollback: null,
    logTail: ['docker stop vllm_small'],
  }) as unknown as SwapView;

describe('the owner notice of a failed swap', () => {
  it('says whether a swap or an unload failed', () => {
    const text = watchText();
    expect(text.swapFailedNotice(failed('swap')).title).toBe('Model swap failed: qwen3-4b');
    expect(text.swapFailedNotice(failed('unload')).title).toBe('Model unload failed: qwen3-4b');
    expect(text.swapFailedNotice(failed('unload')).message).toBe('the container did not stop');
  });
});
