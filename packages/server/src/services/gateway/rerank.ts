import * as v from 'valibot';
import { formatIssues } from '@spark-control/schema';
import { readText } from '../../adapters/upstream/client.js';
import { DomainError } from '../domain-error.js';
import type { GatewayService } from './gateway-service.js';

/** Jina/Cohere-style rerank body, as vLLM serves it (vllm-openai.md "Pooling models"). */
export const RerankBodySchema = v.object({
  model: v.optional(v.string()),
  query: v.pipe(v.string('must be text'), v.nonEmpty('must not be empty')),
  documents: v.pipe(
    v.array(v.union([v.string(), v.object({ text: v.string() })], 'must be text or {"text": …}')),
    v.minLength(1, 'must not be empty'),
    v.maxLength(1000, 'must be at most 1000 documents'),
  ),
  top_n: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  return_documents: v.optional(v.boolean(), true),
});

interface TeiRank {
  index: number;
  score: number;
}

/** `/v1/rerank` on TEI's `/rerank`: results sorted best first, `top_n: 0` meaning all. */
export async function rerank(gateway: GatewayService, raw: Buffer, signal?: AbortSignal) {
  let input: unknown;
  try {
    input = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError('BAD_REQUEST', 'body is not valid JSON', { openAiCode: 'invalid_json' });
  }
  const parsed = v.safeParse(RerankBodySchema, input);
  if (!parsed.success) {
    throw new DomainError('BAD_REQUEST', formatIssues(parsed.issues).join('; '), {
      openAiCode: 'invalid_request',
    });
  }
  const body = parsed.output;
  const texts = body.documents.map((document) => (typeof document === 'string' ? document : document.text));
  const ranks = await rankTexts(gateway, body.query, texts, signal);
  const limit = body.top_n && body.top_n > 0 ? body.top_n : ranks.length;
  return {
    id: `rerank-${Date.now().toString(36)}`,
    object: 'rerank',
    model: body.model ?? 'bge-m3',
    results: ranks.slice(0, limit).map((rank) => ({
      index: rank.index,
      relevance_score: rank.score,
      ...(body.return_documents ? { document: { text: texts[rank.index] ?? '' } } : {}),
    })),
  };
}

/** TEI's `/rerank`, sorted by score (highest first). */
export async function rankTexts(
  gateway: GatewayService,
  query: string,
  texts: string[],
  signal?: AbortSignal,
): Promise<TeiRank[]> {
  const payload = Buffer.from(JSON.stringify({ query, texts, raw_scores: false, return_text: false }));
  const response = await gateway.call('embeddings', {
    method: 'POST',
    path: '/rerank',
    headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
    body: payload,
    signal,
  });
  if (response.status >= 400) throw await gateway.upstreamError('embeddings', response);
  const ranks = JSON.parse(await readText(response.body)) as TeiRank[];
  return [...ranks].sort((a, b) => b.score - a.score);
}
