import { Hono, type Context } from 'hono';
import {
  consoleLog,
  faultMiddleware,
  jsonResponse,
  serveApp,
  type Env,
  type RunningService,
  type ServiceOptions,
} from './http.js';
import {
  createCollection,
  dbsf,
  nearest,
  passes,
  pointKey,
  QdrantError,
  rrf,
  upsert,
  validateName,
  type Collection,
  type Point,
  type Scored,
} from './qdrant-store.js';

export const QDRANT_VERSION = '1.15.4';

type QueryRequest = Record<string, unknown>;

function runQuery(collection: Collection, request: QueryRequest, inherited: unknown): Scored[] {
  const candidates = [...collection.points.values()].filter(
    (p) => passes(p, inherited) && passes(p, request.filter),
  );
  const scope = { must: [inherited, request.filter].filter(Boolean).map((f) => ({ must: [f] })) };
  const prefetch = (
    Array.isArray(request.prefetch) ? request.prefetch : request.prefetch ? [request.prefetch] : []
  ) as QueryRequest[];
  const lists = prefetch.map((p) =>
    runQuery(collection, p, scope).slice(0, typeof p.limit === 'number' ? p.limit : 10),
  );
  let query = request.query;
  if (query && typeof query === 'object' && 'nearest' in query) query = query.nearest;
  if (query && typeof query === 'object' && !Array.isArray(query) && ('fusion' in query || 'rrf' in query)) {
    if (lists.length === 0) throw new QdrantError(400, 'Wrong input: fusion queries need prefetches');
    const q = query as { fusion?: string; rrf?: { k?: number } };
    if (q.fusion === 'dbsf') return dbsf(lists);
    if (q.fusion === 'rrf' || q.rrf) return rrf(lists, q.rrf?.k ?? 2);
    throw new QdrantError(400, `Wrong input: unknown fusion ${JSON.stringify(q.fusion)}`);
  }
  if (query === undefined || query === null)
    return lists[0] ?? candidates.map((point) => ({ point, score: 0 }));
  const pool = lists.length > 0 ? [...new Set(lists.flat().map((s) => s.point))] : candidates;
  return nearest(collection, query, typeof request.using === 'string' ? request.using : undefined, pool);
}

function selectPayload(
  payload: Record<string, unknown>,
  selector: unknown,
): Record<string, unknown> | undefined {
  if (selector === true) return payload;
  if (!selector) return undefined;
  const pick = (keys: string[]) =>
    Object.fromEntries(Object.entries(payload).filter(([k]) => keys.includes(k)));
  if (Array.isArray(selector)) return pick(selector as string[]);
  const s = selector as { include?: string[]; exclude?: string[] };
  if (s.include) return pick(s.include);
  if (s.exclude) return Object.fromEntries(Object.entries(payload).filter(([k]) => !s.exclude?.includes(k)));
  return payload;
}

const pointOut = (point: Point, withPayload: unknown, score?: number) => ({
  id: point.id,
  version: point.version,
  ...(score !== undefined ? { score } : {}),
  ...(withPayload ? { payload: selectPayload(point.payload, withPayload) ?? {} } : {}),
});

