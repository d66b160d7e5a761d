/**
 * An NVIDIA-hosted-API look-alike (nvidia-nim.md). It records every request body on
 * `GET /_sim/received` (cleared by `DELETE /_sim/received`) so tests can prove what left the LAN.
 */
import { Hono, type Context } from 'hono';
import { readFaults } from '../faults.js';
import {
  consoleLog,
  faultMiddleware,
  jsonResponse,
  reasonPhrase,
  serveApp,
  sleep,
  SseWriter,
  streamRaw,
  type Env,
  type RunningService,
  type ServiceOptions,
} from '../services/http.js';
import {
  chatPromptTokens,
  lastUserText,
  messageText,
  requestedSchema,
  type ChatMessage,
} from '../services/reply.js';
import {
  completionTokens,
  newId,
  nowSeconds,
  planGeneration,
  type GenerationPlan,
} from '../services/vllm-generate.js';

export const SUPER_120B = 'nvidia/nemotron-3-super-120b-a12b';
export const SUPER_49B = 'nvidia/llama-3.3-nemotron-super-49b-v1';
const PLAIN = 'meta/llama-3.1-8b-instruct';
/** Listed in /v1/models; only the first three answer, the rest behave as gated for this account. */
export const CLOUD_CATALOG = [
  SUPER_120B,
  SUPER_49B,
  PLAIN,
  'nvidia/llama-3.3-nemotron-super-49b-v1.5',
  'meta/llama-3.3-70b-instruct',
  'deepseek-ai/deepseek-r1',
  'qwen/qwen3-235b-a22b',
  'openai/gpt-oss-120b',
  'mistralai/mistral-large-2-instruct',
  'google/gemma-3-27b-it',
  'moonshotai/kimi-k2-instruct',
  'nvidia/nv-embedqa-e5-v5',
];
const CALLABLE = [SUPER_120B, SUPER_49B, PLAIN];

export interface ReceivedRequest {
  method: string;
  path: string;
  hasAuthorization: boolean;
  body: unknown;
  receivedAt: string;
}

interface CloudConfig {
  apiKeys: string[];
  gatedModels: string[];
  rateLimitRpm: number | undefined;
}

function parseCloudArgs(args: string[]): CloudConfig {
  const all = (flag: string) =>
    args.flatMap((a, i) => (a === flag && args[i + 1] !== undefined ? [args[i + 1] as string] : []));
  const rpm = all('--rate-limit-rpm')[0];
  return {
    apiKeys: all('--api-key'),
    gatedModels: all('--gated-model'),
    rateLimitRpm: rpm ? Number(rpm) : undefined,
  };
}

const problem = (status: number, detail?: string, headers: Record<string, string> = {}) =>
  jsonResponse(status, { status, title: reasonPhrase(status), ...(detail ? { detail } : {}) }, headers);

interface Shaped {
  plan: GenerationPlan;
  /** content as the model emits it (the 49B puts its thinking inside, between <think> tags) */
  content: string[];
  reasoning: string[] | null;
}

/** Applies each model's reasoning controls (nvidia-nim.md, per-model sections). */
function shape(
  model: string,
  body: Record<string, unknown>,
  messages: ChatMessage[],
  prompt: string,
  maxTokens: number,
): Shaped {
  const kwargs = (body.chat_template_kwargs ?? {}) as Record<string, unknown>;
  const schema = requestedSchema(body);
  const stop = typeof body.stop === 'string' ? [body.stop] : [];
  if (model === SUPER_120B) {
    const budget =
      typeof body.reasoning_budget === 'number'
        ? body.reasoning_budget
        : kwargs.low_effort === true
          ? 8
          : undefined;
    const plan = planGeneration({
      prompt,
      schema,
      withReasoning: kwargs.enable_thinking !== false,
      maxTokens,
      stop,
      ...(budget !== undefined ? { reasoningBudget: budget } : {}),
    });
    return {
      plan,
      content: plan.content,
      reasoning: kwargs.enable_thinking === false ? null : plan.reasoning,
    };
  }
  if (model === SUPER_49B) {
    const system = messages[0]?.role === 'system' ? messageText(messages[0].content).trim() : '';
    const thinking = system === 'detailed thinking on';
    const plan = planGeneration({
      prompt,
      schema,
      withReasoning: thinking,
      maxTokens: Math.max(1, maxTokens - (thinking ? 4 : 0)),
      stop,
    });
    const content = thinking
      ? ['<think>', '\n', ...plan.reasoning, '\n', '</think>', '\n\n', ...plan.content]
      : plan.content;
    return { plan: { ...plan, reasoning: [], content }, content, reasoning: null };
  }
  const plan = planGeneration({ prompt, schema, withReasoning: false, maxTokens, stop });
  return { plan, content: plan.content, reasoning: null };
}

