import { ScheduleBodySchema, TimelineQuerySchema } from '@spark-control/schema';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params, query } from '../http/validate.js';
import type { ScheduleService } from '../services/schedules/schedule-service.js';

const ScheduleIdSchema = v.object({ id: v.pipe(v.string(), v.uuid('id: must be a schedule id')) });

/** Time-of-day swap profiles and the timeline of the next hours (scope control). */
export function scheduleRoutes(schedules: ScheduleService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', async (c) => c.json(await schedules.list()))
    .get('/timeline', query(TimelineQuerySchema), async (c) =>
      c.json(await schedules.timeline(c.req.valid('query').hours)),
    )
    .post('/', jsonBody(ScheduleBodySchema), async (c) =>
      c.json({ schedule: await schedules.create(c.req.valid('json')) }, 201),
    )
    .put('/:id', params(ScheduleIdSchema), jsonBody(ScheduleBodySchema), async (c) =>
      c.json({ schedule: await schedules.update(c.req.valid('param').id, c.req.valid('json')) }),
    )
    .delete('/:id', params(ScheduleIdSchema), async (c) => {
      await schedules.remove(c.req.valid('param').id);
      return c.body(null, 204);
    });
}
