/** Validation, budgeting and token-by-token delivery shared by vLLM's chat and completion routes. */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { readFaults } from '../faults.js';
import { jsonResponse, sleep, SseWriter, streamRaw, type Env } from './http.js';
import { requestedSchema } from './reply.js';
import type { VllmArgs } from './vllm-args.js';
import {
  completionTokens,
  contextBudget,
  openAiError,
  planGeneration,
  type GenerationPlan,
} from './vllm-generate.js';
import type { VllmLog } from './vllm-log.js';
import type { VllmMetrics } from './vllm-metrics.js';

export interface VllmState {
  args: VllmArgs;
  maxModelLen: number;
  stateDir: string;
  tokenDelayMs: number;
  log: VllmLog;
  metrics: VllmMetrics;
  version: string;
  engineDead: boolean;
  /** The engine died (fault): log it, mark /health 503, shut down after the watchdog. */
  killEngine(): void;
}

const CHAT_FIELDS = new Set(
  'model messages max_tokens max_completion_tokens temperature top_p top_k min_p stop seed n stream stream_options response_format tools tool_choice reasoning_effort include_reasoning chat_template_kwargs structured_outputs repetition_penalty priority request_id frequency_penalty presence_penalty logprobs top_logprobs user parallel_tool_calls chat_template add_generation_prompt continue_final_message echo skip_special_tokens ignore_eos min_tokens prompt logit_bias suffix best_of'.split(
    ' ',
  ),
);

export const badRequest = (message: string) =>
  jsonResponse(400, openAiError(message, 'BadRequestError', 400));

export async function readBody(c: Context<Env>): Promise<Record<string, unknown> | Response> {
  try {
    const body: unknown = await c.req.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
    return badRequest('Input should be a valid dictionary or object to extract fields from');
  } catch {
    return badRequest('JSON decode error');
  }
}

export interface Prepared {
  model: string;
  plan: GenerationPlan;
  promptTokens: number;
  stream: boolean;
  includeUsage: boolean;
  continuousUsage: boolean;
  /** `include_reasoning: false`: reasoning is generated and counted but not sent. */
  hideReasoning: boolean;
}

/** Shared validation of chat and completion requests; a Response means "answer this error". */
export function prepare(
  state: VllmState,
  body: Record<string, unknown>,
  prompt: string,
  promptTokens: number,
  chat: boolean,
): Prepared | Response {
  const served = state.args.servedModelNames;
  const model = body.model === undefined || body.model === null ? served[0] : body.model;
  if (typeof model !== 'string' || !served.includes(model))
    return jsonResponse(
      404,
      openAiError(
        `The model \`${typeof model === 'string' ? model : JSON.stringify(model)}\` does not exist.`,
        'NotFoundError',
        404,
        'model',
      ),
    );
  const ignored = Object.keys(body).filter((k) => !CHAT_FIELDS.has(k));
  if (ignored.length > 0)
    state.log.api(
      'protocol.py:91',
      `The following fields were present in the request but ignored: {${ignored.map((k) => `'${k}'`).join(', ')}}`,
      'WARNING',
    );
  const requested = body.max_completion_tokens ?? body.max_tokens;
  if (
    requested !== undefined &&
    requested !== null &&
    (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1)
  )
    return badRequest(`max_tokens must be at least 1, got ${JSON.stringify(requested)}.`);
  const budget = contextBudget(
    promptTokens,
    typeof requested === 'number' ? requested : undefined,
    state.maxModelLen,
  );
  if ('error' in budget) return badRequest(budget.error);
  const kwargs = (body.chat_template_kwargs ?? {}) as Record<string, unknown>;
  const withReasoning = chat && state.args.reasoningParser !== undefined && kwargs.enable_thinking !== false;
  const stop =
    typeof body.stop === 'string'
      ? [body.stop]
      : Array.isArray(body.stop)
        ? body.stop.filter((s): s is string => typeof s === 'string')
        : [];
  const plan = planGeneration({
    prompt,
    schema: requestedSchema(body),
    withReasoning,
    maxTokens: budget.maxTokens,
    stop,
  });
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true)
    return badRequest('Stream options can only be defined when `stream=True`.');
  const options = (body.stream_options ?? {}) as Record<string, unknown>;
  return {
    model,
    plan,
    promptTokens,
    stream: body.stream === true,
    includeUsage: options.include_usage === true,
    continuousUsage: options.continuous_usage_stats === true,
    hideReasoning: body.include_reasoning === false,
  };
}

