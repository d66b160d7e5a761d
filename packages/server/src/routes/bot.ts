import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { SshError } from '../adapters/ssh/index.js';
import type { AppEnv } from '../http/context.js';
import { requireScope } from '../http/middleware.js';
import type { BotService } from '../services/bot/bot.js';
import { DomainError } from '../services/domain-error.js';

const MAX_TAIL = 5000;

function tailOf(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const tail = Number(raw);
  if (!Number.isInteger(tail) || tail < 1 || tail > MAX_TAIL) {
    throw new DomainError('VALIDATION_FAILED', `tail: must be a whole number from 1 to ${MAX_TAIL}`);
  }
  return tail;
}

/**
 * The bot tile: docker state, update (202; output streams on /api/events as `bot.output`,
 * the end as `bot.update`), restart, stop, start, log tail and a followed log (SSE).
 */
export function botRoutes(bot: BotService) {
  return new Hono<AppEnv>()
    .use(requireScope('control'))
    .get('/', async (c) => c.json(await bot.view()))
    .get('/update', (c) => {
      const run = bot.lastRun();
      if (!run) throw new DomainError('NOT_FOUND', 'no update has run since the server started');
      return c.json(run);
    })
    .post('/update', (c) => {
      const run = bot.startUpdate();
      return c.json({ runId: run.runId, startedAt: run.startedAt, state: run.state }, 202);
    })
    .post('/restart', async (c) => c.json(await bot.restart()))
    .post('/stop', async (c) => c.json(await bot.stop()))
    .post('/start', async (c) => c.json(await bot.start()))
    .get('/logs', async (c) => {
      const tail = tailOf(c.req.query('tail'), 200);
      return c.json({ lines: await bot.logs(tail) });
    })
    .get('/logs/follow', (c) => {
      const tail = tailOf(c.req.query('tail'), 100);
      const abort = new AbortController();
      const lines = bot.follow(tail, abort.signal);
      return streamSSE(c, async (stream) => {
        stream.onAbort(() => abort.abort());
        try {
          for await (const line of lines) {
            await stream.writeSSE({ event: 'line', data: JSON.stringify({ line }) });
          }
          await stream.writeSSE({ event: 'end', data: JSON.stringify({ reason: 'the log ended' }) });
        } catch (error) {
          const message = error instanceof SshError ? error.message : 'following the log failed';
          await stream.writeSSE({ event: 'error', data: JSON.stringify({ message }) });
        } finally {
          abort.abort();
        }
      });
    });
}
