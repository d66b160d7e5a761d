import { ClientGoneError } from '../../adapters/upstream/errors.js';
import { swapping } from './failures.js';

/** What the gateway needs of the swap service: swaps run one at a time per placement. */
export interface SwapState {
  /** Whether a swap runs on `placementId` (undefined: on any placement). */
  isSwapping(placementId?: string): boolean;
  /** Resolves once no swap runs on `placementId` (undefined: on any placement). */
  idle(placementId?: string): Promise<void>;
  /** The catalog model being swapped in on a placement; null when none is (for `swapOnRequest`). */
  swappingTo?(placementId: string): string | null;
  /** Starts a swap to `modelId` on `placementId` (undefined: the swap service picks one); for `swapOnRequest`. */
  start?(modelId: string, actor: string, placementId?: string): Promise<unknown>;
}

export type QueueOutcome = 'ran' | 'full' | 'timeout' | 'aborted';

/**
 * LLM requests that arrive during a swap of the placement they go to wait here, at most `queueSize`
 * of them (over all placements) and for at most `maxWaitSec`; the rest get 503 with Retry-After.
 * Nothing waits when no swap runs there.
 */
export class SwapQueue {
  #waiting = 0;

  private readonly swaps: SwapState;
  private readonly limits: () => { queueSize: number; maxWaitSec: number };
  private readonly onOutcome: (outcome: QueueOutcome, waitedMs: number) => void;

  constructor(options: {
    swaps: SwapState;
    limits: () => { queueSize: number; maxWaitSec: number };
    onOutcome?: (outcome: QueueOutcome, waitedMs: number) => void;
  }) {
    this.swaps = options.swaps;
    this.limits = options.limits;
    this.onOutcome = options.onOutcome ?? (() => {});
  }

  /** Requests waiting right now. */
  get depth(): number {
    return this.#waiting;
  }

  /** Resolves once no swap runs on `placementId` (undefined: on any placement); at once when none does. */
  async wait(signal?: AbortSignal, placementId?: string): Promise<void> {
    if (!this.swaps.isSwapping(placementId)) return;
    const { queueSize, maxWaitSec } = this.limits();
    if (this.#waiting >= queueSize) {
      this.onOutcome('full', 0);
      throw swapping(
        `a model swap is running and ${queueSize} requests already wait for it; try again shortly`,
        Math.min(30, Math.max(1, maxWaitSec)),
      );
    }
    this.#waiting += 1;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        this.swaps.idle(placementId),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(swapping(`a model swap is still running after ${maxWaitSec} s; try again shortly`, 10));
          }, maxWaitSec * 1000);
        }),
        new Promise<never>((_, reject) => {
          onAbort = () => reject(new ClientGoneError());
          if (signal?.aborted) onAbort();
          else signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
      this.onOutcome('ran', performance.now() - started);
    } catch (error) {
      this.onOutcome(error instanceof ClientGoneError ? 'aborted' : 'timeout', performance.now() - started);
      throw error;
    } finally {
      this.#waiting -= 1;
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }
}
