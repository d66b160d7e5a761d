import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventBus } from '../adapters/event-bus.js';
import type { AppEnv } from '../http/context.js';

const HEARTBEAT_MS = 15_000;

/** The one SSE stream of the dashboard: every bus event as `event: <type>` with JSON data. */
export function eventRoutes(bus: EventBus) {
  return new Hono<AppEnv>().get('/', (c) =>
    streamSSE(c, async (stream) => {
      // Writes are chained so events keep their order; a failed write means the client left.
      let writes: Promise<unknown> = stream.writeSSE({
        event: 'hello',
        data: JSON.stringify({ at: new Date().toISOString() }),
      });
      const enqueue = (write: () => Promise<unknown>) => {
        writes = writes.then(write).catch(() => stream.abort());
      };
      const unsubscribe = bus.subscribe((event) => {
        enqueue(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event) }));
      });
      const heartbeat = setInterval(() => enqueue(() => stream.write(': heartbeat\n\n')), HEARTBEAT_MS);
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(heartbeat);
      unsubscribe();
      await writes;
    }),
  );
}
