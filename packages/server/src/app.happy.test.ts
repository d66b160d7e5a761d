import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/support/app.js';

describe('app: happy paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      settings: {
        sparks: [{ id: 'spark-1', host: '10.0.0.2' }],
        reasoning: { nvidiaApiKey: 'nvapi-abcdef123456' },
      },
    });
  });
  afterAll(() => t.close());

  it('answers /health without a credential', async () => {
    const response = await t.app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '0.0.0-test' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns the settings with the NVIDIA key masked', async () => {
    const response = await t.app.request('/api/settings', { headers: t.bearer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      settings: { reasoning: { nvidiaApiKey: string }; sparks: unknown[] };
      errors: string[];
    };
    expect(body.settings.reasoning.nvidiaApiKey).toBe('********');
    expect(body.settings.sparks).toHaveLength(1);
    expect(body.errors).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('nvapi-abcdef123456');
  });

  it('signs in with the password and uses the session cookie', async () => {
    const cookie = await t.login();
    const me = await t.app.request('/api/auth/me', { headers: { cookie } });
    expect(await me.json()).toMatchObject({ actor: 'admin', kind: 'session' });
  });

  it('sets an HttpOnly SameSite=Strict cookie', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost' },
      body: JSON.stringify({ password: 'correct horse battery staple' }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('manages API tokens and audits each change', async () => {
    const created = await t.app.request('/api/tokens', {
      method: 'POST',
      headers: { ...t.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'crm', scopes: ['gateway'] }),
    });
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: string };
    const listed = (await (await t.app.request('/api/tokens', { headers: t.bearer })).json()) as {
      tokens: { id: string }[];
    };
    expect(listed.tokens.map((entry) => entry.id)).toContain(id);

    const denied = await t.app.request('/api/settings', { headers: { Authorization: `Bearer ${token}` } });
    expect(denied.status).toBe(403);

    const revoked = await t.app.request(`/api/tokens/${id}`, { method: 'DELETE', headers: t.bearer });
    expect(revoked.status).toBe(204);
    const after = await t.app.request('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);

    const rows = await t.audit.recent(10);
    expect(rows.map((row) => `${row.action} ${row.outcome}`)).toEqual(
      expect.arrayContaining(['POST /api/tokens ok', 'DELETE /api/tokens/:id ok']),
    );
    expect(rows.find((row) => row.action === 'POST /api/tokens')?.actor).toBe('token:environment');
  });

  it('streams events over SSE', async () => {
    const controller = new AbortController();
    const response = await t.app.request('/api/events', { headers: t.bearer, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: hello')) text += decoder.decode((await reader.read()).value);
    t.bus.publish({ type: 'settings.changed', at: new Date().toISOString(), changed: ['vllm'] });
    while (!text.includes('event: settings.changed')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"changed":["vllm"]');
    controller.abort();
    await reader.cancel();
  });
});
