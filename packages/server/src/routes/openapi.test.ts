import { readFile } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import { inspectRoutes } from 'hono/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_TOKEN, type TestApp } from '../../test/support/app.js';
import { openApiPath } from '../http/openapi.js';
import { NOT_OPERATIONS } from './operations.js';

type Document = { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };

describe('GET /api/openapi.json', () => {
  let t: TestApp;
  let document: Document;
  const bearer = { authorization: `Bearer ${TEST_TOKEN}` };

  beforeAll(async () => {
    t = await buildTestApp();
    const response = await t.app.request('/api/openapi.json', { headers: bearer });
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    // swagger-parser resolves $refs in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('describes every route the app serves, and nothing it does not', () => {
    const routes = new Set(
      inspectRoutes(t.app)
        .filter((route) => !route.isMiddleware)
        .map((route) => `${route.method} ${route.path}`)
        .filter((route) => !NOT_OPERATIONS.has(route)),
    );
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const missing = [...routes].filter((route) => {
      const [method = '', path = ''] = route.split(' ');
      return !documented.has(`${method} ${openApiPath(path)}`);
    });
    expect(missing).toEqual([]);
    const served = new Set(
      [...routes].map((route) => {
        const [method = '', path = ''] = route.split(' ');
        return `${method} ${openApiPath(path)}`;
      }),
    );
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
  });

  it('generates request bodies from the shared valibot schemas', () => {
    const swap = document.paths['/api/swap']?.post as {
      requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } };
    };
    expect(swap.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { modelId: { type: 'string', pattern: expect.any(String) as string } },
      required: ['modelId'],
      additionalProperties: false,
    });
    const chat = document.paths['/v1/chat/completions']?.post as Record<string, unknown>;
    expect(chat).toMatchObject({
      'x-scope': 'gateway',
      security: [{ bearer: ['gateway'] }, { session: [] }],
    });
    expect(document.paths['/api/endpoints']?.get).toMatchObject({ deprecated: true });
  });

  it('names for each operation the scope docs/api.md gives it', async () => {
    const text = await readFile(new URL('../../../../docs/api.md', import.meta.url), 'utf8');
    const documented = new Map<string, string>();
    for (const match of text.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` \| ([^|]+) \|/gm)) {
      documented.set(`${match[1]} ${match[2]}`, (match[3] ?? '').trim());
    }
    const differing = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const scope =
          operation['x-scope'] === 'metrics' ? 'admin or the metrics token' : operation['x-scope'];
        const wanted = documented.get(`${method.toUpperCase()} ${path}`);
        return wanted === scope
          ? []
          : [`${method.toUpperCase()} ${path}: ${String(scope)}, docs say ${wanted}`];
      }),
    );
    expect(differing).toEqual([]);
  });

  it('needs a credential', async () => {
    expect((await t.app.request('/api/openapi.json')).status).toBe(401);
  });
});

describe('unknown paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const bearer = { authorization: `Bearer ${TEST_TOKEN}` };
  it.each([
    ['/openapi.json', {}],
    ['/openapi.json', { accept: 'application/json' }],
    ['/api/no-such-route', { ...bearer, accept: 'text/html' }],
    ['/some/page', { accept: '*/*' }],
  ])('answers %s %j with a JSON 404', async (path, headers) => {
    const response = await t.app.request(path, { headers });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers an unknown /v1 path with OpenAI’s 404', async () => {
    const response = await t.app.request('/v1/no-such-route', {
      headers: { ...bearer, accept: 'text/html' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: expect.any(String) as string } });
  });

  it('gives a browser navigation the dashboard page', async () => {
    const response = await t.app.request('/some/page', {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});
