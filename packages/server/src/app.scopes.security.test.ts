import { readFile } from 'node:fs/promises';
import { TOKEN_SCOPES, type TokenScope } from '@spark-control/schema';
import { inspectRoutes } from 'hono/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/support/app.js';

/**
 * Who may call what: the spec every route of the real app is swept against. `open` needs no
 * credential, `any` any credential, a scope a token with that scope (or `admin`, or the dashboard
 * session), `metrics` an admin credential or the metrics token. A route missing here fails the sweep.
 */
type Access = 'open' | 'any' | TokenScope | 'metrics';

const EXPECTED: Record<string, Access> = {
  'GET /health': 'open',
  'GET /api/openapi.json': 'any',
  'POST /api/auth/login': 'open',
  'POST /api/auth/logout': 'any',
  'GET /api/auth/me': 'any',
  'GET /api/settings': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'PATCH /api/tokens/:id': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/usage': 'admin',
  'GET /api/events': 'any',
  'POST /api/swap': 'control',
  'POST /api/swap/unload': 'control',
  'GET /api/swap/current': 'control',
  'GET /api/swap/history': 'control',
  'GET /api/swap/durations': 'control',
  'POST /api/swap/:id/cancel': 'control',
  'GET /api/placements': 'any',
  'GET /api/leases': 'control',
  'POST /api/leases': 'control',
  'DELETE /api/leases/:id': 'control',
  'GET /api/schedules': 'control',
  'GET /api/schedules/timeline': 'control',
  'POST /api/schedules': 'control',
  'PUT /api/schedules/:id': 'control',
  'DELETE /api/schedules/:id': 'control',
  'GET /api/catalog': 'control',
  'POST /api/catalog': 'control',
  'PUT /api/catalog/:id': 'control',
  'DELETE /api/catalog/:id': 'control',
  'POST /api/scrub': 'privacy',
  'POST /api/rehydrate': 'privacy',
  'GET /api/reasoning/health': 'reasoning',
  'GET /api/reasoning/stats': 'reasoning',
  'GET /api/reasoning/tasks': 'reasoning',
  'POST /api/reasoning/parse': 'reasoning',
  'POST /api/reasoning/:task': 'reasoning',
  'GET /api/services': 'any',
  'GET /api/services/:id': 'any',
  'GET /api/services/:id/history': 'any',
  'POST /api/services/:id/deep': 'control',
  'GET /api/sparks': 'any',
  'GET /api/sparks/:id': 'any',
  'GET /api/sparks/:id/history': 'any',
  'POST /api/sparks/:id/copy-key': 'control',
  'GET /api/ssh/key': 'any',
  'GET /api/bot': 'control',
  'GET /api/bot/update': 'control',
  'POST /api/bot/update': 'control',
  'POST /api/bot/restart': 'control',
  'POST /api/bot/stop': 'control',
  'POST /api/bot/start': 'control',
  'GET /api/bot/logs': 'control',
  'GET /api/bot/logs/follow': 'control',
  'GET /v1/models': 'gateway',
  'GET /v1/models/:id{.+}': 'gateway',
  'POST /v1/chat/completions': 'gateway',
  'POST /v1/completions': 'gateway',
  'POST /v1/responses': 'gateway',
  'POST /v1/embeddings': 'gateway',
  'POST /v1/rerank': 'gateway',
  'POST /v1/audio/transcriptions': 'gateway',
  'POST /v1/audio/speech': 'gateway',
  'ALL /v1/*': 'gateway',
  'POST /api/audio/diarize': 'gateway',
  'POST /api/audio/transcribe-diarized': 'gateway',
  'POST /api/search': 'gateway',
  'POST /api/search/index': 'gateway',
  'GET /metrics': 'metrics',
  // The earlier package's paths (http/deprecated.ts): the same groups mounted again, same scopes.
  'POST /scrub': 'privacy',
  'POST /rehydrate': 'privacy',
  'GET /api/endpoints': 'any',
  'GET /api/endpoints/:id': 'any',
  'GET /api/endpoints/:id/history': 'any',
  'POST /api/endpoints/:id/deep': 'control',
  'GET /api/matrix-bridge': 'control',
  'GET /api/matrix-bridge/update': 'control',
  'POST /api/matrix-bridge/update': 'control',
  'POST /api/matrix-bridge/restart': 'control',
  'POST /api/matrix-bridge/stop': 'control',
  'POST /api/matrix-bridge/start': 'control',
  'GET /api/matrix-bridge/logs': 'control',
  'GET /api/matrix-bridge/logs/follow': 'control',
  'ALL /api/*': 'any',
  'GET /*': 'open',
};

