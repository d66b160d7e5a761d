import { useEffect, useState } from 'hono/jsx/dom';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** One EventSource on `/api/events` for the whole dashboard; the browser reconnects on its own. */
export function useLiveEvents(onEvent: (type: string, data: unknown) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    const source = new EventSource('api/events');
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    const forward = (event: MessageEvent<string>) => onEvent(event.type, JSON.parse(event.data) as unknown);
    for (const type of ['hello', 'settings.changed']) source.addEventListener(type, forward);
    return () => source.close();
  }, []);
  return state;
}
