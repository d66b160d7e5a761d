import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../adapters/logger.js';
import type { AppEnv } from '../http/context.js';
import { authenticate, requireScope } from '../http/middleware.js';
import { openAiErrorResponse } from '../http/openai/errors.js';
import { nodeBindings, sendReply } from '../http/openai/reply.js';
import { AUDIO_LIMIT, jsonBytes, limitedStream, multipartType } from '../http/openai/request-body.js';
import type { AuthService } from '../services/auth.js';
import { DomainError } from '../services/domain-error.js';
import type { GatewayService } from '../services/gateway/gateway-service.js';
import { rerank } from '../services/gateway/rerank.js';
import type { GatewayStats } from '../services/gateway/stats.js';
import type { RequestUsage, UsageMeter } from '../services/usage/usage-meter.js';

/** Aborted when the client goes away before its response has been written. */
function clientGone(outgoing: ServerResponse): AbortSignal {
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  return controller.signal;
}

export interface GatewayRouteDeps {
  gateway: GatewayService;
  auth: Pick<AuthService, 'fromToken' | 'fromSession'>;
  log: Logger;
  stats?: GatewayStats | undefined;
  usage?: UsageMeter | undefined;
}

type GatewayEnv = { Variables: AppEnv['Variables'] & { usage: RequestUsage | undefined } };

/**
 * Meters every authenticated gateway request (refusing keys over their limits) and reports its
 * status once the handler or the error handler has answered.
 */
function meterUsage(meter: UsageMeter | undefined) {
  return createMiddleware<GatewayEnv>(async (c, next) => {
    if (!meter) return next();
    const usage = meter.begin(c.get('principal'));
    c.set('usage', usage);
    await next();
    usage.answered(c.res.status);
  });
}

/** Counts every request and the time to its response headers, by route. */
export function gatewayTiming(stats: GatewayStats | undefined) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!stats) return next();
    const started = performance.now();
    await next();
    stats.request(c.req.routePath, c.res.status, (performance.now() - started) / 1000);
  });
}

/**
 * The OpenAI-compatible API (`/v1/*`, scope `gateway`, Bearer token or session), to be mounted
 * outside `/api` with `app.route('/v1', gatewayRoutes(deps))`. It authenticates by itself. The
 * handlers read the request, hand it to the gateway and write what it answers.
 */
export function gatewayRoutes(deps: GatewayRouteDeps) {
  const { gateway } = deps;
  const app = new Hono<GatewayEnv>();
  app.onError((error, c) => openAiErrorResponse(error, c, deps.log));
  app.use(gatewayTiming(deps.stats));
  app.use(authenticate(deps.auth as AuthService, []));
  app.use(requireScope('gateway'));
  app.use(meterUsage(deps.usage));
  // Under @hono/node-server the handlers read node's request and write node's response themselves:
  // building the web Request, its body stream and its signal costs more than the relay.
  const signal = (c: Context) => {
    const outgoing = nodeBindings(c)?.outgoing;
    return outgoing ? clientGone(outgoing) : c.req.raw.signal;
  };
  const jsonBody = (c: Context, limit?: number) => jsonBytes(nodeBindings(c)?.incoming ?? c.req.raw, limit);
  const usage = (c: Context<GatewayEnv>) => c.get('usage');
  return (
    app
      .get('/models', async (c) => sendReply(c, await gateway.models(signal(c), usage(c))))
      // Served names may hold a slash (`Qwen/Qwen3-8B`), sent raw or as %2F.
      .get('/models/:id{.+}', async (c) =>
        sendReply(c, await gateway.model(c.req.param('id'), signal(c), usage(c))),
      )
      .post('/chat/completions', async (c) =>
        sendReply(
          c,
          await gateway.completion('/v1/chat/completions', await jsonBody(c), signal(c), usage(c)),
        ),
      )
      .post('/completions', async (c) =>
        sendReply(c, await gateway.completion('/v1/completions', await jsonBody(c), signal(c), usage(c))),
      )
      .post('/responses', async (c) =>
        sendReply(c, await gateway.completion('/v1/responses', await jsonBody(c), signal(c), usage(c))),
      )
      .post('/embeddings', async (c) =>
        sendReply(c, await gateway.embeddings(await jsonBody(c), signal(c), usage(c))),
      )
      .post('/rerank', async (c) => {
        const metered = usage(c);
        if (metered) metered.placement = 'embeddings';
        return c.json(await rerank(gateway, await jsonBody(c), signal(c)));
      })
      .post('/audio/transcriptions', async (c) => {
        const type = multipartType(c.req.raw);
        const length = c.req.header('content-length');
        const reply = await gateway.relay(
          'parakeet',
          {
            method: 'POST',
            path: '/v1/audio/transcriptions',
            // Without a length the upstream client sends the body chunked.
            headers: { 'content-type': type, ...(length ? { 'content-length': length } : {}) },
            body: limitedStream(c.req.raw, AUDIO_LIMIT),
            signal: signal(c),
          },
          usage(c),
        );
        return sendReply(c, reply);
      })
      .post('/audio/speech', async (c) => {
        const body = await jsonBody(c, 1024 * 1024);
        const reply = await gateway.relay(
          'kokoro',
          {
            method: 'POST',
            path: '/v1/audio/speech',
            headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
            body,
            signal: signal(c),
          },
          usage(c),
        );
        return sendReply(c, reply);
      })
      .all('*', (c) => {
        throw new DomainError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`);
      })
  );
}
