import {
  ParseReasoningBodySchema,
  ReasoningTaskParamSchema,
  RunReasoningBodySchema,
} from '@spark-control/schema';
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import { requireScope } from '../http/middleware.js';
import { jsonBody, params } from '../http/validate.js';
import {
  InvalidTaskInputError,
  ReasoningFailedError,
  UnknownTaskError,
  type ReasoningService,
} from '../services/reasoning/service.js';

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
      try {
        return c.json(reasoning.parse(task, content, finishReason));
      } catch (error) {
        throw toApiError(error);
      }
    })
    .post('/:task', params(ReasoningTaskParamSchema), jsonBody(RunReasoningBodySchema), async (c) => {
      try {
        return c.json(await reasoning.run(c.req.valid('param').task, c.req.valid('json').input));
      } catch (error) {
        throw toApiError(error);
      }
    });
}

function toApiError(error: unknown): unknown {
  if (error instanceof UnknownTaskError) return new ApiError('NOT_FOUND', error.message);
  if (error instanceof InvalidTaskInputError) return new ApiError('VALIDATION_FAILED', error.message);
  if (!(error instanceof ReasoningFailedError)) return error;
  const { failure, runId } = error;
  const message = `run ${runId}: ${failure.message}`;
  if (failure.configError) return new ApiError('UPSTREAM_FAILED', message);
  if (failure.attempts.every((attempt) => attempt.outcome === 'skipped'))
    return new ApiError('UNAVAILABLE', message);
  if (failure.timedOut && !failure.unusable) return new ApiError('UPSTREAM_TIMEOUT', message);
  return new ApiError('UPSTREAM_FAILED', message);
}
