import { afterEach, describe, expect, it } from 'vitest';
import { writeFaults } from '../faults.js';
import { startEmbeddings } from './embeddings.js';
import type { RunningService } from './http.js';
import { captureLog, fetchErrorCode, postJson, tempStateDir } from './testing.js';
import { cosine } from './vectors.js';

let service: RunningService | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

async function launch(args: string[] = []) {
  const state = tempStateDir();
  cleanup = state.cleanup;
  service = await startEmbeddings({
    stateDir: state.dir,
    port: 0,
    loadDelayMs: 100,
    log: captureLog(),
    args,
  });
  return { base: `http://127.0.0.1:${service.port}`, stateDir: state.dir };
}

describe('TEI embeddings', () => {
  it('refuses connections while warming up, then reports info and health', async () => {
    const { base } = await launch();
    expect(await fetchErrorCode(`${base}/health`)).toBe('ECONNREFUSED');
    await service?.ready;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('');
    expect(await (await fetch(`${base}/info`)).json()).toMatchObject({
      model_id: 'BAAI/bge-m3',
      model_type: { embedding: { pooling: 'cls' } },
      max_input_length: 8192,
      max_client_batch_size: 32,
      auto_truncate: true,
    });
  });

  it('embeds deterministically: normalised 1024-d vectors, similar texts closer, sparse tf weights', async () => {
    const { base } = await launch();
    await service?.ready;
    const vectors = (await (
      await postJson(`${base}/embed`, {
        inputs: ['the red spark glows', 'the red spark shines', 'quarterly tax filing'],
      })
    ).json()) as number[][];
    expect(vectors).toHaveLength(3);
    expect(vectors[0]).toHaveLength(1024);
    expect(Math.hypot(...(vectors[0] ?? []))).toBeCloseTo(1, 6);
    expect(cosine(vectors[0] ?? [], vectors[1] ?? [])).toBeGreaterThan(
      cosine(vectors[0] ?? [], vectors[2] ?? []) + 0.3,
    );
    const again = (await (
      await postJson(`${base}/embed`, { inputs: 'the red spark glows' })
    ).json()) as number[][];
    expect(again[0]).toEqual(vectors[0]);
    const sparse = (await (
      await postJson(`${base}/embed_sparse`, { inputs: ['spark spark glow'] })
    ).json()) as { index: number; value: number }[][];
    expect(sparse[0]).toHaveLength(2);
    expect(sparse[0]?.map((s) => s.value).sort()).toEqual([1, 2]);
    const openai = (await (
      await postJson(`${base}/v1/embeddings`, { input: ['a b', 'c'], model: 'x' })
    ).json()) as Record<string, unknown>;
    expect(openai).toMatchObject({
      object: 'list',
      model: 'BAAI/bge-m3',
      usage: { prompt_tokens: 7, total_tokens: 7 },
    });
    expect((openai.data as { index: number; object: string }[]).map((d) => [d.index, d.object])).toEqual([
      [0, 'embedding'],
      [1, 'embedding'],
    ]);
  });

  it('reranks best first and enforces the limits with TEI error shapes', async () => {
    const { base, stateDir } = await launch(['--max-client-batch-size', '4']);
    await service?.ready;
    const ranked = (await (
      await postJson(`${base}/rerank`, {
        query: 'red spark',
        texts: ['tax forms', 'a red spark', 'spark'],
        return_text: true,
      })
    ).json()) as { index: number; score: number; text: string }[];
    expect(ranked[0]).toMatchObject({ index: 1, text: 'a red spark' });
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    const empty = await postJson(`${base}/embed`, { inputs: [] });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error_type: 'Empty' });
    const big = await postJson(`${base}/embed`, { inputs: ['a', 'b', 'c', 'd', 'e'] });
    expect(big.status).toBe(422);
    expect(await big.json()).toMatchObject({ error_type: 'Validation' });
    const long = await postJson(`${base}/embed`, { inputs: 'word '.repeat(9000), truncate: false });
    expect(long.status).toBe(422);
    expect((await postJson(`${base}/embed`, { inputs: 'word '.repeat(9000) })).status).toBe(200);
    const openaiError = await postJson(`${base}/v1/embeddings`, { input: [] });
    expect(await openaiError.json()).toEqual({ message: 'Batch is empty', code: 400, type: 'Empty' });
    writeFaults(stateDir, {
      http: { embeddings: { mode: 'status', status: 429, retryAfterSec: 2, count: 1 } },
    });
    const overloaded = await postJson(`${base}/embed`, { inputs: 'x' });
    expect(overloaded.status).toBe(429);
    expect(overloaded.headers.get('retry-after')).toBe('2');
  });

  it('requires the API key when one is set, except on /health', async () => {
    const { base } = await launch(['--api-key', 'k1']);
    await service?.ready;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const denied = await fetch(`${base}/info`);
    expect(denied.status).toBe(401);
    expect(await denied.text()).toBe('');
    expect((await fetch(`${base}/info`, { headers: { authorization: 'Bearer k1' } })).status).toBe(200);
  });
});