export const usage = (p: Prepared, generated: number) => ({
  prompt_tokens: p.promptTokens,
  completion_tokens: generated,
  total_tokens: p.promptTokens + generated,
});

/** Emits a plan token by token; true when the stream ran to its normal end. */
async function streamPlan(
  state: VllmState,
  res: ServerResponse,
  c: Context<Env>,
  p: Prepared,
  chunk: (
    delta: { reasoning?: string; content?: string; role?: boolean },
    finish: boolean,
  ) => Record<string, unknown>,
  chat: boolean,
): Promise<boolean> {
  const sse = new SseWriter(res, c.get('fault'));
  const dieAfter = readFaults(state.stateDir).vllm?.dieMidStreamAfterChunks;
  let sent = 0;
  let generated = 0;
  const emit = (event: Record<string, unknown>) => {
    if (p.continuousUsage) event.usage = usage(p, generated);
    sse.send(event);
    sent += 1;
    if (dieAfter !== undefined && sent >= dieAfter) {
      sse.kill();
      state.killEngine();
    }
  };
  if (chat) emit(chunk({ role: true, content: '' }, false));
  const pieces = [
    ...p.plan.reasoning.map((r) => ({ reasoning: r })),
    ...p.plan.content.map((t) => ({ content: t })),
  ];
  for (const [i, piece] of pieces.entries()) {
    if (sse.closed) return false;
    await sleep(state.tokenDelayMs);
    generated += 1;
    state.metrics.generated(1);
    if (i === 1 && p.plan.streamError !== undefined) {
      sse.send(openAiError(p.plan.streamError, 'InternalServerError', 500));
      sse.done();
      return false;
    }
    const last = i === pieces.length - 1;
    if ('reasoning' in piece && p.hideReasoning && !last) continue;
    emit(chunk('reasoning' in piece && p.hideReasoning ? { content: '' } : piece, last));
  }
  if (pieces.length === 0) emit(chunk({ content: '' }, true));
  if (p.includeUsage && !sse.closed)
    sse.send({ ...chunk({}, false), choices: [], usage: usage(p, generated) });
  const completed = !sse.closed;
  sse.done();
  return completed;
}

/** Runs one generation request end to end, counting metrics. */
export async function run(
  state: VllmState,
  c: Context<Env>,
  p: Prepared,
  promptKey: string,
  respond: () => Record<string, unknown>,
  chunk: (
    delta: { reasoning?: string; content?: string; role?: boolean },
    finish: boolean,
  ) => Record<string, unknown>,
  chat: boolean,
): Promise<Response> {
  const startedAt = performance.now();
  state.metrics.running += 1;
  state.metrics.prompt(promptKey, p.promptTokens);
  const tokens = completionTokens(p.plan);
  try {
    if (p.stream) {
      let completed = false;
      const response = await streamRaw(c, async (res) => {
        completed = await streamPlan(state, res, c, p, chunk, chat);
      });
      state.metrics.finished(
        completed ? p.plan.finish : 'abort',
        startedAt,
        startedAt + state.tokenDelayMs,
        tokens,
      );
      return response;
    }
    await sleep(state.tokenDelayMs * Math.min(tokens, 50));
    if (state.engineDead) return new Response(null, { status: 500 });
    state.metrics.generated(tokens);
    state.metrics.finished(p.plan.finish, startedAt, startedAt + state.tokenDelayMs, tokens);
    return jsonResponse(200, respond());
  } finally {
    state.metrics.running -= 1;
  }
}
