import { Hono } from 'hono';
import { IndexBodySchema, SearchBodySchema } from '@spark-control/schema';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody } from '../http/validate.js';
import type { GatewayStats } from '../services/gateway/stats.js';
import type { SearchService } from '../services/search/search-service.js';
import { gatewayTiming } from './gateway.js';

/** Hybrid search (scope `gateway`), mounted at `/api/search`; failures leave in the house shape. */
export function searchRoutes(deps: { search: SearchService; stats?: GatewayStats | undefined }) {
  return new Hono<AppEnv>()
    .use(gatewayTiming(deps.stats))
    .use(requireScope('gateway'))
    .post('/', jsonBody(SearchBodySchema), async (c) => {
      const { collection, ...query } = c.req.valid('json');
      return c.json(await deps.search.search(collection, query, c.req.raw.signal));
    })
    .post('/index', jsonBody(IndexBodySchema), async (c) => {
      const { collection, documents } = c.req.valid('json');
      return c.json(await deps.search.index(collection, documents, c.req.raw.signal));
    });
}
