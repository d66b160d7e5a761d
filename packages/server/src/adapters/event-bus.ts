import type { AppEvent } from '@spark-control/schema';

export type EventListener = (event: AppEvent) => void;

/** The one in-process event bus; the SSE route and tests subscribe to it. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  publish(event: AppEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
