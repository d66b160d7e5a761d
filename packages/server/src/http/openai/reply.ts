import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import { relay, type RelayOptions } from '../../adapters/upstream/relay.js';
import type { GatewayReply, StreamReply } from '../../services/gateway/reply.js';
import { DIALECTS, eventRelay } from './events.js';

/** What @hono/node-server hands a handler: node's own request and response. */
export interface NodeBindings {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
}

export function nodeBindings(c: Context): Partial<NodeBindings> | undefined {
  return c.env as Partial<NodeBindings> | undefined;
}

/** What @hono/node-server needs to hear that the handler wrote the response itself. */
const ALREADY_SENT = 'x-hono-already-sent';

function alreadySent(status: number): Response {
  return new Response(null, { status, headers: { [ALREADY_SENT]: 'true' } });
}

function relayOptions(reply: StreamReply): RelayOptions {
  const options = reply.events ? eventRelay(DIALECTS[reply.events], reply.tap) : {};
  return { ...options, onEnd: (outcome) => reply.onEnd(outcome) };
}

/**
 * Writes the gateway's answer. Under @hono/node-server it goes straight onto node's response (no
 * web Response or stream per chunk); elsewhere (tests calling `app.request`) as a web Response.
 */
export function sendReply(c: Context, reply: GatewayReply): Response {
  const outgoing = nodeBindings(c)?.outgoing;
  const headers = { ...reply.headers };
  if (reply.kind === 'whole') {
    if (!outgoing) return new Response(reply.body, { status: reply.status, headers });
    outgoing.writeHead(reply.status, headers);
    outgoing.end(reply.body);
    return alreadySent(reply.status);
  }
  if (reply.events) {
    headers['cache-control'] = 'no-cache';
    headers['x-accel-buffering'] = 'no';
  }
  if (outgoing) {
    outgoing.writeHead(reply.status, headers);
    outgoing.flushHeaders();
    relay(reply.body, outgoing, relayOptions(reply));
    return alreadySent(reply.status);
  }
  return new Response(webBody(reply), { status: reply.status, headers });
}

/** The same relay into a web stream (cancelling it destroys the upstream body). */
export function webBody(reply: StreamReply): ReadableStream<Uint8Array> {
  const sink = new PassThrough({ highWaterMark: 0 });
  relay(reply.body, sink, relayOptions(reply));
  return Readable.toWeb(sink) as ReadableStream<Uint8Array>;
}
