import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/support/app.js';

type ErrorBody = { error: { code: string; message: string; requestId: string } };

describe('app: bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const post = (path: string, body: string, contentType = 'application/json') =>
    t.app.request(path, { method: 'POST', headers: { ...t.bearer, 'content-type': contentType }, body });

  it('malformed JSON → 400 with the JSON error body', async () => {
    const response = await post('/api/tokens', '{"name": ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', message: 'body is not valid JSON' });
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('wrong types → 400 naming the field', async () => {
    const response = await post('/api/tokens', JSON.stringify({ name: 42, scopes: ['gateway'] }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'name: must be text',
    });
  });

  it('unknown scope and unknown fields → 400 naming them', async () => {
    const scope = await post('/api/tokens', JSON.stringify({ name: 'x', scopes: ['root'] }));
    expect(((await scope.json()) as ErrorBody).error.message).toContain('scopes.0: must be one of');
    const extra = await post('/api/tokens', JSON.stringify({ name: 'x', scopes: ['admin'], expires: 1 }));
    expect(((await extra.json()) as ErrorBody).error.message).toContain('expires: is not a known setting');
  });

  it.each([
    ['/api/search', (deep: string) => `{"collection":"docs","query":"q","filter":{"must":${deep}}}`],
    ['/api/reasoning/lead_tagger', (deep: string) => `{"input":${deep}}`],
    ['/api/catalog', (deep: string) => `{"id":"m","notes":${deep}}`],
  ])('hostile nesting on %s → 400 naming the limit, never a 500', async (path, body) => {
    const depth = 100_000;
    const response = await post(path, body('['.repeat(depth) + ']'.repeat(depth)));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toBe(
      'body: must not nest deeper than 64 levels',
    );
  });

  it('wrong content type → 415', async () => {
    const response = await post('/api/tokens', 'name=x', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
  });

  it('oversize body → 413 and nothing created', async () => {
    const before = (await (await t.app.request('/api/tokens', { headers: t.bearer })).json()) as {
      tokens: unknown[];
    };
    const response = await post(
      '/api/tokens',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), scopes: ['admin'] }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
    const after = (await (await t.app.request('/api/tokens', { headers: t.bearer })).json()) as {
      tokens: unknown[];
    };
    expect(after.tokens).toHaveLength(before.tokens.length);
  });

  it('a bad path parameter → 400, an unknown id → 404', async () => {
    expect(
      (await t.app.request('/api/tokens/not-a-uuid', { method: 'DELETE', headers: t.bearer })).status,
    ).toBe(400);
    const missing = await t.app.request('/api/tokens/7d1f1ab8-2b1c-4d6e-9a53-0a0a0a0a0a0a', {
      method: 'DELETE',
      headers: t.bearer,
    });
    expect(missing.status).toBe(404);
  });

  it('an unknown API route → 404 JSON, never the dashboard', async () => {
    const response = await t.app.request('/api/nope', { headers: t.bearer });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
  });
});
