import { UsageQuerySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { query } from '../http/validate.js';
import type { UsageMeter } from '../services/usage/usage-meter.js';

/** `GET /api/usage?hours=24`: gateway use per key and model (admin). */
export function usageRoutes(usage: UsageMeter) {
  return new Hono<AppEnv>()
    .use(requireScope('admin'))
    .get('/', query(UsageQuerySchema), async (c) =>
      c.json({ usage: await usage.report(c.req.valid('query').hours) }),
    );
}
