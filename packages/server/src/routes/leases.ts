import { CreateLeaseBodySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';
import { DomainError } from '../services/domain-error.js';
import type { LeaseService } from '../services/leases/lease-service.js';

const LeaseIdSchema = v.object({ id: v.pipe(v.string(), v.uuid('id: must be a lease id')) });

export function leaseRoutes(leases: LeaseService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', (c) => c.json({ leases: leases.active() }))
    .post('/', jsonBody(CreateLeaseBodySchema), async (c) => {
      const lease = await leases.create(c.req.valid('json'), c.get('principal')?.actor ?? 'unknown');
      return c.json(lease, 201);
    })
    .delete('/:id', params(LeaseIdSchema), async (c) => {
      const { id } = c.req.valid('param');
      const lease = await leases.release(id, c.get('principal')?.actor ?? 'unknown');
      if (!lease) throw new DomainError('NOT_FOUND', `lease ${id} is not active`);
      return c.json({ released: lease });
    });
}
