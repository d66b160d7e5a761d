import { randomUUID } from 'node:crypto';
import type { LeaseView, QueuedSwapView } from '@spark-control/schema';
import type { EventBus } from '../../adapters/event-bus.js';
import type { Logger } from '../../adapters/logger.js';
import { DomainError } from '../domain-error.js';
import { LeasedError, type LeaseService } from './lease-service.js';

/** What the queue needs of the swap service. */
export interface SwapStarter {
  start(modelId: string, actor: string, placementId?: string): Promise<{ id: string }>;
  isSwapping(): boolean;
  idle(): Promise<void>;
}

/**
 * The one swap that waits for leases to end (`POST /api/swap` with `whenLeased: "queue"`). It
 * starts once nothing blocks it any more (a release or an expiry), after any running swap. It is
 * held in memory: a restart forgets it (the leases themselves are stored).
 */
export class QueuedSwaps {
  #queued: QueuedSwapView | undefined;
  #starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      swaps: SwapStarter;
      leases: Pick<LeaseService, 'onEnded'>;
      bus: EventBus;
      log: Logger;
      now?: () => Date;
    },
  ) {
    deps.leases.onEnded(() => {
      this.#starting = this.#starting.then(() => this.#startIfFree());
    });
  }

  current(): QueuedSwapView | null {
    return this.#queued ? { ...this.#queued } : null;
  }

  queue(
    modelId: string,
    placementId: string | null,
    actor: string,
    waitingFor: readonly LeaseView[],
  ): QueuedSwapView {
    const waiting = this.#queued;
    if (waiting) {
      throw new DomainError(
        'CONFLICT',
        `a swap to ${waiting.modelId} (${waiting.id}) already waits for the leases; cancel it first`,
        { details: { queuedId: waiting.id } },
      );
    }
    const queued: QueuedSwapView = {
      id: randomUUID(),
      modelId,
      placementId,
      actor,
      queuedAt: this.#now().toISOString(),
      waitingFor: [...waitingFor],
    };
    this.#queued = queued;
    this.deps.log.info({ queuedId: queued.id, modelId, actor }, 'swap queued behind leases');
    this.#publish('queued', null);
    return { ...queued };
  }

  /** Drops the queued swap with this id; false when none has it. */
  cancel(id: string): boolean {
    if (this.#queued?.id !== id) return false;
    this.#queued = undefined;
    this.#publish('cancelled', 'cancelled by the user');
    return true;
  }

  /** Resolves when a start the last lease end triggered has been tried (tests). */
  async idle(): Promise<void> {
    await this.#starting;
  }

  async #startIfFree(): Promise<void> {
    const queued = this.#queued;
    // The swap service decides which leases block it (those on the placement it would change).
    if (!queued) return;
    while (this.deps.swaps.isSwapping()) await this.deps.swaps.idle();
    if (this.#queued !== queued) return;
    try {
      this.#queued = undefined;
      const swap = await this.deps.swaps.start(queued.modelId, queued.actor, queued.placementId ?? undefined);
      this.deps.log.info({ queuedId: queued.id, swapId: swap.id }, 'queued swap started');
      this.#publish('started', `swap ${swap.id} started`, queued);
    } catch (error) {
      if (error instanceof LeasedError) {
        // A new lease came first: keep waiting for it.
        this.#queued = { ...queued, waitingFor: [...error.leases] };
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.warn({ queuedId: queued.id, err: message }, 'queued swap could not start');
      this.#publish('failed', message, queued);
    }
  }

  #publish(
    outcome: 'queued' | 'started' | 'cancelled' | 'failed',
    message: string | null,
    ended?: QueuedSwapView,
  ): void {
    this.deps.bus.publish({
      type: 'swap.queued',
      at: this.#now().toISOString(),
      queued: outcome === 'queued' ? this.current() : null,
      outcome,
      message: ended ? `${ended.modelId}: ${message ?? ''}` : message,
    });
  }

  #now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
