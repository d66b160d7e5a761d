import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readText, UpstreamClient } from './client.js';
import {
  ClientGoneError,
  UpstreamBodyError,
  UpstreamTimeoutError,
  UpstreamUnreachableError,
} from './errors.js';
import { relay, type RelayOutcome } from './relay.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let handler: Handler = (_request, response) => response.end();
let server: Server;
let port: number;
let client: UpstreamClient;

beforeAll(async () => {
  server = createServer((request, response) => handler(request, response));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  // A request still hanging (a broken deadline) must not hang the suite as well.
  await Promise.race([client?.close(), new Promise((resolve) => setTimeout(resolve, 500))]);
});

const origin = () => `http://127.0.0.1:${port}`;
const get = (path: string, extra: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
  client.request({
    origin: origin(),
    method: 'GET',
    path,
    timeoutMs: extra.timeoutMs ?? 5000,
    signal: extra.signal,
  });

describe('UpstreamClient', () => {
  it('ends a silent upstream at the deadline, the body included', async () => {
    client = new UpstreamClient();
    handler = () => undefined;
    const started = performance.now();
    const silent = await get('/silent', { timeoutMs: 150 }).catch((caught: unknown) => caught);
    expect(silent).toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
    // Headers in time, then the body stalls: the same deadline ends it.
    handler = (_request, response) => response.writeHead(200).write('part');
    const slowBody = await get('/stall', { timeoutMs: 150 });
    await expect(readText(slowBody.body)).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('tears the upstream request down when the client goes away', async () => {
    client = new UpstreamClient();
    const upstreamClosed = new Promise<void>((resolve) => {
      handler = (request, response) => {
        response.writeHead(200).write('first');
        request.socket.once('close', () => resolve());
      };
    });
    const controller = new AbortController();
    const response = await get('/stream', { signal: controller.signal });
    response.body.once('error', () => undefined);
    controller.abort();
    await upstreamClosed;
    // Before the answer as well: nothing is sent and the caller hears that its client is gone.
    const gone = new AbortController();
    handler = () => gone.abort();
    await expect(get('/late', { signal: gone.signal })).rejects.toBeInstanceOf(ClientGoneError);
  });

  it('refuses a body past its limit and stops reading it', async () => {
    client = new UpstreamClient();
    handler = (_request, response) => response.end('x'.repeat(64 * 1024));
    const big = await get('/big');
    await expect(readText(big.body, 1024)).rejects.toBeInstanceOf(UpstreamBodyError);
    expect(big.body.destroyed).toBe(true);
    const fits = await get('/big');
    expect((await readText(fits.body, 64 * 1024)).length).toBe(64 * 1024);
  });

  it('resolves names IPv4 first', async () => {
    // A name whose resolver lists ::1 first, with a server on each address answering which it is.
    const v6 = createServer((_request, response) => response.end('v6'));
    v6.listen(port, '::1');
    await once(v6, 'listening');
    handler = (_request, response) => response.end('v4');
    client = new UpstreamClient({
      resolve: (_name, _options, callback) =>
        callback(null, [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ]),
    });
    try {
      const response = await client.request({
        origin: `http://spark.local:${port}`,
        method: 'GET',
        path: '/',
        timeoutMs: 5000,
      });
      expect(await readText(response.body)).toBe('v4');
    } finally {
      await client.close();
      await new Promise<void>((resolve) => v6.close(() => resolve()));
    }
  });

  it('sends a GET again after a dropped connection, never a POST (it may already have run)', async () => {
    client = new UpstreamClient();
    const seen: string[] = [];
    handler = (request, response) => {
      seen.push(request.method ?? '');
      // The first request of each method finds its connection dropped, as after a vLLM restart.
      if (seen.filter((method) => method === request.method).length === 1) request.socket.destroy();
      else response.end('ok');
    };
    const again = await get('/v1/models');
    expect(await readText(again.body)).toBe('ok');
    const post = await client
      .request({
        origin: origin(),
        method: 'POST',
        path: '/v1/chat/completions',
        body: '{}',
        timeoutMs: 5000,
      })
      .catch((caught: unknown) => caught);
    expect(post).toBeInstanceOf(UpstreamUnreachableError);
    expect(seen).toEqual(['GET', 'GET', 'POST']);
  });

  it('reports a closed port as unreachable with the reason', async () => {
    client = new UpstreamClient();
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await client
      .request({ origin: `http://127.0.0.1:${closedPort}`, method: 'GET', path: '/', timeoutMs: 1000 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamUnreachableError);
    expect((error as UpstreamUnreachableError).reason).toBe('ECONNREFUSED');
  });
});

describe('relay', () => {
  it('keeps chunk boundaries and pauses the upstream while the sink is full', async () => {
    client = new UpstreamClient();
    const chunks = ['data: one\n\n', 'data: two\n\n', 'data: three\n\n'];
    let wrote = 0;
    const written: Promise<void> = new Promise((resolve) => {
      handler = (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const next = () => {
          const chunk = chunks[wrote];
          if (chunk === undefined) {
            response.end();
            resolve();
            return;
          }
          wrote += 1;
          response.write(chunk);
          setTimeout(next, 30);
        };
        next();
      };
    });
    const response = await get('/events');
    const seen: string[] = [];
    let outcome: RelayOutcome | undefined;
    const sink = new PassThrough({ highWaterMark: 1 });
    sink.on('data', (chunk: Buffer) => seen.push(chunk.toString()));
    relay(response.body, sink, { onEnd: (ended) => (outcome = ended) });
    await written;
    await once(sink, 'end');
    expect(seen).toEqual(chunks);
    expect(outcome).toBe('complete');
  });

  it('reads no further while the sink does not drain', async () => {
    client = new UpstreamClient();
    const big = Buffer.alloc(4 * 1024 * 1024, 'a');
    handler = (_request, response) => response.end(big);
    const response = await get('/big');
    // A sink that accepts one chunk and never drains.
    let received = 0;
    const sink = {
      destroyed: false,
      write: (chunk: Buffer) => {
        received += chunk.length;
        return false;
      },
      end: () => undefined,
      destroy: () => undefined,
      on: () => undefined,
      once: () => undefined,
    };
    relay(response.body, sink);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(big.length / 2);
    response.body.destroy();
  });

  it('destroys the upstream body when the sink closes first (client gone)', async () => {
    client = new UpstreamClient();
    const upstreamClosed = new Promise<void>((resolve) => {
      handler = (request, response) => {
        response.writeHead(200).write('first');
        request.socket.once('close', () => resolve());
      };
    });
    const response = await get('/stream');
    const sink = new PassThrough();
    let outcome: RelayOutcome | undefined;
    relay(response.body, sink, { onEnd: (ended) => (outcome = ended) });
    await once(sink, 'data');
    sink.destroy();
    await upstreamClosed;
    expect(outcome).toBe('client-gone');
  });
});
