import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../test/support/app.js';

const opened: TestApp[] = [];
async function app(options: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp> {
  const created = await buildTestApp(options);
  opened.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((each) => each.close()));
});

/** The node socket @hono/node-server hands the app, with this peer address. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function login(t: TestApp, password: string, peer: string, headers: Record<string, string> = {}) {
  return t.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ password }),
    },
    from(peer),
  );
}

describe('login limits', () => {
  it('checks at most 10 of 1000 concurrent wrong guesses against the stored scrypt hash', async () => {
    const t = await app({ passwordFile: true });
    const verify = vi.spyOn(t.password, 'verify');
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, async () => (await login(t, 'guess', '203.0.113.7')).status),
    );
    expect(verify.mock.calls.length).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 401)).toHaveLength(verify.mock.calls.length);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1000 - verify.mock.calls.length);
  });

  it('locks out the guessing address only: the owner still signs in from another', async () => {
    const t = await app({ passwordFile: true });
    for (let i = 0; i < 10; i++) expect((await login(t, 'guess', '203.0.113.7')).status).toBe(401);
    const refused = await login(t, TEST_PASSWORD, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(t, TEST_PASSWORD, '192.168.1.20')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from an untrusted peer: rotating it does not reset the count', async () => {
    const t = await app();
    for (let i = 0; i < 10; i++) {
      const response = await login(t, 'guess', '203.0.113.7', { 'x-forwarded-for': `198.51.100.${i}` });
      expect(response.status).toBe(401);
    }
    expect((await login(t, 'guess', '203.0.113.7', { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429);
  });

  it('counts per original client behind a trusted proxy', async () => {
    const t = await app({ trustedProxies: ['10.0.3.1'] });
    for (let i = 0; i < 10; i++) {
      expect((await login(t, 'guess', '10.0.3.1', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(401);
    }
    expect((await login(t, 'guess', '10.0.3.1', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    const owner = await login(t, TEST_PASSWORD, '10.0.3.1', { 'x-forwarded-for': '192.168.1.20' });
    expect(owner.status).toBe(200);
  });
});

describe('forwarded headers', () => {
  it('marks the session cookie Secure when a trusted proxy says the caller used https', async () => {
    const t = await app({ trustedProxies: ['10.0.3.1'] });
    const proxied = await login(t, TEST_PASSWORD, '10.0.3.1', { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const spoofed = await login(t, TEST_PASSWORD, '192.168.1.20', { 'x-forwarded-proto': 'https' });
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('believes X-Forwarded-Host for the same-origin check only from a trusted proxy', async () => {
    const t = await app({ trustedProxies: ['10.0.3.1'] });
    const cookie = await t.login();
    const create = (peer: string, headers: Record<string, string>) =>
      t.app.request(
        '/api/tokens',
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ name: 'via proxy', scopes: ['admin'] }),
        },
        from(peer),
      );
    const spoofed = await create('192.168.1.20', {
      origin: 'http://evil.example',
      host: 'spark-control.local',
      'x-forwarded-host': 'evil.example',
    });
    expect(spoofed.status).toBe(403);
    const proxied = await create('10.0.3.1', {
      origin: 'https://spark.example.org',
      host: '10.0.3.5:9999',
      'x-forwarded-host': 'spark.example.org',
    });
    expect(proxied.status).toBe(201);
  });
});
