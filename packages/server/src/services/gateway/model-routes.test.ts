import { Readable } from 'node:stream';
import { parseSettings, type Settings, type SettingsInput } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { UpstreamUnreachableError } from '../../adapters/upstream/errors.js';
import type { UpstreamRequest, UpstreamResponse } from '../../adapters/upstream/client.js';
import { PlacementDirectory } from '../placements/placement-directory.js';
import { ModelRoutes } from './model-routes.js';

const SPARKS = [
  { id: 'spark1', host: '127.0.0.2' },
  { id: 'spark2', host: '127.0.0.3' },
];
const TWO_PLACEMENTS = [
  { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'vllm_a' },
  { id: 'b', sparkIds: ['spark2'], port: 8002, container: 'vllm_b' },
];

function settingsOf(input: SettingsInput): Settings {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join('; '));
  return result.settings;
}

/** Placements `a` (127.0.0.2:8001) and `b` (127.0.0.3:8002) whose `/v1/models` the test sets. */
function routesOf(options: { served: Record<string, string[] | 'down'>; ttlMs?: number }) {
  const settings = { current: settingsOf({ sparks: SPARKS, placements: TWO_PLACEMENTS }) };
  const asked: string[] = [];
  let swapping = false;
  let clock = 0;
  const upstream = {
    request: (request: UpstreamRequest): Promise<UpstreamResponse> => {
      asked.push(`${request.method} ${request.origin}${request.path}`);
      const served = options.served[request.origin];
      if (served === undefined || served === 'down') {
        return Promise.reject(new UpstreamUnreachableError(request.origin, 'ECONNREFUSED'));
      }
      const body = JSON.stringify({
        object: 'list',
        data: served.map((id) => ({
          id,
          object: 'model',
          created: 1,
          owned_by: 'vllm',
          max_model_len: 4096,
        })),
      });
      return Promise.resolve({ status: 200, headers: {}, body: Readable.from([Buffer.from(body)]) });
    },
  };
  const routes = new ModelRoutes({
    settings,
    directory: new PlacementDirectory({ settings }),
    upstream,
    swaps: { isSwapping: () => swapping },
    ttlMs: options.ttlMs ?? 1000,
    now: () => clock,
  });
  return {
    routes,
    asked,
    settings,
    setSwapping: (value: boolean) => {
      swapping = value;
    },
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const A = 'http://127.0.0.2:8001';
const B = 'http://127.0.0.3:8002';

describe('ModelRoutes', () => {
  it('maps each served name to the placement whose head serves it, and lists every model with its placement', async () => {
    const { routes, asked } = routesOf({ served: { [A]: ['big'], [B]: ['small', 'small-lora'] } });
    expect(routes.configured()).toBe(true);
    expect(routes.lookup('big')).toBeUndefined();
    const snapshot = await routes.refresh();
    expect(asked.sort()).toEqual([`GET ${A}/v1/models`, `GET ${B}/v1/models`]);
    expect(routes.lookup('big')).toEqual({ placementId: 'a', origin: A });
    expect(routes.lookup('small')).toEqual({ placementId: 'b', origin: B });
    expect(routes.lookup('small-lora')?.placementId).toBe('b');
    expect(snapshot.models).toEqual([
      { id: 'big', object: 'model', created: 1, owned_by: 'vllm', max_model_len: 4096, placement: 'a' },
      { id: 'small', object: 'model', created: 1, owned_by: 'vllm', max_model_len: 4096, placement: 'b' },
      {
        id: 'small-lora',
        object: 'model',
        created: 1,
        owned_by: 'vllm',
        max_model_len: 4096,
        placement: 'b',
      },
    ]);
    expect(snapshot.allFailed).toBe(false);
  });

  it('answers from the cache without asking again until the entries are older than the TTL', async () => {
    const { routes, asked, advance } = routesOf({ served: { [A]: ['big'], [B]: ['small'] }, ttlMs: 1000 });
    await routes.refresh();
    asked.length = 0;
    for (let i = 0; i < 100; i += 1) expect(routes.lookup('big')?.placementId).toBe('a');
    expect(asked).toEqual([]);
    advance(1000);
    // Stale: still answered, and refreshed once in the background.
    expect(routes.lookup('big')?.placementId).toBe('a');
    expect(routes.lookup('small')?.placementId).toBe('b');
    expect(asked).toHaveLength(2);
  });

  it('joins a refresh already under way instead of asking twice', async () => {
    const { routes, asked } = routesOf({ served: { [A]: ['big'], [B]: ['small'] } });
    const [first, second] = await Promise.all([routes.refresh(), routes.refresh()]);
    expect(first).toBe(second);
    expect(asked).toHaveLength(2);
  });

  it('asks again after invalidate() and when a swap starts or ends anywhere', async () => {
    const served: Record<string, string[]> = { [A]: ['big'], [B]: ['small'] };
    const { routes, asked, setSwapping } = routesOf({ served });
    await routes.refresh();
    asked.length = 0;
    routes.invalidate();
    routes.lookup('big');
    expect(asked).toHaveLength(2);
    await routes.refresh();
    asked.length = 0;
    setSwapping(true);
    routes.lookup('big');
    expect(asked).toHaveLength(2);
    await routes.refresh();
    asked.length = 0;
    served[B] = ['other'];
    setSwapping(false);
    routes.lookup('small');
    await routes.refresh();
    expect(routes.lookup('small')).toBeUndefined();
    expect(routes.lookup('other')?.placementId).toBe('b');
  });

  it('keeps the models of the placements that answer; all failed only when none does', async () => {
    const { routes } = routesOf({ served: { [A]: ['big'], [B]: 'down' } });
    const snapshot = await routes.refresh();
    expect(routes.lookup('big')?.placementId).toBe('a');
    expect(snapshot.failures.map((failure) => failure.placementId)).toEqual(['b']);
    expect(snapshot.failures[0]?.error).toBeInstanceOf(UpstreamUnreachableError);
    expect(snapshot.allFailed).toBe(false);
    const none = routesOf({ served: { [A]: 'down', [B]: 'down' } });
    expect((await none.routes.refresh()).allFailed).toBe(true);
  });

  it('drops the cache when the placements change', async () => {
    const { routes, settings } = routesOf({ served: { [A]: ['big'], [B]: ['small'] } });
    await routes.refresh();
    settings.current = settingsOf({ sparks: SPARKS, placements: [TWO_PLACEMENTS[1]!] });
    expect(routes.lookup('big')).toBeUndefined();
    await routes.refresh();
    expect(routes.lookup('big')).toBeUndefined();
    expect(routes.lookup('small')?.placementId).toBe('b');
  });

  it('is not configured with the default layout', () => {
    const settings = { current: settingsOf({ sparks: SPARKS }) };
    const routes = new ModelRoutes({
      settings,
      directory: new PlacementDirectory({ settings }),
      upstream: { request: () => Promise.reject(new Error('not asked')) },
      swaps: { isSwapping: () => false },
    });
    expect(routes.configured()).toBe(false);
  });
});
