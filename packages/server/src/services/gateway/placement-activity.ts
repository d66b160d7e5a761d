import type { GatewayReply } from './reply.js';

interface Activity {
  inFlight: number;
  /** When a request to it last began or ended. */
  lastUsedAt: number | undefined;
  /** When a swap to its model became ready; undefined when unknown or unloaded. */
  loadedAt: number | undefined;
}

/**
 * What the gateway knows of each placement's use: the LLM requests in flight on it (a stream until it
 * ends), when it was last used and when its model was loaded. The swap choice and the idle unload
 * read it; one clock for all of it, so tests can move time.
 */
export class PlacementActivity {
  readonly #byPlacement = new Map<string, Activity>();
  readonly #startedAt: number;

  constructor(readonly now: () => number = Date.now) {
    this.#startedAt = now();
  }

  /**
   * Runs a request that `run` sends to a placement (`sentTo`, again when a retry goes elsewhere; null
   * while it waits for a placement): it is in flight there until its answer is written (a whole answer
   * at once, a stream when it ends) or until it fails.
   */
  async track(
    run: (sentTo: (placementId: string | null) => void) => Promise<GatewayReply>,
  ): Promise<GatewayReply> {
    let current: Activity | undefined;
    const end = () => {
      if (!current) return;
      current.inFlight -= 1;
      current.lastUsedAt = this.now();
      current = undefined;
    };
    const sentTo = (placementId: string | null) => {
      end();
      if (placementId === null) return;
      current = this.#of(placementId);
      current.inFlight += 1;
      current.lastUsedAt = this.now();
    };
    let reply: GatewayReply;
    try {
      reply = await run(sentTo);
    } catch (error) {
      end();
      throw error;
    }
    if (reply.kind === 'whole') {
      end();
      return reply;
    }
    const { onEnd } = reply;
    return {
      ...reply,
      onEnd: (outcome) => {
        end();
        onEnd(outcome);
      },
    };
  }

  inFlight(placementId: string): number {
    return this.#byPlacement.get(placementId)?.inFlight ?? 0;
  }

  /** A model became ready on the placement (`at`: when, default now). */
  loaded(placementId: string, at = this.now()): void {
    const activity = this.#of(placementId);
    activity.loadedAt = at;
  }

  /** The placement's model was unloaded: nothing is resident there now. */
  unloaded(placementId: string): void {
    this.#of(placementId).loadedAt = undefined;
  }

  loadedAt(placementId: string): number | undefined {
    return this.#byPlacement.get(placementId)?.loadedAt;
  }

  /** Since when nothing has used the placement: its last request, its load, or this tracker's start, the latest. */
  idleSince(placementId: string): number {
    const activity = this.#byPlacement.get(placementId);
    return Math.max(this.#startedAt, activity?.lastUsedAt ?? -Infinity, activity?.loadedAt ?? -Infinity);
  }

  #of(placementId: string): Activity {
    let activity = this.#byPlacement.get(placementId);
    if (!activity) {
      activity = { inFlight: 0, lastUsedAt: undefined, loadedAt: undefined };
      this.#byPlacement.set(placementId, activity);
    }
    return activity;
  }
}
