import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, TEST_TOKEN, type TestApp } from '../test/support/app.js';

// No credential, an unknown token and a token without the scope: app.scopes.security.test.ts sweeps every route.
describe('app: security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      settings: {
        reasoning: { nvidiaApiKey: 'nvapi-never-log-me' },
        webhook: { url: 'https://hooks.example.com/in?token=hook-token-never-shown' },
      },
    });
  });
  afterAll(() => t.close());

  it('/metrics needs the admin scope', async () => {
    expect((await t.app.request('/metrics')).status).toBe(401);
    const scraped = await t.app.request('/metrics', { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('spark_control_swaps_total');
  });

  it('a wrong password → 401, counted per route instead of a row per request', async () => {
    const before = (await t.audit.denied()).find((row) => row.action === 'POST /api/auth/login')?.count ?? 0;
    const rowsBefore = (await t.audit.recent(1000)).length;
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'guess' }),
    });
    expect(response.status).toBe(401);
    const counted = (await t.audit.denied()).find((row) => row.action === 'POST /api/auth/login');
    expect(counted).toMatchObject({ count: before + 1, lastStatus: 401 });
    expect((await t.audit.recent(1000)).length).toBe(rowsBefore);
  });

  it('anonymous mutations cannot grow the audit log: 200 of them leave one counted row per route', async () => {
    const rowsBefore = (await t.audit.recent(10_000)).length;
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) =>
        t.app.request(`/api/no-such-thing-${i}`, { method: 'POST', body: 'x' }),
      ),
    );
    expect((await t.audit.recent(10_000)).length).toBe(rowsBefore);
    const denied = await t.audit.denied();
    expect(denied.find((row) => row.action === 'POST /api/*')?.count).toBeGreaterThanOrEqual(200);
    expect(denied.length).toBeLessThan(10);
  });

  it('audits a mutation whose path holds a NUL byte', async () => {
    const response = await t.app.request('/api/swap/%00abc/cancel', { method: 'POST', headers: t.bearer });
    expect(response.status).toBe(400);
    const [row] = await t.audit.recent(1);
    expect(row).toMatchObject({ action: 'POST /api/swap/:id/cancel', outcome: 'failed', status: 400 });
    expect(row?.target).toBe('/api/swap/\uFFFDabc/cancel');
  });

  it('refuses cookie-authenticated mutations from another origin', async () => {
    const cookie = await t.login();
    const body = JSON.stringify({ name: 'evil', scopes: ['admin'] });
    const crossSite = await t.app.request('/api/tokens', {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        origin: 'http://evil.example',
        host: 'localhost',
      },
      body,
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await t.app.request('/api/tokens', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body,
    });
    expect(noOrigin.status).toBe(403);
    const sameSite = await t.app.request('/api/tokens', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost' },
      body: JSON.stringify({ name: 'ok', scopes: ['gateway'] }),
    });
    expect(sameSite.status).toBe(201);
  });

  it('GET /api/settings masks the query values of URLs', async () => {
    const response = await t.app.request('/api/settings', { headers: t.bearer });
    const text = await response.text();
    expect(text).toContain('"url":"https://hooks.example.com/in?token=********"');
    expect(text).not.toContain('hook-token-never-shown');
  });

  it('lets a cookie session read without an Origin header', async () => {
    const cookie = await t.login();
    expect((await t.app.request('/api/settings', { headers: { cookie } })).status).toBe(200);
  });

  it('writes no password, token or NVIDIA key to the log', async () => {
    await t.login();
    await t.app.request('/api/settings', { headers: t.bearer });
    const all = t.logs.lines.join('\n');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(TEST_TOKEN);
    expect(all).not.toContain('nvapi-never-log-me');
    expect(all).toContain('"path":"/api/settings"');
  });

  it('slows down password guessing', async () => {
    const attempt = () =>
      t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: 'guess' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses).toContain(429);
  });
});