/** Catch-all routes: a caller who may reach them gets 404, not a handler (the sweep sends no Accept: text/html). */
const FALLBACKS = new Set(['ALL /v1/*', 'ALL /api/*', 'GET /*']);

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

interface Caller {
  name: string;
  headers: Record<string, string>;
  /** What the caller may do; undefined for no or a revoked credential. */
  scopes?: readonly TokenScope[];
}

/** A concrete request for a route pattern: sample path parameters, wildcards filled in. */
function requestFor(method: string, path: string): { method: string; path: string }[] {
  const concrete = path
    .replace(/:task\b/, 'no_such_task')
    .replace(/:[a-z]+(?:\{[^}]*\})?/gi, SAMPLE_ID)
    .replace(/\*$/, 'no-such-route');
  if (method !== 'ALL') return [{ method, path: concrete === '/no-such-route' ? '/a-page' : concrete }];
  return ['GET', 'POST'].map((each) => ({ method: each, path: concrete }));
}

function allows(access: Access, caller: Caller): boolean {
  if (access === 'open') return true;
  if (!caller.scopes) return false;
  if (access === 'any') return true;
  const scope = access === 'metrics' ? 'admin' : access;
  return caller.scopes.includes('admin') || caller.scopes.includes(scope);
}

describe('every route × every scope', () => {
  let t: TestApp;
  let routes: string[];
  const callers: Caller[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    routes = [
      ...new Set(
        inspectRoutes(t.app)
          .filter((route) => !route.isMiddleware)
          .map((route) => `${route.method} ${route.path}`),
      ),
    ];
    for (const scope of TOKEN_SCOPES) {
      const { token } = await t.auth.createToken(`only-${scope}`, [scope]);
      callers.push({
        name: `${scope} token`,
        headers: { authorization: `Bearer ${token}` },
        scopes: [scope],
      });
    }
    const revoked = await t.auth.createToken('revoked', [...TOKEN_SCOPES]);
    await t.auth.revokeToken(revoked.info.id);
    callers.push({ name: 'revoked token', headers: { authorization: `Bearer ${revoked.token}` } });
    callers.push({ name: 'unknown token', headers: { authorization: 'Bearer sc_nope' } });
    callers.push({ name: 'no credential', headers: {} });
  });
  afterAll(() => t.close());

  it('has an expected access for every route the app serves, and no stale entries', () => {
    expect(routes.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('answers each caller as the table says', async () => {
    const sameOrigin = { origin: 'http://localhost', host: 'localhost' };
    const session: Caller = {
      name: 'session',
      headers: { cookie: await t.login(), ...sameOrigin },
      scopes: TOKEN_SCOPES,
    };
    const problems: string[] = [];
    for (const route of routes) {
      const access = EXPECTED[route];
      if (!access) continue;
      const [method = '', path = ''] = route.split(' ');
      for (const caller of [...callers, session]) {
        // An open route may still refuse a credential it cannot accept (a revoked or unknown token).
        if (access === 'open' && !caller.scopes && caller.name !== 'no credential') continue;
        for (const request of requestFor(method, path)) {
          const outcome = await send(t, request, caller.headers);
          const label = `${request.method} ${request.path} as ${caller.name}: ${outcome.status} ${outcome.code || outcome.type} ${outcome.message}`;
          if (allows(access, caller)) {
            if (outcome.status === 401 || outcome.status === 403) problems.push(`refused: ${label}`);
            else if (FALLBACKS.has(route) ? outcome.status !== 404 : /no route/.test(outcome.message))
              problems.push(`not routed as expected: ${label}`);
          } else {
            const wanted = caller.scopes ? 403 : 401;
            if (outcome.status !== wanted) problems.push(`wanted ${wanted}: ${label}`);
            else if (!refusedInItsShape(request.path, outcome)) problems.push(`wrong error body: ${label}`);
          }
        }
        // Logging out ends the session the next routes use.
        if (route === 'POST /api/auth/logout' && caller === session) session.headers.cookie = await t.login();
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses every cookie-authenticated mutation from a foreign origin', async () => {
    const cookie = await t.login();
    const problems: string[] = [];
    for (const route of routes) {
      const [method = '', path = ''] = route.split(' ');
      if (EXPECTED[route] === 'open') continue;
      for (const request of requestFor(method, path)) {
        if (request.method === 'GET') continue;
        const outcome = await send(t, request, {
          cookie,
          origin: 'http://evil.example',
          host: 'localhost',
          'x-forwarded-host': 'evil.example',
        });
        if (outcome.status !== 403) problems.push(`${request.method} ${request.path}: ${outcome.status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('docs/api.md lists every route with the scope the sweep expects', async () => {
    const text = await readFile(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const documented = new Map<string, string>();
    for (const match of text.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE|ALL) ([^`]+)` \| ([^|]+) \|/gm)) {
      documented.set(`${match[1]} ${match[2]}`, (match[3] ?? '').trim());
    }
    const wanted = new Map(
      Object.entries(EXPECTED).map(([route, access]) => [
        route.replace(/:([a-z]+)(?:\{[^}]*\})?/gi, '{$1}'),
        access === 'metrics' ? 'admin or the metrics token' : access,
      ]),
    );
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(wanted));
  });
});

interface Outcome {
  status: number;
  code: string;
  /** OpenAI's error type (the `/v1` routes). */
  type: string;
  message: string;
  /** The `WWW-Authenticate` header, which RFC 9110 requires on every 401. */
  challenge: string;
}

/**
 * A refusal's body: the API's `UNAUTHORIZED` / `FORBIDDEN` error, or on the OpenAI-compatible
 * routes OpenAI's `authentication_error` / `permission_error`; always with a message, and a 401
 * always with its Bearer challenge.
 */
function refusedInItsShape(path: string, outcome: Outcome): boolean {
  const unauthorized = outcome.status === 401;
  const wanted = path.startsWith('/v1/')
    ? { field: outcome.type, value: unauthorized ? 'authentication_error' : 'permission_error' }
    : { field: outcome.code, value: unauthorized ? 'UNAUTHORIZED' : 'FORBIDDEN' };
  const challenged = !unauthorized || outcome.challenge.startsWith('Bearer');
  return wanted.field === wanted.value && outcome.message !== '' && challenged;
}

async function send(
  t: TestApp,
  request: { method: string; path: string },
  headers: Record<string, string>,
): Promise<Outcome> {
  const abort = new AbortController();
  const hasBody = request.method !== 'GET';
  const response = await t.app.request(request.path, {
    method: request.method,
    headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: '{}' } : {}),
    signal: abort.signal,
  });
  let code = '';
  let type = '';
  let message = '';
  if (/json/.test(response.headers.get('content-type') ?? '')) {
    const body = (await response.json()) as { error?: { code?: string; type?: string; message?: string } };
    code = String(body.error?.code ?? '');
    type = String(body.error?.type ?? '');
    message = String(body.error?.message ?? '');
  } else {
    // Streams (SSE) stay open: the status is all the sweep needs.
    abort.abort();
    await response.body?.cancel().catch(() => undefined);
  }
  return {
    status: response.status,
    code,
    type,
    message,
    challenge: response.headers.get('www-authenticate') ?? '',
  };
}
