import { CatalogDeleteQuerySchema, formatIssues, ModelDefSchema } from '@spark-control/schema';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';
import { CatalogProblem, type CatalogService } from '../services/catalog/catalog-service.js';

const IdSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'id: must be a catalog id')),
});

const CODES = {
  invalid: 'VALIDATION_FAILED',
  conflict: 'CONFLICT',
  missing: 'NOT_FOUND',
  unreachable: 'UPSTREAM_FAILED',
} as const;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CatalogProblem) throw new ApiError(CODES[error.kind], error.message);
    throw error;
  }
}

export function catalogRoutes(catalog: CatalogService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', (c) => c.json(catalog.list()))
    .post('/', jsonBody(ModelDefSchema), async (c) => {
      const model = c.req.valid('json');
      await guarded(() => catalog.add(model));
      return c.json({ model }, 201);
    })
    .put('/:id', params(IdSchema), jsonBody(ModelDefSchema), async (c) => {
      const model = c.req.valid('json');
      await guarded(() => catalog.update(c.req.valid('param').id, model));
      return c.json({ model });
    })
    .delete(
      '/:id',
      params(IdSchema),
      validator('query', (value) => {
        const result = v.safeParse(CatalogDeleteQuerySchema, value);
        if (!result.success) throw new ApiError('VALIDATION_FAILED', formatIssues(result.issues).join('; '));
        return result.output;
      }),
      async (c) => {
        const { deleteFiles, confirm } = c.req.valid('query');
        await guarded(() =>
          catalog.remove(c.req.valid('param').id, { deleteFiles: deleteFiles === 'true', confirm }),
        );
        return c.body(null, 204);
      },
    );
}
