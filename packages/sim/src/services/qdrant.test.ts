import { afterEach, describe, expect, it } from 'vitest';
import type { RunningService } from './http.js';
import { startQdrant } from './qdrant.js';
import { captureLog, tempStateDir } from './testing.js';

let service: RunningService | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

async function launch() {
  const state = tempStateDir();
  cleanup = state.cleanup;
  service = await startQdrant({ stateDir: state.dir, port: 0, log: captureLog() });
  await service.ready;
  const base = `http://127.0.0.1:${service.port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { result?: unknown; status: unknown; time: number },
    };
  };
  return { base, call };
}

const HYBRID = {
  vectors: { dense: { size: 3, distance: 'Cosine' } },
  sparse_vectors: { sparse: { modifier: 'idf' } },
};
const UUID = '5c56c793-69f3-4fbf-87e6-c4bf54c28c26';
const POINTS = [
  {
    id: 1,
    vector: { dense: [1, 0, 0], sparse: { indices: [1, 2], values: [1, 1] } },
    payload: { doc: 'a.pdf', chunk: 0 },
  },
  {
    id: UUID,
    vector: { dense: [0.9, 0.1, 0], sparse: { indices: [3], values: [1] } },
    payload: { doc: 'b.pdf', chunk: 0 },
  },
  {
    id: 3,
    vector: { dense: [0, 1, 0], sparse: { indices: [2, 3], values: [1, 2] } },
    payload: { doc: 'a.pdf', chunk: 1 },
  },
];

describe('qdrant', () => {
  it('serves health routes and the collection lifecycle with the envelope', async () => {
    const { base, call } = await launch();
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('healthz check passed');
    expect(await (await fetch(`${base}/readyz`)).text()).toBe('all shards are ready');
    expect((await (await fetch(`${base}/`)).json()) as object).toMatchObject({
      title: 'qdrant - vector search engine',
    });
    expect(await call('PUT', '/collections/docs', HYBRID)).toMatchObject({
      status: 200,
      body: { result: true, status: 'ok' },
    });
    const again = await call('PUT', '/collections/docs', HYBRID);
    expect(again.status).toBe(409);
    expect(again.body.status).toEqual({ error: 'Wrong input: Collection `docs` already exists!' });
    expect((await call('GET', '/collections/docs/exists')).body.result).toEqual({ exists: true });
    expect((await call('GET', '/collections')).body.result).toEqual({ collections: [{ name: 'docs' }] });
    const info = await call('GET', '/collections/docs');
    expect(info.body.result).toMatchObject({
      status: 'green',
      points_count: 0,
      config: { params: { vectors: HYBRID.vectors, sparse_vectors: HYBRID.sparse_vectors } },
    });
    expect((await call('PUT', '/collections/bad:name', HYBRID)).status).toBe(400);
    expect((await call('DELETE', '/collections/docs')).body.result).toBe(true);
    expect((await call('DELETE', '/collections/docs')).body.result).toBe(false);
    const missing = await call('GET', '/collections/docs');
    expect(missing.status).toBe(404);
    expect(missing.body.status).toEqual({ error: "Not found: Collection `docs` doesn't exist!" });
  });

  it('validates upserts: ids, vector names and sizes', async () => {
    const { call } = await launch();
    await call('PUT', '/collections/docs', HYBRID);
    expect(
      (await call('PUT', '/collections/docs/points?wait=true', { points: POINTS })).body.result,
    ).toMatchObject({ status: 'completed', operation_id: expect.any(Number) as number });
    expect((await call('POST', '/collections/docs/points', { points: POINTS })).body.result).toMatchObject({
      status: 'acknowledged',
    });
    expect(
      (
        await call('PUT', '/collections/docs/points', {
          points: [{ id: 'not-a-uuid', vector: { dense: [1, 0, 0] } }],
        })
      ).status,
    ).toBe(400);
    const size = await call('PUT', '/collections/docs/points', {
      points: [{ id: 9, vector: { dense: [1, 0] } }],
    });
    expect(size.status).toBe(400);
    expect(size.body.status).toEqual({
      error: 'Wrong input: Vector dimension error: expected dim: 3, got 2',
    });
    expect(
      (await call('PUT', '/collections/docs/points', { points: [{ id: 9, vector: { other: [1, 0, 0] } }] }))
        .status,
    ).toBe(400);
    expect((await call('GET', '/collections/docs')).body.result).toMatchObject({ points_count: 3 });
    expect(
      (
        await call('POST', '/collections/docs/points/count', {
          filter: { must: [{ key: 'doc', match: { value: 'a.pdf' } }] },
        })
      ).body.result,
    ).toEqual({ count: 2 });
    await call('POST', '/collections/docs/points/delete?wait=true', {
      filter: { must: [{ key: 'doc', match: { value: 'a.pdf' } }] },
    });
    const left = (await call('POST', '/collections/docs/points/scroll', { limit: 10 })).body.result as {
      points: { id: unknown; payload: unknown }[];
      next_page_offset: unknown;
    };
    expect(left).toEqual({
      points: [{ id: UUID, version: expect.any(Number) as number, payload: { doc: 'b.pdf', chunk: 0 } }],
      next_page_offset: null,
    });
  });

  it('answers dense queries and hybrid prefetch + RRF with Qdrant scores and filters', async () => {
    const { call } = await launch();
    await call('PUT', '/collections/docs', HYBRID);
    await call('PUT', '/collections/docs/points?wait=true', { points: POINTS });
    const dense = (
      await call('POST', '/collections/docs/points/query', {
        query: [1, 0, 0],
        using: 'dense',
        limit: 2,
        with_payload: true,
      })
    ).body.result as { points: { id: unknown; score: number; payload: unknown }[] };
    expect(dense.points.map((p) => p.id)).toEqual([1, UUID]);
    expect(dense.points[0]?.score).toBeCloseTo(1, 6);
    expect(dense.points[0]?.payload).toEqual({ doc: 'a.pdf', chunk: 0 });
    const hybrid = (
      await call('POST', '/collections/docs/points/query', {
        prefetch: [
          { query: [1, 0, 0], using: 'dense', limit: 10 },
          { query: { indices: [2], values: [1] }, using: 'sparse', limit: 10 },
        ],
        query: { fusion: 'rrf' },
        limit: 10,
      })
    ).body.result as { points: { id: unknown; score: number; payload?: unknown }[] };
    // dense order: 1, UUID, 3; sparse (index 2): 1 and 3 tie on score, so 1 then 3 → 1 wins both lists.
    expect(hybrid.points[0]).toMatchObject({ id: 1, score: 1 / 2 + 1 / 2 });
    expect(hybrid.points[0]).not.toHaveProperty('payload');
    expect(hybrid.points.every((p) => p.score <= 1)).toBe(true);
    const filtered = (
      await call('POST', '/collections/docs/points/query', {
        prefetch: [{ query: [1, 0, 0], using: 'dense', limit: 10 }],
        query: { fusion: 'rrf' },
        filter: { must: [{ key: 'doc', match: { value: 'b.pdf' } }] },
        with_payload: true,
      })
    ).body.result as { points: { id: unknown; payload: { doc: string } }[] };
    expect(filtered.points.map((p) => p.payload.doc)).toEqual(['b.pdf']);
    expect(
      (await call('POST', '/collections/docs/points/query', { query: [1, 0, 0], using: 'nope' })).status,
    ).toBe(400);
    expect((await call('POST', '/collections/nothing/points/query', { query: [1, 0, 0] })).status).toBe(404);
  });
});
