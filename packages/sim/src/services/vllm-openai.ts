import { Hono } from 'hono';
import { faultMiddleware, jsonResponse, type Env } from './http.js';
import {
  chatPromptTokens,
  countTokens,
  fnv1a,
  lastUserText,
  messageText,
  tokenize,
  type ChatMessage,
} from './reply.js';
import { completionTokens, newId, nowSeconds, openAiError } from './vllm-generate.js';
import { badRequest, prepare, readBody, run, usage, type VllmState } from './vllm-request.js';
import { createResponse } from './vllm-responses.js';

export type { VllmState } from './vllm-request.js';

export function vllmApp(state: VllmState): Hono<Env> {
  const app = new Hono<Env>();
  const { args } = state;
  app.use(async (c, next) => {
    await next();
    state.log.raw(
      'api',
      `INFO:     127.0.0.1:${c.env.incoming.socket.remotePort ?? 0} - "${c.req.method} ${c.req.path} HTTP/1.1" ${c.res.status}`,
    );
  });
  app.use(
    faultMiddleware('vllm', state.stateDir, (status) =>
      status >= 500
        ? new Response(null, { status })
        : jsonResponse(status, openAiError('Simulated fault', 'BadRequestError', status)),
    ),
  );
  app.use('/v1/*', async (c, next) => {
    if (args.apiKey !== undefined && c.req.header('authorization') !== `Bearer ${args.apiKey}`)
      return jsonResponse(401, { error: 'Unauthorized' });
    if (state.engineDead) return new Response(null, { status: 500 });
    return next();
  });
  app.notFound(() => jsonResponse(404, { detail: 'Not Found' }));
  app.get('/health', () => new Response(null, { status: state.engineDead ? 503 : 200 }));
  app.get('/ping', () => new Response(null, { status: state.engineDead ? 503 : 200 }));
  app.get('/version', (c) => c.json({ version: state.version }));
  app.get('/metrics', (c) =>
    c.text(state.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );
  app.post('/tokenize', async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    const text = Array.isArray(body.messages)
      ? (body.messages as ChatMessage[]).map((m) => messageText(m.content)).join('\n')
      : typeof body.prompt === 'string'
        ? body.prompt
        : undefined;
    if (text === undefined) return badRequest('prompt or messages: Field required');
    const tokens = tokenize(text).map((piece) => fnv1a(piece) % 151_936);
    return c.json({ count: tokens.length, max_model_len: state.maxModelLen, tokens, token_strs: null });
  });
  app.get('/v1/models', (c) =>
    c.json({
      object: 'list',
      data: args.servedModelNames.map((id) => ({
        id,
        object: 'model',
        created: nowSeconds(),
        owned_by: 'vllm',
        root: args.model,
        parent: null,
        max_model_len: state.maxModelLen,
        permission: [
          {
            id: newId('modelperm'),
            object: 'model_permission',
            created: nowSeconds(),
            allow_create_engine: false,
            allow_sampling: true,
            allow_logprobs: true,
            allow_search_indices: false,
            allow_view: true,
            allow_fine_tuning: false,
            organization: '*',
            group: null,
            is_blocking: false,
          },
        ],
      })),
    }),
  );

  app.post('/v1/chat/completions', async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return badRequest('messages: Field required');
    const messages = body.messages as ChatMessage[];
    const prompt = lastUserText(messages);
    const p = prepare(state, body, prompt, chatPromptTokens(messages), true);
    if (p instanceof Response) return p;
    const id = newId('chatcmpl');
    const created = nowSeconds();
    const showReasoning = state.args.reasoningParser !== undefined && body.include_reasoning !== false;
    const key = messages.map((m) => messageText(m.content)).join('\n');
    return run(
      state,
      c,
      p,
      key,
      () => ({
        id,
        object: 'chat.completion',
        created,
        model: p.model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: p.plan.content.join(''),
              ...(showReasoning
                ? { reasoning: p.plan.reasoning.length > 0 ? p.plan.reasoning.join('') : null }
                : {}),
              tool_calls: [],
            },
            logprobs: null,
            finish_reason: p.plan.finish,
            stop_reason: p.plan.stopReason,
          },
        ],
        usage: { ...usage(p, completionTokens(p.plan)), prompt_tokens_details: null },
      }),
      (delta, finish) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model: p.model,
        choices:
          delta.role === undefined && delta.content === undefined && delta.reasoning === undefined
            ? []
            : [
                {
                  index: 0,
                  delta: delta.role
                    ? { role: 'assistant', content: '' }
                    : delta.reasoning !== undefined
                      ? { reasoning: delta.reasoning }
                      : { content: delta.content },
                  logprobs: null,
                  finish_reason: finish ? p.plan.finish : null,
                  ...(finish ? { stop_reason: p.plan.stopReason } : {}),
                },
              ],
      }),
      true,
    );
  });

  app.post('/v1/responses', (c) => createResponse(state, c));

  app.post('/v1/completions', async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    const raw: unknown =
      Array.isArray(body.prompt) && body.prompt.length === 1 ? (body.prompt[0] as unknown) : body.prompt;
    const ids = Array.isArray(raw) && raw.every((t) => typeof t === 'number') ? raw : undefined;
    if (typeof raw !== 'string' && !ids)
      return badRequest('prompt: a string, a list of one string, or a list of token ids is required');
    const prompt = typeof raw === 'string' ? raw : (ids ?? []).join(' ');
    const promptTokens = typeof raw === 'string' ? countTokens(raw) + 1 : (ids ?? []).length;
    const p = prepare(state, body, prompt, promptTokens, false);
    if (p instanceof Response) return p;
    const id = newId('cmpl');
    const created = nowSeconds();
    const choice = (text: string, finish: boolean) => ({
      index: 0,
      text,
      logprobs: null,
      finish_reason: finish ? p.plan.finish : null,
      stop_reason: finish ? p.plan.stopReason : null,
    });
    return run(
      state,
      c,
      p,
      prompt,
      () => ({
        id,
        object: 'text_completion',
        created,
        model: p.model,
        choices: [{ ...choice(p.plan.content.join(''), true), prompt_logprobs: null }],
        usage: usage(p, completionTokens(p.plan)),
      }),
      (delta, finish) => ({
        id,
        object: 'text_completion',
        created,
        model: p.model,
        choices: delta.content === undefined ? [] : [choice(delta.content, finish)],
      }),
      false,
    );
  });
  return app;
}
