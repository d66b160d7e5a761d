import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSettings } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { UpstreamClient } from '../../adapters/upstream/client.js';
import { openAiShape } from '../../http/openai/errors.js';
import { DomainError } from '../domain-error.js';
import { GatewayService } from './gateway-service.js';

/** An upstream that sends a 200 with a JSON content-length, half the body, then drops the connection. */
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    const body = JSON.stringify({ id: 'x', choices: [{ message: { content: 'a long answer' } }] });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
    if (request.url === '/whole') {
      response.end(body);
      return;
    }
    response.write(body.slice(0, body.length / 2));
    setTimeout(() => response.socket?.destroy(), 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
const client = new UpstreamClient();
afterAll(async () => {
  await client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const settings = parseSettings({});
if (!settings.success) throw new Error('default settings rejected');
const gateway = new GatewayService({
  settings: { current: settings.settings },
  upstream: client,
  swaps: { isSwapping: () => false, idle: () => Promise.resolve() },
  log: createLogger({ level: 'silent' }),
});
const forward = (path: string) =>
  client.request({ origin: `http://127.0.0.1:${port}`, method: 'GET', path, headers: {}, timeoutMs: 5000 });

describe('JSON replies', () => {
  it('turns a 200 whose body breaks off into a 502', async () => {
    const reply = await forward('/cut');
    expect(reply.status).toBe(200);
    const error = await gateway.reply('vllm', reply).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    // As the OpenAI edge answers it.
    expect({ status: openAiShape(error).status, code: openAiShape(error).body.error.code }).toMatchObject({
      status: 502,
      code: 'upstream_malformed',
    });
  });

  it('passes a whole JSON answer on with its length', async () => {
    const reply = await forward('/whole');
    const response = await gateway.reply('vllm', reply);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.kind === 'whole' ? response.body : '')).toMatchObject({ id: 'x' });
  });
});
