import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HuggingFaceHub } from './huggingface.js';

// Answers in the shape of the public Hub API (GET /api/models/{repo}?blobs=true).
const server = createServer((request, response) => {
  const auth = request.headers.authorization;
  const reply = (status: number, body: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (request.url === '/api/models/meta-llama/Llama-3.1-8B-Instruct?blobs=true')
    return reply(200, {
      id: 'meta-llama/Llama-3.1-8B-Instruct',
      gated: 'manual',
      siblings: [
        { rfilename: 'config.json', size: 855 },
        { rfilename: 'model-00001-of-00002.safetensors', size: 4_976_698_672 },
      ],
    });
  if (request.url === '/api/models/Qwen/Qwen3-0.6B?blobs=true')
    return reply(200, { id: 'Qwen/Qwen3-0.6B', gated: false, siblings: [{ rfilename: 'config.json' }] });
  if (request.url === '/api/models/broken/answer?blobs=true') return reply(500, {});
  return reply(auth ? 404 : 401, { error: 'Repository not found' });
});
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('the Hugging Face Hub', () => {
  it('says whether a repo is gated and how big its files are', async () => {
    const hub = new HuggingFaceHub(() => '', base);
    expect(await hub.describe('meta-llama/Llama-3.1-8B-Instruct')).toEqual({
      kind: 'found',
      gated: true,
      sizeBytes: 4_976_699_527,
    });
    expect(await hub.describe('Qwen/Qwen3-0.6B')).toEqual({
      kind: 'found',
      gated: false,
      sizeBytes: undefined,
    });
  });

  it('knows a missing repo, with a token or without', async () => {
    expect(await new HuggingFaceHub(() => '', base).describe('nobody/nothing')).toEqual({ kind: 'missing' });
    expect(await new HuggingFaceHub(() => 'hf_x', base).describe('nobody/nothing')).toEqual({
      kind: 'missing',
    });
  });

  it('gives no answer when the Hub errs or cannot be reached', async () => {
    expect(await new HuggingFaceHub(() => '', base).describe('broken/answer')).toBeUndefined();
    expect(await new HuggingFaceHub(() => '', 'http://127.0.0.1:9', 500).describe('a/b')).toBeUndefined();
  });
});