export function cloudApp(stateDir: string, config: CloudConfig, tokenDelayMs: number): Hono<Env> {
  const app = new Hono<Env>();
  const received: ReceivedRequest[] = [];
  const recent: number[] = [];

  app.get('/_sim/received', (c) => c.json(received));
  app.delete('/_sim/received', (c) => {
    received.length = 0;
    return c.body(null, 204);
  });
  app.use(async (c, next) => {
    if (c.req.path.startsWith('/_sim/')) return next();
    const text = await c.req.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // keep the raw text
    }
    received.push({
      method: c.req.method,
      path: c.req.path,
      hasAuthorization: c.req.header('authorization') !== undefined,
      body,
      receivedAt: new Date().toISOString(),
    });
    return next();
  });
  app.use(
    faultMiddleware(
      'cloud',
      stateDir,
      (status) => problem(status),
      (path) => path.startsWith('/_sim/'),
    ),
  );
  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization');
    if (!header?.startsWith('Bearer ')) return problem(401, 'Header of type `authorization` was missing');
    const key = header.slice('Bearer '.length);
    const valid = config.apiKeys.length > 0 ? config.apiKeys.includes(key) : key.startsWith('nvapi-');
    if (!valid) return problem(403, 'Authorization failed');
    if (config.rateLimitRpm !== undefined) {
      const now = Date.now();
      while (recent.length > 0 && (recent[0] ?? 0) <= now - 60_000) recent.shift();
      if (recent.length >= config.rateLimitRpm)
        return problem(429, undefined, {
          'retry-after': String(Math.ceil(((recent[0] ?? now) + 60_000 - now) / 1000)),
        });
      recent.push(now);
    }
    return next();
  });
  app.notFound(() => problem(404));
  app.get('/v1/models', (c) =>
    c.json({
      object: 'list',
      data: CLOUD_CATALOG.map((id) => ({
        id,
        object: 'model',
        created: 735_790_403,
        owned_by: id.split('/')[0] ?? 'nvidia',
        root: id,
        parent: null,
        max_model_len: null,
        permission: [],
      })),
    }),
  );
  app.post('/v1/chat/completions', async (c: Context<Env>) => {
    let body: Record<string, unknown>;
    try {
      body = await c.req.json<Record<string, unknown>>();
    } catch {
      return problem(400, 'Invalid JSON body');
    }
    const model = body.model;
    const gated = [...config.gatedModels, ...(readFaults(stateDir).cloud?.gatedModels ?? [])];
    if (typeof model !== 'string' || !CALLABLE.includes(model) || gated.includes(model))
      return jsonResponse(404, {
        detail: `Function '${newId('fn').slice(3, 39)}': Not found for account 'sim-account'`,
      });
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return problem(400, "Field 'messages' is required and must be a non-empty list");
    const format = (body.response_format as { type?: string } | undefined)?.type;
    if (format !== undefined && !['text', 'json_object', 'json_schema'].includes(format))
      return problem(400, `Unsupported response_format type '${format}'`);
    const messages = body.messages as ChatMessage[];
    const promptTokens = chatPromptTokens(messages);
    const requested = body.max_tokens ?? body.max_completion_tokens;
    const maxTokens = typeof requested === 'number' && requested > 0 ? requested : 4096;
    const shaped = shape(model, body, messages, lastUserText(messages), maxTokens);
    const { plan } = shaped;
    const generated = completionTokens(plan);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: generated,
      total_tokens: promptTokens + generated,
    };
    const id = newId('chatcmpl');
    const created = nowSeconds();
    if (body.stream !== true) {
      await sleep(tokenDelayMs * Math.min(generated, 50));
      return c.json({
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: shaped.content.join(''),
              reasoning_content:
                shaped.reasoning && shaped.reasoning.length > 0 ? shaped.reasoning.join('') : null,
            },
            logprobs: null,
            finish_reason: plan.finish,
          },
        ],
        usage,
      });
    }
    const includeUsage =
      (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    return streamRaw(c, async (res) => {
      const sse = new SseWriter(res, c.get('fault'));
      const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      });
      sse.send(chunk({ role: 'assistant', content: '', reasoning_content: null }, null));
      const pieces = [
        ...(shaped.reasoning ?? []).map((r) => ({ reasoning_content: r })),
        ...shaped.content.map((t) => ({ content: t, reasoning_content: null })),
      ];
      for (const [i, piece] of pieces.entries()) {
        if (sse.closed) return;
        await sleep(tokenDelayMs);
        sse.send(chunk(piece, i === pieces.length - 1 ? plan.finish : null));
      }
      if (pieces.length === 0) sse.send(chunk({ content: '' }, plan.finish));
      if (includeUsage) sse.send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
      sse.done();
    });
  });
  return app;
}

/** The cloud endpoint; args: `--api-key K` (repeatable; none = any `nvapi-…` key), `--gated-model M`, `--rate-limit-rpm N`. */
export function startCloud(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? consoleLog;
  return serveApp(
    cloudApp(options.stateDir, parseCloudArgs(options.args ?? []), options.tokenDelayMs ?? 5),
    options,
    0,
    {
      onListening: (port) =>
        log.info(`simulated NVIDIA API on http://${options.host ?? '127.0.0.1'}:${port}/v1`),
    },
  );
}
