/** In-memory Qdrant collections: vectors, payload filters, scoring and fusion. */

export class QdrantError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
const wrong = (message: string) => new QdrantError(400, `Wrong input: ${message}`);

export type PointId = number | string;
type Distance = 'Cosine' | 'Dot' | 'Euclid' | 'Manhattan';
export interface SparseVector {
  indices: number[];
  values: number[];
}
export interface Point {
  id: PointId;
  version: number;
  dense: Map<string, number[]>;
  sparse: Map<string, SparseVector>;
  payload: Record<string, unknown>;
}
export interface Collection {
  name: string;
  /** Named dense vectors; the unnamed default vector is stored under ''. */
  vectors: Map<string, { size: number; distance: Distance }>;
  sparse: Map<string, { modifier?: string }>;
  points: Map<string, Point>;
  config: Record<string, unknown>;
}
export interface Scored {
  point: Point;
  score: number;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DISTANCES = ['Cosine', 'Dot', 'Euclid', 'Manhattan'];

export function validateName(name: string, what = 'collection name'): void {
  if (name.length < 1 || name.length > 255)
    throw new QdrantError(
      400,
      `Validation error in path parameters: [name: length must be between 1 and 255]`,
    );
  const bad = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\0', '\u001f'].find((ch) => name.includes(ch));
  if (bad !== undefined)
    throw new QdrantError(
      400,
      `Validation error in path parameters: [name: ${what} cannot contain "${bad}" char]`,
    );
}

export function pointKey(id: unknown): string {
  if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return `n:${id}`;
  if (typeof id === 'string' && UUID.test(id)) return `u:${id.replaceAll('-', '').toLowerCase()}`;
  throw new QdrantError(
    400,
    `Format error in JSON body: value ${JSON.stringify(id)} is not a valid point ID, valid values are either an unsigned integer or a UUID`,
  );
}

export function createCollection(name: string, body: Record<string, unknown>): Collection {
  const vectors = new Map<string, { size: number; distance: Distance }>();
  const checkParams = (vectorName: string, params: unknown) => {
    const p = params as { size?: unknown; distance?: unknown };
    if (typeof p?.size !== 'number' || !Number.isInteger(p.size) || p.size < 1)
      throw wrong(`vector size must be a positive integer (vector "${vectorName}")`);
    if (typeof p.distance !== 'string' || !DISTANCES.includes(p.distance))
      throw wrong(`unknown distance ${JSON.stringify(p.distance)}`);
    vectors.set(vectorName, { size: p.size, distance: p.distance as Distance });
  };
  const config = body.vectors as Record<string, unknown> | undefined;
  if (config && 'size' in config) checkParams('', config);
  else
    for (const [vectorName, params] of Object.entries(config ?? {})) {
      validateName(vectorName, 'vector name');
      checkParams(vectorName, params);
    }
  const sparse = new Map<string, { modifier?: string }>();
  for (const [vectorName, params] of Object.entries(
    (body.sparse_vectors ?? {}) as Record<string, { modifier?: string }>,
  )) {
    validateName(vectorName, 'vector name');
    sparse.set(vectorName, params ?? {});
  }
  return {
    name,
    vectors,
    sparse,
    points: new Map(),
    config: {
      vectors: body.vectors ?? {},
      ...(body.sparse_vectors ? { sparse_vectors: body.sparse_vectors } : {}),
    },
  };
}

const normalize = (v: number[]) => {
  const norm = Math.sqrt(v.reduce((n, x) => n + x * x, 0)) || 1;
  return v.map((x) => x / norm);
};

function checkSparse(name: string, value: unknown): SparseVector {
  const v = value as Partial<SparseVector>;
  if (!Array.isArray(v.indices) || !Array.isArray(v.values) || v.indices.length !== v.values.length)
    throw wrong(`sparse vector "${name}" must have indices and values of equal length`);
  return { indices: v.indices, values: v.values };
}

function checkDense(collection: Collection, name: string, value: unknown): number[] {
  const params = collection.vectors.get(name);
  if (!params) throw wrong(`Not existing vector name error: ${name}`);
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'number'))
    throw wrong(`vector "${name}" must be a list of numbers`);
  if (value.length !== params.size)
    throw wrong(`Vector dimension error: expected dim: ${params.size}, got ${value.length}`);
  return params.distance === 'Cosine' ? normalize(value) : value;
}

export function upsert(collection: Collection, points: unknown, version: number): void {
  if (!Array.isArray(points)) throw new QdrantError(400, 'Format error in JSON body: missing field `points`');
  const prepared = points.map((raw: Record<string, unknown>) => {
    const key = pointKey(raw.id);
    const point: Point = {
      id: raw.id as PointId,
      version,
      dense: new Map(),
      sparse: new Map(),
      payload: (raw.payload ?? {}) as Record<string, unknown>,
    };
    const vector = raw.vector;
    if (Array.isArray(vector)) point.dense.set('', checkDense(collection, '', vector));
    else
      for (const [name, value] of Object.entries((vector ?? {}) as Record<string, unknown>)) {
        if (collection.sparse.has(name)) point.sparse.set(name, checkSparse(name, value));
        else point.dense.set(name, checkDense(collection, name, value));
      }
    return [key, point] as const;
  });
  for (const [key, point] of prepared) collection.points.set(key, point);
}

