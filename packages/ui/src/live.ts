import type { AppEvent, AppEventType } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';

export type LiveState = 'connecting' | 'live' | 'reconnecting';
type Listener = (event: AppEvent) => void;

const EVENT_TYPES: AppEventType[] = [
  'settings.changed',
  'service.status',
  'service.deep',
  'bot.output',
  'bot.update',
  'swap.phase',
  'swap.log',
  'swap.queued',
  'lease.created',
  'lease.released',
  'lease.expired',
];
const listeners = new Set<Listener>();

/** Every panel hears the one stream through this; returns the unsubscribe. */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Subscribes a component to the events of the given types while it is mounted. */
export function useLiveEvent<T extends AppEventType>(
  types: T[],
  handle: (event: Extract<AppEvent, { type: T }>) => void,
): void {
  useEffect(
    () =>
      onLiveEvent((event) => {
        if ((types as string[]).includes(event.type)) handle(event as Extract<AppEvent, { type: T }>);
      }),
    [],
  );
}

const RETRY_MAX_MS = 10_000;

/**
 * One EventSource on `/api/events` for the whole dashboard. The browser retries by itself on a dropped
 * connection, sending `Last-Event-ID`, and the server replays what was missed; when the browser gives up
 * (closed, e.g. a proxy answered 502) we reopen with backoff and pass the last id ourselves.
 * `onReconnected` runs when the server says it cannot replay (`reset`) so panels reload their state.
 */
export function useLiveEvents(onReconnected: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    let source: EventSource | undefined;
    let retryMs = 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastEventId = '';
    let stopped = false;
    const open = () => {
      source = new EventSource(
        lastEventId ? `api/events?lastEventId=${encodeURIComponent(lastEventId)}` : 'api/events',
      );
      source.onopen = () => {
        retryMs = 1000;
        setState('live');
      };
      source.onerror = () => {
        setState('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          timer = setTimeout(open, retryMs);
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        }
      };
      const remember = (message: MessageEvent<string>) => {
        if (message.lastEventId) lastEventId = message.lastEventId;
      };
      const forward = (message: MessageEvent<string>) => {
        remember(message);
        const event = JSON.parse(message.data) as AppEvent;
        for (const listener of listeners) listener(event);
      };
      for (const type of EVENT_TYPES) source.addEventListener(type, forward);
      source.addEventListener('hello', remember);
      source.addEventListener('reset', (message: MessageEvent<string>) => {
        remember(message);
        onReconnected();
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, []);
  return state;
}
