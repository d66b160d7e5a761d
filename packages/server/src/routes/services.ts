import { SlugSchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { DomainError } from '../services/domain-error.js';
import { requireScope } from '../http/middleware.js';
import { params } from '../http/validate.js';
import type { HealthMonitor } from '../services/health/monitor.js';

const ServiceIdSchema = v.object({ id: SlugSchema });
const HOUR_MS = 60 * 60 * 1000;
const MAX_HISTORY_HOURS = 24 * 31;

/** Tiles: status, latency, uptime and deep health of every service; `?include=disabled` lists disabled ones too. */
export function serviceRoutes(monitor: HealthMonitor) {
  return new Hono<AppEnv>()
    .get('/', async (c) =>
      c.json({ services: await monitor.list({ includeDisabled: c.req.query('include') === 'disabled' }) }),
    )
    .get('/:id', params(ServiceIdSchema), async (c) => {
      const view = await monitor.view(c.req.valid('param').id);
      if (!view) throw new DomainError('NOT_FOUND', 'no such service');
      return c.json(view);
    })
    .get('/:id/history', params(ServiceIdSchema), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await monitor.view(id))) throw new DomainError('NOT_FOUND', 'no such service');
      const raw = c.req.query('hours');
      const hours = raw === undefined ? 24 : Number(raw);
      if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HISTORY_HOURS) {
        throw new DomainError('VALIDATION_FAILED', `hours: must be a number from 0 to ${MAX_HISTORY_HOURS}`);
      }
      return c.json(await monitor.history(id, hours * HOUR_MS));
    })
    .post('/:id/deep', requireScope('control'), params(ServiceIdSchema), async (c) => {
      const { id } = c.req.valid('param');
      const view = await monitor.view(id);
      if (!view) throw new DomainError('NOT_FOUND', 'no such service');
      if (view.status === 'disabled')
        throw new DomainError('CONFLICT', 'the service is disabled in the settings');
      const deep = await monitor.deep(id);
      if (!deep) throw new DomainError('CONFLICT', 'the service is disabled in the settings');
      return c.json({ id, deep });
    });
}
