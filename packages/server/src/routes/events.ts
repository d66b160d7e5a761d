import type { AppEvent, AppEventType, TokenScope } from '@spark-control/schema';
import { Hono } from 'hono';
import type { EventBus } from '../adapters/event-bus.js';
import type { AppEnv } from '../http/context.js';
import { DomainError } from '../services/domain-error.js';
import { EventReplay } from '../http/event-replay.js';
import { hasScope, principalKey, type AuthService, type Principal } from '../services/auth.js';

const HEARTBEAT_MS = 15_000;
/** Open streams one caller may hold (the dashboard in a few tabs and devices). */
export const MAX_STREAMS_PER_CALLER = 8;
/** Events queued for a client that does not read; past this it is dropped. */
const MAX_QUEUED = 256;
/** setTimeout's own limit; a later expiry is checked again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds a browser waits before it reconnects (the SSE `retry:` field). */
export const RECONNECT_MS = 3000;

/**
 * The scope each event needs: the scope of the route that shows the same thing (`any`: any
 * credential, as `GET /api/services`). A new event type does not compile until it is named here.
 */
export const EVENT_SCOPE: Record<AppEventType, TokenScope | 'any'> = {
  'settings.changed': 'admin',
  'service.status': 'any',
  'service.deep': 'any',
  'swap.phase': 'control',
  'swap.log': 'control',
  'swap.queued': 'control',
  'lease.created': 'control',
  'lease.released': 'control',
  'lease.expired': 'control',
  'bot.output': 'control',
  'bot.update': 'control',
};

export function mayReceive(principal: Principal, event: AppEvent): boolean {
  const scope = EVENT_SCOPE[event.type];
  return scope === 'any' || hasScope(principal, scope);
}

interface EventStreamDeps {
  bus: EventBus;
  auth: Pick<AuthService, 'onRevoke'>;
  /** Kept events for reconnects; one is made on `bus` when left out. */
  replay?: EventReplay | undefined;
}

/**
 * The one SSE stream of the dashboard: each bus event the caller's scopes allow, as
 * `id: <id>`, `event: <type>` and JSON data. A reconnect with `Last-Event-ID` (or `?lastEventId=`,
 * for a client that opens a new EventSource) first gets the events it missed, or `event: reset`
 * when they are no longer kept. A revoked or expired token's stream ends with `event: end`.
 */
export function eventRoutes(deps: EventStreamDeps) {
  const replay = deps.replay ?? new EventReplay(deps.bus);
  const openByCaller = new Map<string, number>();
  const heartbeats = new Set<() => void>();
  let heartbeat: NodeJS.Timeout | undefined;
  const beat = (send: () => void) => {
    heartbeats.add(send);
    heartbeat ??= setInterval(() => {
      for (const each of heartbeats) each();
    }, HEARTBEAT_MS);
    return () => {
      heartbeats.delete(send);
      if (heartbeats.size === 0) {
        clearInterval(heartbeat);
        heartbeat = undefined;
      }
    };
  };

  return new Hono<AppEnv>().get('/', (c) => {
    const principal = c.get('principal');
    if (!principal) throw new DomainError('UNAUTHORIZED', 'sign in or send an API token');
    const caller = principalKey(principal);
    const open = openByCaller.get(caller) ?? 0;
    if (open >= MAX_STREAMS_PER_CALLER) {
      throw new DomainError(
        'RATE_LIMITED',
        `at most ${MAX_STREAMS_PER_CALLER} event streams per caller are open; close one first`,
        { retryAfterSec: 15 },
      );
    }
    openByCaller.set(caller, open + 1);
    const release = () => {
      const left = (openByCaller.get(caller) ?? 1) - 1;
      if (left > 0) openByCaller.set(caller, left);
      else openByCaller.delete(caller);
    };
    const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    return c.body(eventStream({ principal, replay, auth: deps.auth, lastEventId }, beat, release), 200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
  });
}

const encoder = new TextEncoder();
const frame = (event: string, data: unknown, id?: string) =>
  encoder.encode(
    `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
  );
const HEARTBEAT = encoder.encode(': heartbeat\n\n');

/**
 * One client's stream: a single ReadableStream the server reads from, and nothing else per
 * client, so an open dashboard costs a few kilobytes. Its queue counts events; a client that
 * stops reading is dropped once MAX_QUEUED wait.
 */
function eventStream(
  stream: {
    principal: Principal;
    replay: EventReplay;
    auth: Pick<AuthService, 'onRevoke'>;
    /** The id of the last event the client saw, when it reconnects. */
    lastEventId: string | undefined;
  },
  beat: (send: () => void) => () => void,
  release: () => void,
): ReadableStream<Uint8Array> {
  const { principal, replay, lastEventId } = stream;
  // Replayed and live events are read in the same tick (start runs in the constructor), so none
  // falls between them; the replay does not count against the queue a slow client may fill.
  const missed = lastEventId === undefined ? undefined : replay.since(lastEventId);
  const cleanups: (() => void)[] = [];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const cleanup of cleanups) cleanup();
    release();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = (chunk: Uint8Array) => {
          if (finished) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            finish();
            controller.error(new Error('the client stopped reading'));
            return;
          }
          controller.enqueue(chunk);
        };
        const end = (reason: string) => {
          send(frame('end', { reason }));
          finish();
          controller.close();
        };
        send(encoder.encode(`retry: ${RECONNECT_MS}\n\n`));
        // A new client starts from the newest event, so its first reconnect misses nothing.
        const hello = { at: new Date().toISOString() };
        if (lastEventId === undefined) send(frame('hello', hello, replay.lastId));
        else if (!missed) {
          send(frame('hello', hello));
          send(
            frame(
              'reset',
              { reason: 'the events since your last one are no longer kept; reload' },
              replay.lastId,
            ),
          );
        } else {
          send(frame('hello', hello));
          for (const { id, event } of missed)
            if (mayReceive(principal, event)) send(frame(event.type, event, id));
        }
        cleanups.push(
          replay.subscribe(({ id, event }) => {
            if (mayReceive(principal, event)) send(frame(event.type, event, id));
          }),
          beat(() => send(HEARTBEAT)),
        );
        if (principal.kind !== 'token') return;
        cleanups.push(
          stream.auth.onRevoke((tokenId) => {
            if (tokenId === principal.tokenId) end('the token was revoked');
          }),
        );
        const expiresAt = principal.expiresAt;
        if (!expiresAt) return;
        let timer: NodeJS.Timeout | undefined;
        const check = () => {
          const left = expiresAt.getTime() - Date.now();
          if (left <= 0) end('the token expired');
          else timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
        };
        cleanups.push(() => clearTimeout(timer));
        check();
      },
      cancel: finish,
    },
    { highWaterMark: MAX_QUEUED + (missed?.length ?? 0), size: () => 1 },
  );
}
