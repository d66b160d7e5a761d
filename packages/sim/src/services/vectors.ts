/**
 * Deterministic bge-m3 stand-ins. Dense: the normalised sum of per-token pseudo-random vectors, so texts
 * sharing words get similar vectors. Sparse: hashed token ids with term-frequency weights.
 */
import { fnv1a } from './reply.js';

export const DENSE_DIM = 1024;
/** bge-m3's vocabulary size, the range of sparse indices. */
export const SPARSE_VOCAB = 250_002;

export const textTokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const tokenVectors = new Map<string, Float64Array>();

function tokenVector(token: string): Float64Array {
  const cached = tokenVectors.get(token);
  if (cached) return cached;
  let state = fnv1a(token) || 1;
  const vector = new Float64Array(DENSE_DIM);
  for (let i = 0; i < DENSE_DIM; i += 1) {
    // xorshift32: cheap, deterministic, roughly uniform in [-1, 1)
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    vector[i] = (state >>> 0) / 2 ** 31 - 1;
  }
  if (tokenVectors.size > 50_000) tokenVectors.clear();
  tokenVectors.set(token, vector);
  return vector;
}

export function denseVector(tokens: string[], normalize = true, dimensions = DENSE_DIM): number[] {
  const sum = new Float64Array(DENSE_DIM);
  for (const token of tokens.length > 0 ? tokens : ['']) {
    const v = tokenVector(token);
    for (let i = 0; i < DENSE_DIM; i += 1) sum[i] = (sum[i] ?? 0) + (v[i] ?? 0);
  }
  const out = Array.from(sum.subarray(0, dimensions));
  if (!normalize) return out;
  const norm = Math.sqrt(out.reduce((n, x) => n + x * x, 0)) || 1;
  return out.map((x) => x / norm);
}

export function sparseVector(tokens: string[]): { index: number; value: number }[] {
  const weights = new Map<number, number>();
  for (const token of tokens) {
    const index = fnv1a(token) % SPARSE_VOCAB;
    weights.set(index, (weights.get(index) ?? 0) + 1);
  }
  return [...weights.entries()].sort(([a], [b]) => a - b).map(([index, value]) => ({ index, value }));
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
