import { SlugSchema, SwapRequestSchema, UnloadRequestSchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params, query } from '../http/validate.js';
import { LeasedError } from '../services/leases/lease-service.js';
import type { QueuedSwaps } from '../services/leases/queued-swap.js';
import { DomainError } from '../services/domain-error.js';
import type { SwapService } from '../services/swap/swap-service.js';

const SwapIdSchema = v.object({ id: v.pipe(v.string(), v.uuid('id: must be a swap id')) });
const CurrentQuerySchema = v.strictObject({ placementId: v.optional(SlugSchema) });

export function swapRoutes(swaps: SwapService, queued: QueuedSwaps) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .post('/', jsonBody(SwapRequestSchema), async (c) => {
      const { modelId, placementId, whenLeased } = c.req.valid('json');
      const actor = c.get('principal')?.actor ?? 'unknown';
      try {
        const swap = await swaps.start(modelId, actor, placementId);
        return c.json({ swapId: swap.id, queued: null }, 202);
      } catch (error) {
        if (!(error instanceof LeasedError) || whenLeased !== 'queue') throw error;
        const waiting = queued.queue(modelId, placementId ?? null, actor, error.leases);
        return c.json({ swapId: null, queued: waiting }, 202);
      }
    })
    .post('/unload', jsonBody(UnloadRequestSchema), async (c) => {
      const { placementId } = c.req.valid('json');
      const swap = await swaps.unload(placementId, c.get('principal')?.actor ?? 'unknown');
      return c.json({ swapId: swap.id, swap }, 202);
    })
    .get('/current', query(CurrentQuerySchema), async (c) => {
      const { placementId } = c.req.valid('query');
      return c.json({ ...(await swaps.current(placementId)), queued: queued.current() });
    })
    .get('/history', async (c) => c.json({ swaps: await swaps.history() }))
    .get('/durations', async (c) => c.json({ models: await swaps.typicalDurations() }))
    .post('/:id/cancel', params(SwapIdSchema), (c) => {
      const { id } = c.req.valid('param');
      if (!swaps.cancel(id) && !queued.cancel(id)) {
        throw new DomainError('NOT_FOUND', `swap ${id} is not running or queued`);
      }
      return c.json({ cancelled: true as const }, 202);
    });
}