function payloadValues(payload: Record<string, unknown>, key: string): unknown[] {
  let values: unknown[] = [payload];
  for (const part of key.split('.'))
    values = values.flatMap((v) =>
      v && typeof v === 'object' && part in v ? [(v as Record<string, unknown>)[part]] : [],
    );
  return values.flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]));
}

function matches(point: Point, condition: Record<string, unknown>): boolean {
  if ('must' in condition || 'should' in condition || 'must_not' in condition)
    return passes(point, condition);
  if (Array.isArray(condition.has_id))
    return condition.has_id.some((id) => pointKey(id) === pointKey(point.id));
  const match = condition.match as { value?: unknown; any?: unknown[]; except?: unknown[] } | undefined;
  if (typeof condition.key !== 'string' || !match)
    throw wrong(
      `unsupported filter condition ${JSON.stringify(condition)} (the simulator knows match.value, match.any, match.except and has_id)`,
    );
  const values = payloadValues(point.payload, condition.key);
  if ('value' in match) return values.some((v) => v === match.value);
  if (Array.isArray(match.any)) return values.some((v) => match.any?.includes(v));
  if (Array.isArray(match.except)) return values.every((v) => !match.except?.includes(v));
  throw wrong(`unsupported match ${JSON.stringify(match)}`);
}

export function passes(point: Point, filter: unknown): boolean {
  if (!filter) return true;
  const f = filter as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) ? x : x ? [x] : []) as Record<string, unknown>[];
  if (!list(f.must).every((c) => matches(point, c))) return false;
  const should = list(f.should);
  if (should.length > 0 && !should.some((c) => matches(point, c))) return false;
  return !list(f.must_not).some((c) => matches(point, c));
}

/** Scores all filtered points against a dense or sparse query, best first. */
export function nearest(
  collection: Collection,
  query: unknown,
  using: string | undefined,
  candidates: Point[],
): Scored[] {
  const name = using ?? '';
  if (query && typeof query === 'object' && !Array.isArray(query)) {
    const sparseQuery = checkSparse(name, query);
    if (!collection.sparse.has(name)) throw wrong(`Not existing vector name error: ${name}`);
    const idf = collection.sparse.get(name)?.modifier === 'idf';
    const holders = candidates.filter((p) => p.sparse.has(name));
    const df = (index: number) => holders.filter((p) => p.sparse.get(name)?.indices.includes(index)).length;
    const weights = sparseQuery.indices.map((index, i) => {
      const n = df(index);
      return (sparseQuery.values[i] ?? 0) * (idf ? Math.log((holders.length - n + 0.5) / (n + 0.5) + 1) : 1);
    });
    return holders
      .map((point) => {
        const v = point.sparse.get(name) as SparseVector;
        let score = 0;
        let overlap = false;
        sparseQuery.indices.forEach((index, i) => {
          const at = v.indices.indexOf(index);
          if (at >= 0) {
            overlap = true;
            score += (weights[i] ?? 0) * (v.values[at] ?? 0);
          }
        });
        return overlap ? { point, score } : undefined;
      })
      .filter((s): s is Scored => s !== undefined)
      .sort((a, b) => b.score - a.score);
  }
  const vector = checkDense(collection, name, query);
  const distance = collection.vectors.get(name)?.distance ?? 'Cosine';
  const score = (v: number[]) => {
    if (distance === 'Euclid') return Math.sqrt(v.reduce((s, x, i) => s + (x - (vector[i] ?? 0)) ** 2, 0));
    if (distance === 'Manhattan') return v.reduce((s, x, i) => s + Math.abs(x - (vector[i] ?? 0)), 0);
    return v.reduce((s, x, i) => s + x * (vector[i] ?? 0), 0);
  };
  const ascending = distance === 'Euclid' || distance === 'Manhattan';
  return candidates
    .filter((p) => p.dense.has(name))
    .map((point) => ({ point, score: score(point.dense.get(name) as number[]) }))
    .sort((a, b) => (ascending ? a.score - b.score : b.score - a.score));
}

/** Reciprocal rank fusion as Qdrant computes it: sum of 1 / (position + k), position from 0, k = 2. */
export function rrf(lists: Scored[][], k = 2): Scored[] {
  const fused = new Map<Point, number>();
  for (const list of lists)
    list.forEach(({ point }, position) => fused.set(point, (fused.get(point) ?? 0) + 1 / (position + k)));
  return [...fused.entries()].map(([point, score]) => ({ point, score })).sort((a, b) => b.score - a.score);
}

/** Distribution-based score fusion: each list normalised by mean ± 3σ into [0, 1], then summed. */
export function dbsf(lists: Scored[][]): Scored[] {
  const fused = new Map<Point, number>();
  for (const list of lists) {
    const scores = list.map((s) => s.score);
    const mean = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, scores.length));
    const [lo, hi] = [mean - 3 * sd, mean + 3 * sd];
    for (const { point, score } of list)
      fused.set(
        point,
        (fused.get(point) ?? 0) + (hi === lo ? 0.5 : Math.min(1, Math.max(0, (score - lo) / (hi - lo)))),
      );
  }
  return [...fused.entries()].map(([point, score]) => ({ point, score })).sort((a, b) => b.score - a.score);
}
