import { CatalogDeleteQuerySchema, ModelDefSchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params, query } from '../http/validate.js';
import type { CatalogService } from '../services/catalog/catalog-service.js';

const IdSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'id: must be a catalog id')),
});

export function catalogRoutes(catalog: CatalogService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', (c) => c.json(catalog.list()))
    .post('/', jsonBody(ModelDefSchema), async (c) => {
      const model = c.req.valid('json');
      await catalog.add(model);
      return c.json({ model }, 201);
    })
    .put('/:id', params(IdSchema), jsonBody(ModelDefSchema), async (c) => {
      const model = c.req.valid('json');
      await catalog.update(c.req.valid('param').id, model);
      return c.json({ model });
    })
    .delete('/:id', params(IdSchema), query(CatalogDeleteQuerySchema), async (c) => {
      const { deleteFiles, confirm } = c.req.valid('query');
      await catalog.remove(c.req.valid('param').id, { deleteFiles: deleteFiles === 'true', confirm });
      return c.body(null, 204);
    });
}
