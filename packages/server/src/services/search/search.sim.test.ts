import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';
import { pointId, type SearchHit } from './search-service.js';

describe('hybrid search against the simulated TEI and Qdrant', () => {
  let sim: SimFixture;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;

  const post = (path: string, body: unknown) =>
    fetch(`${g.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const qdrant = (path: string) => fetch(`http://${sim.cluster.sparks[1]!.host}:6333${path}`);

  beforeAll(async () => {
    fixture = await startSimGateway({ sim: { services: true, loadDelayMs: 200 } });
    ({ sim, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  const documents = [
    { id: 'fruit-1', text: 'red apple pie with cinnamon', payload: { kind: 'recipe' } },
    { id: 'car-1', text: 'the blue car needs new tyres', payload: { kind: 'note' } },
    { id: 7, text: 'green pear and apple salad', payload: { kind: 'recipe' } },
    { id: 'train', text: 'the night train to Vienna leaves at ten', payload: { kind: 'note' } },
  ];

  it('creates the collection with dense and sparse vectors and upserts documents', async () => {
    const response = await post('/api/search/index', { collection: 'notes', documents });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ collection: 'notes', upserted: 4, created: true });
    const info = (await (await qdrant('/collections/notes')).json()) as {
      result: { points_count: number; config: { params: { vectors: unknown; sparse_vectors: unknown } } };
    };
    expect(info.result.points_count).toBe(4);
    expect(info.result.config.params.vectors).toMatchObject({ dense: { size: 1024, distance: 'Cosine' } });
    expect(info.result.config.params.sparse_vectors).toMatchObject({ sparse: { modifier: 'idf' } });
    // Indexing again keeps the collection and replaces the points (stable ids).
    const again = await post('/api/search/index', { collection: 'notes', documents: documents.slice(0, 1) });
    expect(await again.json()).toEqual({ collection: 'notes', upserted: 1, created: false });
    expect(pointId('fruit-1')).toBe(pointId('fruit-1'));
  });

  it('finds documents by fused dense and sparse similarity, optionally reranked', async () => {
    const fused = (await (
      await post('/api/search', { collection: 'notes', query: 'apple pie', limit: 2 })
    ).json()) as {
      results: SearchHit[];
    };
    expect(fused.results).toHaveLength(2);
    expect(fused.results[0]?.id).toBe('fruit-1');
    expect(fused.results[0]?.text).toBe('red apple pie with cinnamon');
    expect(fused.results[0]?.rerankScore).toBeNull();
    expect(fused.results[0]!.fusionScore).toBeLessThanOrEqual(1);

    const reranked = (await (
      await post('/api/search', { collection: 'notes', query: 'night train Vienna', rerank: true, limit: 3 })
    ).json()) as { results: SearchHit[] };
    expect(reranked.results[0]?.id).toBe('train');
    expect(reranked.results[0]?.rerankScore).toBeGreaterThan(reranked.results[1]?.rerankScore ?? 1);

    const filtered = (await (
      await post('/api/search', {
        collection: 'notes',
        query: 'apple',
        filter: { must: [{ key: 'kind', match: { value: 'note' } }] },
      })
    ).json()) as { results: SearchHit[] };
    expect(filtered.results.every((hit) => hit.payload.kind === 'note')).toBe(true);
  });

  it('validates collection names (no path injection) and reports a missing collection', async () => {
    for (const collection of ['../collections', 'a/b', 'x?wait=false', '', 'é', 'a'.repeat(65)]) {
      const response = await post('/api/search', { collection, query: 'x' });
      expect(response.status, collection).toBe(400);
    }
    const missing = await post('/api/search', { collection: 'nothing', query: 'x' });
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toMatch(/nothing/);
    const wrongType = await fetch(`${g.base}/api/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
  });
});
