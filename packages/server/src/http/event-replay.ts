import type { AppEvent } from '@spark-control/schema';
import type { EventBus } from '../adapters/event-bus.js';

/** A bus event with the SSE id a client sends back as `Last-Event-ID`. */
export interface NumberedEvent {
  id: string;
  event: AppEvent;
}

/** Events kept for reconnecting clients: a few minutes of a busy swap's log. */
export const REPLAY_CAPACITY = 1000;

/**
 * Numbers every bus event `<boot>-<n>` and keeps the newest `capacity` of them, so a client that
 * reconnects with the last id it saw gets what it missed. The boot part differs from one server
 * start to the next: an id from before a restart never matches.
 */
export class EventReplay {
  readonly #boot: string;
  readonly #kept: { n: number; numbered: NumberedEvent }[] = [];
  readonly #listeners = new Set<(numbered: NumberedEvent) => void>();
  #last = 0;

  constructor(
    bus: EventBus,
    readonly capacity = REPLAY_CAPACITY,
    boot = Date.now().toString(36),
  ) {
    this.#boot = boot;
    bus.subscribe((event) => this.#record(event));
  }

  /** The id of the newest event (`<boot>-0` before the first). */
  get lastId(): string {
    return `${this.#boot}-${this.#last}`;
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (numbered: NumberedEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The events after `id`, oldest first; undefined when they are not all kept or `id` is not of this run. */
  since(id: string): NumberedEvent[] | undefined {
    const match = /^([0-9a-z]+)-(\d{1,15})$/.exec(id);
    if (!match || match[1] !== this.#boot) return undefined;
    const n = Number(match[2]);
    const oldest = this.#kept[0]?.n ?? this.#last + 1;
    if (n > this.#last || n < oldest - 1) return undefined;
    return this.#kept.filter((kept) => kept.n > n).map((kept) => kept.numbered);
  }

  #record(event: AppEvent): void {
    this.#last += 1;
    const numbered = { id: `${this.#boot}-${this.#last}`, event };
    this.#kept.push({ n: this.#last, numbered });
    if (this.#kept.length > this.capacity) this.#kept.shift();
    for (const listener of this.#listeners) listener(numbered);
  }
}
