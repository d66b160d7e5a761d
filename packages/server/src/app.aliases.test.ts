import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPRECATED_ALIASES } from './http/deprecated.js';
import { buildTestApp, type TestApp } from '../test/support/app.js';

/** The earlier package's paths answer exactly like today's routes, with the deprecation headers. */
describe('app: the earlier package paths', () => {
  let t: TestApp;
  const tokens: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await buildTestApp({ settings: { sparks: [{ id: 'spark-1', host: '127.0.0.1', sshPort: 9 }] } });
    for (const scope of ['privacy', 'control', 'gateway'] as const) {
      const created = await t.auth.createToken(`only-${scope}`, [scope]);
      tokens[scope] = { Authorization: `Bearer ${created.token}` };
    }
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function same(alias: Response, current: Response) {
    expect(alias.status).toBe(current.status);
    const [a, b] = [
      (await alias.json()) as Record<string, unknown>,
      (await current.json()) as Record<string, unknown>,
    ];
    const withoutRequestId = (body: Record<string, unknown>) =>
      body.error ? { ...body, error: { ...body.error, requestId: '' } } : body;
    expect(withoutRequestId(a)).toEqual(withoutRequestId(b));
  }

  it('marks each alias deprecated and links to the path that replaces it', async () => {
    const checks: [string, RequestInit, string][] = [
      ['/scrub', { method: 'POST', headers: tokens.privacy }, '/api/scrub'],
      ['/rehydrate', { method: 'POST', headers: tokens.privacy }, '/api/rehydrate'],
      ['/api/endpoints', { headers: t.bearer }, '/api/services'],
      ['/api/endpoints/vllm/history', { headers: t.bearer }, '/api/services/vllm/history'],
      ['/api/matrix-bridge/logs', { headers: t.bearer }, '/api/bot/logs'],
      ['/api/matrix-bridge/update', { method: 'POST', headers: t.bearer }, '/api/bot/update'],
    ];
    for (const [path, init, successor] of checks) {
      const response = await t.app.request(path, init);
      expect(response.headers.get('deprecation'), path).toBe('@1796083200');
      expect(response.headers.get('link'), path).toBe(`<${successor}>; rel="successor-version"`);
      const current = await t.app.request(successor, init);
      expect(current.headers.get('deprecation'), successor).toBeNull();
    }
    expect(DEPRECATED_ALIASES.map((entry) => entry.alias)).toEqual([
      '/scrub',
      '/rehydrate',
      '/api/endpoints',
      '/api/matrix-bridge',
    ]);
  });

  it('scrubs and rehydrates at /scrub and /rehydrate as at /api/scrub and /api/rehydrate', async () => {
    const text = 'Call Maria Lopez at +34 612 345 678 or maria.lopez@example.com.';
    const scrubbed = await post('/scrub', { text }, tokens.privacy);
    const current = await post('/api/scrub', { text }, tokens.privacy);
    expect(scrubbed.status).toBe(200);
    const [a, b] = [
      (await scrubbed.json()) as { text: string; sessionId: string; entities: unknown },
      (await current.json()) as { text: string; sessionId: string; entities: unknown },
    ];
    // Placeholders carry a per-session suffix.
    const shape = (scrubbedText: string) => scrubbedText.replace(/_[a-z0-9]+\]\]/g, ']]');
    expect(shape(a.text)).toBe(shape(b.text));
    expect(shape(JSON.stringify(a.entities))).toBe(shape(JSON.stringify(b.entities)));
    expect(a.text).not.toContain('maria.lopez@example.com');
    const back = await post('/rehydrate', { sessionId: a.sessionId, text: a.text }, tokens.privacy);
    expect(await back.json()).toEqual({ text });
    await same(
      await post('/scrub', { text: 1 }, tokens.privacy),
      await post('/api/scrub', { text: 1 }, tokens.privacy),
    );
  });

  it('asks for the same credentials and scopes as the new routes', async () => {
    const cases: [string, string, RequestInit][] = [
      [
        '/scrub',
        '/api/scrub',
        { method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'application/json' } },
      ],
      ['/api/endpoints', '/api/services', {}],
      ['/api/matrix-bridge/logs', '/api/bot/logs', {}],
      ['/api/matrix-bridge/update', '/api/bot/update', { method: 'POST' }],
    ];
    for (const [alias, successor, init] of cases) {
      for (const credential of [{}, tokens.privacy, tokens.control, tokens.gateway, t.bearer]) {
        const request = { ...init, headers: { ...(init.headers as Record<string, string>), ...credential } };
        const [a, b] = [await t.app.request(alias, request), await t.app.request(successor, request)];
        expect(a.status, `${alias} with ${JSON.stringify(credential)}`).toBe(b.status);
      }
    }
    const unauthenticated = await post('/scrub', { text: 'x' });
    expect(unauthenticated.status).toBe(401);
    expect((await post('/scrub', { text: 'x' }, tokens.gateway)).status).toBe(403);
  });

  it('keeps the redaction scope to the redaction routes, wherever they are mounted', async () => {
    expect((await t.app.request('/api/services', { headers: tokens.control })).status).toBe(200);
    expect((await t.app.request('/api/endpoints', { headers: tokens.control })).status).toBe(200);
    expect((await t.app.request('/v1/models', { headers: tokens.gateway })).status).not.toBe(403);
  });

  it('refuses a cookie-authenticated alias call from another origin, and a body over the limit', async () => {
    const cookie = await t.login();
    const foreign = await post(
      '/scrub',
      { text: 'x' },
      { cookie, origin: 'http://evil.example', host: 'localhost' },
    );
    expect(foreign.status).toBe(403);
    const large = await post('/scrub', { text: 'x'.repeat(1024 * 1024 + 10) }, tokens.privacy);
    expect(large.status).toBe(413);
  });

  it('answers the service list and the bot like /api/services and /api/bot', async () => {
    await same(
      await t.app.request('/api/endpoints', { headers: t.bearer }),
      await t.app.request('/api/services', { headers: t.bearer }),
    );
    await same(
      await t.app.request('/api/matrix-bridge/update', { method: 'POST', headers: t.bearer }),
      await t.app.request('/api/bot/update', { method: 'POST', headers: t.bearer }),
    );
    await same(
      await t.app.request('/api/matrix-bridge/logs?tail=0', { headers: t.bearer }),
      await t.app.request('/api/bot/logs?tail=0', { headers: t.bearer }),
    );
  });

  it('audits a mutation through an alias under the alias path', async () => {
    await t.app.request('/api/matrix-bridge/update', { method: 'POST', headers: t.bearer });
    const rows = await t.audit.recent(5);
    expect(rows.map((row) => row.action)).toContain('POST /api/matrix-bridge/update');
    const scrubs = (await t.audit.recent(50)).filter((row) => row.target === '/scrub');
    expect(scrubs).toEqual([]);
  });
});
