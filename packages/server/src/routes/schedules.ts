import { formatIssues, ScheduleBodySchema, TimelineQuerySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';
import { ScheduleProblem, type ScheduleService } from '../services/schedules/schedule-service.js';

const ScheduleIdSchema = v.object({ id: v.pipe(v.string(), v.uuid('id: must be a schedule id')) });

const CODES = { invalid: 'VALIDATION_FAILED', conflict: 'CONFLICT', missing: 'NOT_FOUND' } as const;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScheduleProblem) throw new ApiError(CODES[error.kind], error.message);
    throw error;
  }
}

/** Time-of-day swap profiles and the timeline of the next hours (scope control). */
export function scheduleRoutes(schedules: ScheduleService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', async (c) => c.json(await schedules.list()))
    .get(
      '/timeline',
      validator('query', (value) => {
        const result = v.safeParse(TimelineQuerySchema, value);
        if (!result.success) throw new ApiError('VALIDATION_FAILED', formatIssues(result.issues).join('; '));
        return result.output;
      }),
      async (c) => c.json(await schedules.timeline(c.req.valid('query').hours)),
    )
    .post('/', jsonBody(ScheduleBodySchema), async (c) =>
      c.json({ schedule: await guarded(() => schedules.create(c.req.valid('json'))) }, 201),
    )
    .put('/:id', params(ScheduleIdSchema), jsonBody(ScheduleBodySchema), async (c) =>
      c.json({
        schedule: await guarded(() => schedules.update(c.req.valid('param').id, c.req.valid('json'))),
      }),
    )
    .delete('/:id', params(ScheduleIdSchema), async (c) => {
      await guarded(() => schedules.remove(c.req.valid('param').id));
      return c.body(null, 204);
    });
}