export function qdrantApp(stateDir: string): Hono<Env> {
  const app = new Hono<Env>();
  const collections = new Map<string, Collection>();
  let operationId = 0;
  const started = (_c: Context<Env>) => performance.now();
  const ok = (c: Context<Env>, result: unknown, t0: number) =>
    c.json({ result, status: 'ok', time: (performance.now() - t0) / 1000 });
  const fail = (status: number, error: string) => jsonResponse(status, { status: { error }, time: 0.0 });
  const get = (name: string) => {
    const collection = collections.get(name);
    if (!collection) throw new QdrantError(404, `Not found: Collection \`${name}\` doesn't exist!`);
    return collection;
  };
  const json = async (c: Context<Env>) => {
    try {
      return await c.req.json<Record<string, unknown>>();
    } catch (error) {
      throw new QdrantError(400, `Format error in JSON body: ${(error as Error).message}`);
    }
  };

  app.use(
    faultMiddleware('qdrant', stateDir, (status) => fail(status, 'Service internal error: simulated fault')),
  );
  app.onError((error) => {
    if (error instanceof QdrantError) return fail(error.status, error.message);
    return fail(500, `Service internal error: ${error.message}`);
  });
  app.notFound(() => new Response(null, { status: 404 }));
  app.get('/', (c) =>
    c.json({ title: 'qdrant - vector search engine', version: QDRANT_VERSION, commit: 'simulated' }),
  );
  app.get('/healthz', (c) => c.text('healthz check passed'));
  app.get('/livez', (c) => c.text('healthz check passed'));
  app.get('/readyz', (c) => c.text('all shards are ready'));
  app.get('/collections', (c) =>
    ok(c, { collections: [...collections.keys()].map((name) => ({ name })) }, started(c)),
  );
  app.get('/collections/:name/exists', (c) =>
    ok(c, { exists: collections.has(c.req.param('name')) }, started(c)),
  );
  app.get('/collections/:name', (c) => {
    const t0 = started(c);
    const collection = get(c.req.param('name'));
    return ok(
      c,
      {
        status: 'green',
        optimizer_status: 'ok',
        indexed_vectors_count: 0,
        points_count: collection.points.size,
        segments_count: 1,
        config: {
          params: {
            ...collection.config,
            shard_number: 1,
            replication_factor: 1,
            write_consistency_factor: 1,
            on_disk_payload: true,
          },
        },
        payload_schema: {},
      },
      t0,
    );
  });
  app.put('/collections/:name', async (c) => {
    const t0 = started(c);
    const name = c.req.param('name');
    validateName(name);
    const body = await json(c);
    if (collections.has(name))
      throw new QdrantError(409, `Wrong input: Collection \`${name}\` already exists!`);
    collections.set(name, createCollection(name, body));
    return ok(c, true, t0);
  });
  app.delete('/collections/:name', (c) => ok(c, collections.delete(c.req.param('name')), started(c)));
  const upsertRoute = async (c: Context<Env>) => {
    const t0 = started(c);
    const collection = get(c.req.param('name') ?? '');
    const body = await json(c);
    operationId += 1;
    upsert(collection, body.points, operationId);
    return ok(
      c,
      { operation_id: operationId, status: c.req.query('wait') === 'true' ? 'completed' : 'acknowledged' },
      t0,
    );
  };
  app.put('/collections/:name/points', upsertRoute);
  app.post('/collections/:name/points', upsertRoute);
  app.post('/collections/:name/points/delete', async (c) => {
    const t0 = started(c);
    const collection = get(c.req.param('name'));
    const body = await json(c);
    if (Array.isArray(body.points)) {
      for (const id of body.points) collection.points.delete(pointKey(id));
    } else if (body.filter) {
      for (const [key, point] of collection.points)
        if (passes(point, body.filter)) collection.points.delete(key);
    } else {
      throw new QdrantError(400, 'Format error in JSON body: expected `points` or `filter`');
    }
    operationId += 1;
    return ok(
      c,
      { operation_id: operationId, status: c.req.query('wait') === 'true' ? 'completed' : 'acknowledged' },
      t0,
    );
  });
  app.post('/collections/:name/points/count', async (c) => {
    const t0 = started(c);
    const collection = get(c.req.param('name'));
    const body = await json(c).catch((): Record<string, unknown> => ({}));
    return ok(c, { count: [...collection.points.values()].filter((p) => passes(p, body.filter)).length }, t0);
  });
  app.post('/collections/:name/points/scroll', async (c) => {
    const t0 = started(c);
    const collection = get(c.req.param('name'));
    const body = await json(c).catch((): Record<string, unknown> => ({}));
    const limit = typeof body.limit === 'number' ? body.limit : 10;
    const all = [...collection.points.values()].filter((p) => passes(p, body.filter));
    const start =
      body.offset === undefined || body.offset === null
        ? 0
        : Math.max(
            0,
            all.findIndex((p) => pointKey(p.id) === pointKey(body.offset)),
          );
    const page = all.slice(start, start + limit);
    const next = all[start + limit];
    return ok(
      c,
      {
        points: page.map((p) => pointOut(p, body.with_payload ?? true)),
        next_page_offset: next ? next.id : null,
      },
      t0,
    );
  });
  app.post('/collections/:name/points/query', async (c) => {
    const t0 = started(c);
    const collection = get(c.req.param('name'));
    const body = await json(c);
    const limit = typeof body.limit === 'number' ? body.limit : 10;
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    let results = runQuery(collection, body, undefined);
    if (typeof body.score_threshold === 'number') {
      const threshold = body.score_threshold;
      results = results.filter((r) => r.score >= threshold);
    }
    return ok(
      c,
      {
        points: results
          .slice(offset, offset + limit)
          .map((r) => pointOut(r.point, body.with_payload, r.score)),
      },
      t0,
    );
  });
  return app;
}

/** Qdrant REST on port 6333, in memory. */
export function startQdrant(options: ServiceOptions): Promise<RunningService> {
  return serveApp(qdrantApp(options.stateDir), options, 6333, {
    onListening: (port) =>
      (options.log ?? consoleLog).info(
        `INFO actix_server::builder: starting service: "actix-web-service-${options.host ?? '127.0.0.1'}:${port}"`,
      ),
  });
}
