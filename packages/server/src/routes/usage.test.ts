import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';

describe('token models and limits, and the usage report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { ...t.bearer, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('creates a token with models and limits and edits them', async () => {
    const created = await call('POST', '/api/tokens', {
      name: 'app',
      scopes: ['gateway'],
      models: ['model-a', 'model-a', 'model-b'],
      limits: { rpm: 30 },
    });
    expect(created.status).toBe(201);
    const info = (await created.json()) as { id: string; models: string[]; limits: object };
    expect(info).toMatchObject({ models: ['model-a', 'model-b'], limits: { rpm: 30 } });

    const edited = await call('PATCH', `/api/tokens/${info.id}`, {
      models: null,
      limits: { tokensPerDay: 100_000 },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      name: 'app',
      models: null,
      limits: { tokensPerDay: 100_000 },
    });

    const missing = await call('PATCH', '/api/tokens/6f1c4c1e-8d9a-4f8e-9d5b-2a6f1b0c9e11', { name: 'x' });
    expect(missing.status).toBe(404);
  });

  it('refuses bad limits, models and edits naming the field', async () => {
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/api/tokens', { name: 'a', scopes: ['gateway'], limits: { rpm: 0 } }, /limits\.rpm/],
      ['POST', '/api/tokens', { name: 'a', scopes: ['gateway'], limits: { perHour: 5 } }, /limits/],
      ['POST', '/api/tokens', { name: 'a', scopes: ['gateway'], models: [] }, /models/],
      ['POST', '/api/tokens', { name: 'a', scopes: ['gateway'], models: [' '] }, /models/],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await call(method, path, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(field);
    }
    const list = (await (await call('GET', '/api/tokens')).json()) as { tokens: { id: string }[] };
    const id = list.tokens[0]!.id;
    expect((await call('PATCH', `/api/tokens/${id}`, {})).status).toBe(400);
    expect((await call('PATCH', `/api/tokens/${id}`, { limits: { tokensPerDay: 1.5 } })).status).toBe(400);
  });

  it('reports usage for 1 to 720 hours and refuses anything else naming hours', async () => {
    const report = await call('GET', '/api/usage');
    expect(report.status).toBe(200);
    expect(await report.json()).toEqual({ usage: [] });
    expect((await call('GET', '/api/usage?hours=720')).status).toBe(200);
    for (const hours of ['0', '721', 'abc', '1.5']) {
      const response = await call('GET', `/api/usage?hours=${hours}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^hours: /);
    }
  });
});
