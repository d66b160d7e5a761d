import {
  ParseReasoningBodySchema,
  ReasoningTaskParamSchema,
  RunReasoningBodySchema,
} from '@spark-control/schema';
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';
import type { ReasoningService } from '../services/reasoning/service.js';

/** Mounted at `/api/reasoning`: run tasks, parse replies, tier health and outcome statistics. */
export function reasoningRoutes(reasoning: ReasoningService) {
  return new Hono<AppEnv>()
    .use(requireScope('reasoning'))
    .get('/health', async (c) => c.json(await reasoning.health()))
    .get('/stats', async (c) => c.json({ stats: await reasoning.stats() }))
    .get('/tasks', (c) =>
      c.json({
        tasks: reasoning.tasks.map((task) => ({
          id: task.id,
          source: task.source,
          output: task.outputName,
          input: task.inputName,
          thinking: task.thinking,
          temperature: task.temperature,
          maxTokens: task.maxTokens,
        })),
        warnings: reasoning.taskWarnings,
      }),
    )
    .post('/parse', jsonBody(ParseReasoningBodySchema), (c) => {
      const { task, content, finishReason } = c.req.valid('json');
      return c.json(reasoning.parse(task, content, finishReason));
    })
    .post('/:task', params(ReasoningTaskParamSchema), jsonBody(RunReasoningBodySchema), async (c) =>
      c.json(await reasoning.run(c.req.valid('param').task, c.req.valid('json').input)),
    );
}
