import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/db.js';
import { LogCapture } from '../../test/support/app.js';
import type { Database } from '../adapters/db/client.js';
import { createLogger } from '../adapters/logger.js';
import type { AppEnv } from '../http/context.js';
import { handleError } from '../http/errors.js';
import { accessLog, authenticate } from '../http/middleware.js';
import { AuthRepo } from '../services/auth-repo.js';
import { AuthService } from '../services/auth.js';
import { AdminPassword } from '../services/password.js';
import { PrivacyService } from '../services/privacy/service.js';
import { MAX_PRIVACY_CHARS } from '@spark-control/schema';
import { privacyRoutes } from './privacy.js';

let dataDir: string;
let database: Database;
let app: Hono<AppEnv>;
let privacyToken: string;
let controlToken: string;
let otherPrivacyToken: string;
let now = new Date('2026-03-01T12:00:00Z');
const logs = new LogCapture();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'privacy-routes-'));
  database = await freshDatabase('pglite');
  const auth = new AuthService({
    repo: new AuthRepo(database.db),
    password: new AdminPassword(join(dataDir, 'admin-password'), 'not used here'),
  });
  privacyToken = (await auth.createToken('cloud bridge', ['privacy'])).token;
  controlToken = (await auth.createToken('ops', ['control'])).token;
  otherPrivacyToken = (await auth.createToken('someone else', ['privacy', 'admin'])).token;
  const log = createLogger({ level: 'debug', destination: logs });
  const service = new PrivacyService({
    db: database.db,
    vaultKey: Buffer.alloc(32, 1),
    now: () => now,
    ttlMs: 3600_000,
  });
  app = new Hono<AppEnv>();
  app.onError((error, c) => handleError(error, c, log));
  app.use(requestId());
  app.use(accessLog(log));
  app.use('/api/*', authenticate(auth, []));
  app.route('/api', privacyRoutes(service));
});

afterAll(async () => {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
});

function post(path: string, body: unknown, token = privacyToken) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('POST /api/scrub and /api/rehydrate', () => {
  it('round-trips text and JSON', async () => {
    const text = 'Ingrid Bergström <ingrid@example.se> paid with 4111 1111 1111 1111.';
    const scrubbed = await post('/api/scrub', { text });
    expect(scrubbed.status).toBe(200);
    const body = (await scrubbed.json()) as {
      text: string;
      sessionId: string;
      entities: { type: string; token: string }[];
    };
    expect(body.text).not.toMatch(/Ingrid|ingrid@|4111/);
    expect(body.entities.map((e) => e.type)).toEqual(['PERSON', 'EMAIL', 'CARD']);
    for (const entity of body.entities) expect(body.text).toContain(entity.token);

    const restored = await post('/api/rehydrate', { sessionId: body.sessionId, text: `Done: ${body.text}` });
    expect(await restored.json()).toEqual({ text: `Done: ${text}` });

    const json = { driver: 'Ingrid Bergström', plate: 'AB12 CDE', speed: 42 };
    const scrubbedJson = (await (await post('/api/scrub', { json })).json()) as {
      json: unknown;
      sessionId: string;
    };
    expect(JSON.stringify(scrubbedJson.json)).not.toMatch(/Ingrid|AB12/);
    const restoredJson = await post('/api/rehydrate', {
      sessionId: scrubbedJson.sessionId,
      json: scrubbedJson.json,
    });
    expect(await restoredJson.json()).toEqual({ json });
  });

  it('restores a session only for the token that scrubbed it; any other gets 404', async () => {
    const text =
      'Card 4111 1111 1111 1111, mail mallory-target@example.com, key sk-proj-abcdefghijklmnopqrstuv';
    const scrubbed = (await (await post('/api/scrub', { text })).json()) as {
      text: string;
      sessionId: string;
    };
    for (const body of [
      { sessionId: scrubbed.sessionId, text: scrubbed.text },
      { sessionId: scrubbed.sessionId, json: { reply: scrubbed.text } },
    ]) {
      const stolen = await post('/api/rehydrate', body, otherPrivacyToken);
      expect(stolen.status).toBe(404);
      const raw = JSON.stringify(await stolen.json());
      expect(raw).not.toMatch(/4111|mallory-target|sk-proj/);
    }
    const own = await post('/api/rehydrate', { sessionId: scrubbed.sessionId, text: scrubbed.text });
    expect(await own.json()).toEqual({ text });
  });

  it('answers 410 GONE for an expired session, never the unrestored text', async () => {
    const body = (await (await post('/api/scrub', { text: 'mail old@example.com' })).json()) as {
      text: string;
      sessionId: string;
    };
    now = new Date(now.getTime() + 3600_001);
    const response = await post('/api/rehydrate', { sessionId: body.sessionId, text: body.text });
    expect(response.status).toBe(410);
    const error = await errorOf(response);
    expect(error.code).toBe('GONE');
    expect(JSON.stringify(error)).not.toContain('[[EMAIL');
  });

  it.each([
    ['missing text and json', '/api/scrub', {}, /text, json: send exactly one/],
    ['both text and json', '/api/scrub', { text: 'a', json: {} }, /text, json: send exactly one/],
    ['text of the wrong type', '/api/scrub', { text: 42 }, /text: must be text/],
    ['oversize text', '/api/scrub', { text: 'x'.repeat(MAX_PRIVACY_CHARS + 1) }, /text: must be at most/],
    ['oversize json', '/api/scrub', { json: ['x'.repeat(MAX_PRIVACY_CHARS)] }, /json: must be at most/],
    [
      'too deep json',
      '/api/scrub',
      { json: JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown },
      /json: must not nest/,
    ],
    ['a body that is not an object', '/api/scrub', 'true', /body must be an object/],
    ['missing sessionId', '/api/rehydrate', { text: 'x' }, /sessionId: is required/],
    [
      'malformed sessionId',
      '/api/rehydrate',
      { sessionId: 'abc', text: 'x' },
      /sessionId: must be a session id/,
    ],
    [
      'rehydrate without text or json',
      '/api/rehydrate',
      { sessionId: '00000000-0000-4000-8000-000000000000' },
      /text, json/,
    ],
  ])('rejects %s with 400 naming the field', async (_name, path, body, message) => {
    const response = await post(path, body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(message);
  });

  it.each(['/api/scrub', '/api/rehydrate'])(
    '%s answers hostile nesting (depth 5000 in 10 KB) with 400 naming the limit',
    async (path) => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const body = `{"sessionId":"00000000-0000-4000-8000-000000000000","json":${deep}}`;
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(/must not nest deeper than \d+ levels/);
    },
  );

  it('rejects malformed JSON with 400 and a non-JSON body with 415', async () => {
    expect((await post('/api/scrub', '{"text": ')).status).toBe(400);
    const response = await app.request('/api/scrub', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${privacyToken}` },
      body: 'hello',
    });
    expect(response.status).toBe(415);
  });

  it('needs the privacy scope', async () => {
    const response = await post('/api/scrub', { text: 'x' }, controlToken);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/"privacy" scope/);
    expect((await app.request('/api/scrub', { method: 'POST' })).status).toBe(401);
  });

  it('never writes an original or a mapping to the log', async () => {
    await post('/api/scrub', { text: 'secret person Quentin Tarantula <qt@example.com>' });
    const all = logs.lines.join('\n');
    expect(all).not.toContain('qt@example.com');
    expect(all).not.toContain('Quentin');
    expect(all).not.toContain('[[EMAIL');
  });
});
