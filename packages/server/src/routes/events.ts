import type { AppEvent, AppEventType, TokenScope } from '@spark-control/schema';
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { EventBus } from '../adapters/event-bus.js';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { hasScope, principalKey, type AuthService, type Principal } from '../services/auth.js';

const HEARTBEAT_MS = 15_000;
/** Open streams one caller may hold (the dashboard in a few tabs and devices). */
export const MAX_STREAMS_PER_CALLER = 8;
/** Events queued for a client that does not read; past this it is dropped. */
const MAX_QUEUED = 256;
/** setTimeout's own limit; a later expiry is checked again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The scope an event needs: the scope of the route that shows the same thing. Others go to anyone. */
const EVENT_SCOPE: Partial<Record<AppEventType, TokenScope>> = {
  'settings.changed': 'admin',
  'swap.phase': 'control',
  'swap.log': 'control',
  'bot.output': 'control',
  'bot.update': 'control',
};

export function mayReceive(principal: Principal, event: AppEvent): boolean {
  const scope = EVENT_SCOPE[event.type];
  return scope === undefined || hasScope(principal, scope);
}

/**
 * The one SSE stream of the dashboard: each bus event the caller's scopes allow, as
 * `event: <type>` with JSON data. A revoked or expired token's stream ends with `event: end`.
 */
export function eventRoutes(deps: { bus: EventBus; auth: Pick<AuthService, 'onRevoke'> }) {
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
    if (!principal) throw new ApiError('UNAUTHORIZED', 'sign in or send an API token');
    const caller = principalKey(principal);
    const open = openByCaller.get(caller) ?? 0;
    if (open >= MAX_STREAMS_PER_CALLER) {
      throw new ApiError(
        'RATE_LIMITED',
        `at most ${MAX_STREAMS_PER_CALLER} event streams per caller are open; close one first`,
        { headers: { 'Retry-After': '15' } },
      );
    }
    openByCaller.set(caller, open + 1);
    return streamSSE(c, async (stream) => {
      try {
        await follow(stream, principal, deps, beat);
      } finally {
        const left = (openByCaller.get(caller) ?? 1) - 1;
        if (left > 0) openByCaller.set(caller, left);
        else openByCaller.delete(caller);
      }
    });
  });
}

async function follow(
  stream: SSEStreamingApi,
  principal: Principal,
  deps: { bus: EventBus; auth: Pick<AuthService, 'onRevoke'> },
  beat: (send: () => void) => () => void,
): Promise<void> {
  let ended!: (reason?: string) => void;
  const end = new Promise<string | undefined>((resolve) => (ended = resolve));
  stream.onAbort(() => ended());
  // Writes are chained so events keep their order; a client that stops reading is dropped.
  let queued = 0;
  let writes: Promise<unknown> = Promise.resolve();
  const send = (write: () => Promise<unknown>) => {
    if (queued >= MAX_QUEUED) {
      stream.abort();
      return;
    }
    queued += 1;
    writes = writes
      .then(write)
      .catch(() => stream.abort())
      .finally(() => (queued -= 1));
  };
  send(() => stream.writeSSE({ event: 'hello', data: JSON.stringify({ at: new Date().toISOString() }) }));
  const cleanups = [
    deps.bus.subscribe((event) => {
      if (mayReceive(principal, event)) {
        send(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event) }));
      }
    }),
    beat(() => send(() => stream.write(': heartbeat\n\n'))),
  ];
  if (principal.kind === 'token') {
    cleanups.push(
      deps.auth.onRevoke((tokenId) => tokenId === principal.tokenId && ended('the token was revoked')),
    );
    const expiresAt = principal.expiresAt;
    if (expiresAt) {
      const check = () => {
        const left = expiresAt.getTime() - Date.now();
        if (left <= 0) ended('the token expired');
        else timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
      };
      let timer: NodeJS.Timeout | undefined;
      check();
      cleanups.push(() => clearTimeout(timer));
    }
  }
  const reason = await end;
  for (const cleanup of cleanups) cleanup();
  if (reason && !stream.aborted)
    send(() => stream.writeSSE({ event: 'end', data: JSON.stringify({ reason }) }));
  await writes;
}
