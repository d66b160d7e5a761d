import { COLLECTION_NAME } from '@spark-control/schema';
import { createHash } from 'node:crypto';
import { readText } from '../../adapters/upstream/client.js';
import { DomainError } from '../domain-error.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import { rankTexts } from '../gateway/rerank.js';
import type { UpstreamKind } from '../gateway/upstreams.js';

/** TEI's default `max_client_batch_size`. */
const EMBED_BATCH = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SearchDocument {
  id?: string | number | undefined;
  text: string;
  payload?: Record<string, unknown> | undefined;
}

export interface SearchQuery {
  query: string;
  limit?: number | undefined;
  /** Qdrant filter (`must`/`should`/`must_not`), passed as is. */
  filter?: Record<string, unknown> | undefined;
  /** Rerank the fused candidates with the reranker and return them in its order. */
  rerank?: boolean | undefined;
}

export interface SearchHit {
  id: string | number;
  score: number;
  fusionScore: number;
  rerankScore: number | null;
  text: string | null;
  payload: Record<string, unknown>;
}

interface SparseVector {
  indices: number[];
  values: number[];
}

/**
 * Hybrid search on the Sparks: bge-m3 dense and sparse vectors from the embeddings service,
 * Qdrant prefetch on both fused by RRF, then an optional rerank of the fused candidates.
 */
export class SearchService {
  constructor(private readonly deps: { gateway: GatewayService }) {}

  async index(collection: string, documents: readonly SearchDocument[], signal?: AbortSignal) {
    checkCollection(collection);
    const texts = documents.map((document) => document.text);
    const { dense, sparse } = await this.#embed(texts, signal);
    const size = dense[0]?.length;
    if (size === undefined) return { collection, upserted: 0, created: false };
    const created = await this.#ensureCollection(collection, size, signal);
    const points = documents.map((document, index) => ({
      id: pointId(document.id),
      vector: { dense: dense[index], sparse: sparse[index] },
      payload: {
        ...document.payload,
        text: document.text,
        ...(document.id !== undefined ? { doc_id: document.id } : {}),
      },
    }));
    await this.#qdrant('PUT', `/collections/${collection}/points?wait=true`, { points }, signal);
    return { collection, upserted: points.length, created };
  }

  async search(
    collection: string,
    query: SearchQuery,
    signal?: AbortSignal,
  ): Promise<{ results: SearchHit[] }> {
    checkCollection(collection);
    const limit = query.limit ?? 10;
    const { dense, sparse } = await this.#embed([query.query], signal);
    const candidates = query.rerank ? Math.max(limit * 4, 20) : limit;
    const prefetchLimit = Math.max(40, candidates * 2);
    const body = {
      prefetch: [
        {
          query: dense[0],
          using: 'dense',
          limit: prefetchLimit,
          ...(query.filter ? { filter: query.filter } : {}),
        },
        {
          query: sparse[0],
          using: 'sparse',
          limit: prefetchLimit,
          ...(query.filter ? { filter: query.filter } : {}),
        },
      ],
      query: { fusion: 'rrf' },
      limit: candidates,
      with_payload: true,
      ...(query.filter ? { filter: query.filter } : {}),
    };
    const result = (await this.#qdrant('POST', `/collections/${collection}/points/query`, body, signal)) as {
      points?: { id: string | number; score: number; payload?: Record<string, unknown> }[];
    };
    let hits: SearchHit[] = (result.points ?? []).map((point) => ({
      id: (point.payload?.doc_id as string | number | undefined) ?? point.id,
      score: point.score,
      fusionScore: point.score,
      rerankScore: null,
      text: typeof point.payload?.text === 'string' ? point.payload.text : null,
      payload: point.payload ?? {},
    }));
    if (query.rerank && hits.length > 0) {
      const ranks = await rankTexts(
        this.deps.gateway,
        query.query,
        hits.map((hit) => hit.text ?? ''),
        signal,
      );
      hits = ranks.flatMap((rank) => {
        const hit = hits[rank.index];
        return hit ? [{ ...hit, score: rank.score, rerankScore: rank.score }] : [];
      });
    }
    return { results: hits.slice(0, limit) };
  }

  async #embed(
    texts: string[],
    signal?: AbortSignal,
  ): Promise<{ dense: number[][]; sparse: SparseVector[] }> {
    const dense: number[][] = [];
    const sparse: SparseVector[] = [];
    for (let from = 0; from < texts.length; from += EMBED_BATCH) {
      const inputs = texts.slice(from, from + EMBED_BATCH);
      const [denseBatch, sparseBatch] = await Promise.all([
        this.#json('embeddings', 'POST', '/embed', { inputs, normalize: true }, signal) as Promise<
          number[][]
        >,
        this.#json('embeddings', 'POST', '/embed_sparse', { inputs }, signal) as Promise<
          { index: number; value: number }[][]
        >,
      ]);
      dense.push(...denseBatch);
      sparse.push(
        ...sparseBatch.map((entries) => ({
          indices: entries.map((entry) => entry.index),
          values: entries.map((entry) => entry.value),
        })),
      );
    }
    return { dense, sparse };
  }

  /** Creates the collection with named dense and sparse vectors when missing; true when it did. */
  async #ensureCollection(collection: string, size: number, signal?: AbortSignal): Promise<boolean> {
    const exists = (await this.#qdrant('GET', `/collections/${collection}/exists`, undefined, signal)) as {
      exists?: boolean;
    };
    if (exists.exists) return false;
    try {
      await this.#qdrant(
        'PUT',
        `/collections/${collection}`,
        { vectors: { dense: { size, distance: 'Cosine' } }, sparse_vectors: { sparse: { modifier: 'idf' } } },
        signal,
      );
      return true;
    } catch (error) {
      // Created by a concurrent index call meanwhile.
      if (error instanceof DomainError && error.status === 409) return false;
      throw error;
    }
  }

  async #qdrant(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const envelope = (await this.#json('qdrant', method, path, body, signal)) as { result?: unknown };
    return envelope.result;
  }

  async #json(
    kind: UpstreamKind,
    method: string,
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const response = await this.deps.gateway.call(kind, {
      method,
      path,
      headers: bytes ? { 'content-type': 'application/json', 'content-length': String(bytes.length) } : {},
      body: bytes,
      signal,
    });
    if (response.status >= 400) throw await this.deps.gateway.upstreamError(kind, response);
    const text = await readText(response.body, 256 * 1024 * 1024);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new DomainError('UPSTREAM_FAILED', `${kind} answered with malformed JSON`, {
        openAiCode: 'upstream_malformed',
      });
    }
  }
}

export function checkCollection(name: string): void {
  if (!COLLECTION_NAME.test(name)) {
    throw new DomainError(
      'BAD_REQUEST',
      'collection: must be 1–64 letters, digits, _ or -, starting with a letter or digit',
      { openAiCode: 'invalid_collection', param: 'collection' },
    );
  }
}

/** Qdrant takes unsigned integers and UUIDs; any other id maps to a stable UUID derived from it. */
export function pointId(id: string | number | undefined): string | number {
  if (id === undefined) return crypto.randomUUID();
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id;
  if (typeof id === 'string' && UUID.test(id)) return id.toLowerCase();
  const hex = createHash('sha256').update(String(id)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
