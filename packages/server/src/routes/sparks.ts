import { CopyKeyBodySchema, SlugSchema, SparkHistoryQuerySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params, query } from '../http/validate.js';
import { AttemptLimiter, type AttemptPolicy } from '../services/attempt-limiter.js';
import { DomainError } from '../services/domain-error.js';
import type { SparkInspector } from '../services/sparks/hardware.js';
import type { HardwareHistory } from '../services/sparks/history-sampler.js';
import type { SparkKeys } from '../services/sparks/keys.js';

const SparkIdSchema = v.object({ id: SlugSchema });

/** The copy takes a Spark's SSH password: 5 tries per Spark in 10 minutes, never a password oracle. */
export const COPY_KEY_ATTEMPTS: AttemptPolicy = {
  perKey: 5,
  windowMs: 10 * 60_000,
  global: 20,
  slowLaneIntervalMs: 5000,
  slowLaneQueue: 4,
};

/** Hardware cards (`?fresh=1` skips the short cache), their history, and the one-time key copy. */
export function sparkRoutes(deps: { inspector: SparkInspector; keys: SparkKeys; history: HardwareHistory }) {
  const attempts = new AttemptLimiter(COPY_KEY_ATTEMPTS);
  return new Hono<AppEnv>()
    .get('/', async (c) =>
      c.json({ sparks: await deps.inspector.list({ fresh: c.req.query('fresh') === '1' }) }),
    )
    .get('/:id', params(SparkIdSchema), async (c) => {
      const card = await deps.inspector.get(c.req.valid('param').id, { fresh: c.req.query('fresh') === '1' });
      if (!card) throw new DomainError('NOT_FOUND', 'no such Spark');
      return c.json(card);
    })
    .get('/:id/history', params(SparkIdSchema), query(SparkHistoryQuerySchema), async (c) => {
      const hours = c.req.valid('query').hours === '24' ? 24 : 1;
      const history = await deps.history.history(c.req.valid('param').id, hours);
      if (!history) throw new DomainError('NOT_FOUND', 'no such Spark');
      return c.json(history);
    })
    .post(
      '/:id/copy-key',
      requireScope('control'),
      params(SparkIdSchema),
      jsonBody(CopyKeyBodySchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const attempt = await attempts.acquire(id);
        try {
          const result = await deps.keys.copy(id, c.req.valid('json').password);
          attempt.succeeded();
          deps.inspector.invalidate(id);
          return c.json({
            sparkId: id,
            added: result.added,
            fingerprint: result.fingerprint,
            keyLogin: true,
          });
        } catch (error) {
          attempt.failed();
          throw error;
        }
      },
    );
}

/** The controller's public key, to paste by hand where the password flow is not wanted. */
export function sshKeyRoutes(keys: SparkKeys) {
  return new Hono<AppEnv>().get('/key', (c) => c.json(keys.info()));
}
