import { CreateLeaseBodySchema, type LeaseView } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';
import { LeaseProblem, type LeaseService } from '../services/leases/lease-service.js';

const LeaseIdSchema = v.object({ id: v.pipe(v.string(), v.uuid('id: must be a lease id')) });

/** 409 `LEASED`, naming the first lease in the way: its holder, its model and its end. */
export function leasedError(message: string, leases: readonly LeaseView[]): ApiError {
  const first = leases[0];
  return new ApiError('LEASED', message, {
    details: first
      ? {
          leaseId: first.id,
          leasedModelId: first.modelId,
          heldBy: first.note || first.createdBy,
          until: first.until,
        }
      : {},
  });
}

export function leaseRoutes(leases: LeaseService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', (c) => c.json({ leases: leases.active() }))
    .post('/', jsonBody(CreateLeaseBodySchema), async (c) => {
      try {
        const lease = await leases.create(c.req.valid('json'), c.get('principal')?.actor ?? 'unknown');
        return c.json(lease, 201);
      } catch (error) {
        if (!(error instanceof LeaseProblem)) throw error;
        if (error.kind === 'leased') throw leasedError(error.message, error.leases);
        throw new ApiError(error.kind === 'missing' ? 'NOT_FOUND' : 'VALIDATION_FAILED', error.message);
      }
    })
    .delete('/:id', params(LeaseIdSchema), async (c) => {
      const { id } = c.req.valid('param');
      const lease = await leases.release(id, c.get('principal')?.actor ?? 'unknown');
      if (!lease) throw new ApiError('NOT_FOUND', `lease ${id} is not active`);
      return c.json({ released: lease });
    });
}
