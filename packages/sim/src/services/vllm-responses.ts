/**
 * vLLM's `POST /v1/responses` (the OpenAI Responses API) without the response store: vLLM keeps
 * nothing unless `VLLM_ENABLE_RESPONSES_API_STORE` is set, so `store` is accepted and ignored.
 * Streams are named events (`event: <type>` then `data:`) numbered by `sequence_number`, ending on
 * `response.completed` with no `[DONE]`; see docs/simulator.md for the sources.
 */
import type { Context } from 'hono';
import { readFaults } from '../faults.js';
import { jsonResponse, sleep, SseWriter, streamRaw, type Env } from './http.js';
import { chatPromptTokens, lastUserText, messageText, type ChatMessage } from './reply.js';
import { completionTokens, nowSeconds } from './vllm-generate.js';
import { badRequest, prepare, readBody, type Prepared, type VllmState } from './vllm-request.js';
import { randomUUID } from 'node:crypto';

const RESPONSES_FIELDS = new Set(
  'model input instructions max_output_tokens temperature top_p stream store previous_response_id text tools tool_choice parallel_tool_calls reasoning metadata user truncation background include service_tier max_tool_calls top_logprobs prompt seed stop request_id priority'.split(
    ' ',
  ),
);

const id = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** The chat messages a Responses `input` stands for (string, or message items; other items are skipped). */
function inputMessages(body: Record<string, unknown>): ChatMessage[] | string {
  const messages: ChatMessage[] = [];
  if (typeof body.instructions === 'string') messages.push({ role: 'system', content: body.instructions });
  const input = body.input;
  if (typeof input === 'string') return [...messages, { role: 'user', content: input }];
  if (!Array.isArray(input)) return 'input: Field required';
  for (const item of input as Record<string, unknown>[]) {
    if (!item || typeof item !== 'object') return 'input: Input should be a valid list';
    if (typeof item.role !== 'string' || (item.type !== undefined && item.type !== 'message')) continue;
    messages.push({ role: item.role, content: item.content });
  }
  return messages;
}

/** `text.format` as the chat route's `response_format`. */
function responseFormat(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const format = (body.text as { format?: Record<string, unknown> } | undefined)?.format;
  if (format?.type === 'json_schema') return { type: 'json_schema', json_schema: { schema: format.schema } };
  if (format?.type === 'json_object') return { type: 'json_object' };
  return undefined;
}

export async function createResponse(state: VllmState, c: Context<Env>): Promise<Response> {
  const body = await readBody(c);
  if (body instanceof Response) return body;
  const messages = inputMessages(body);
  if (typeof messages === 'string') return badRequest(messages);
  const ignored = Object.keys(body).filter((k) => !RESPONSES_FIELDS.has(k));
  if (ignored.length > 0)
    state.log.api(
      'protocol.py:91',
      `The following fields were present in the request but ignored: {${ignored.map((k) => `'${k}'`).join(', ')}}`,
      'WARNING',
    );
  const chatBody: Record<string, unknown> = {
    model: body.model,
    stream: body.stream,
    max_tokens: body.max_output_tokens,
    ...(body.stop !== undefined ? { stop: body.stop } : {}),
    ...(responseFormat(body) ? { response_format: responseFormat(body) } : {}),
  };
  const p = prepare(state, chatBody, lastUserText(messages), chatPromptTokens(messages), true);
  if (p instanceof Response) return p;
  const reply = new ResponseBuilder(p, body);
  state.metrics.running += 1;
  state.metrics.prompt(messages.map((m) => messageText(m.content)).join('\n'), p.promptTokens);
  const startedAt = performance.now();
  const tokens = completionTokens(p.plan);
  try {
    if (p.stream) {
      let completed = false;
      const response = await streamRaw(c, async (res) => {
        const sse = new SseWriter(res, c.get('fault'));
        completed = await reply.stream(state, sse);
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
    return jsonResponse(200, reply.response('completed', tokens));
  } finally {
    state.metrics.running -= 1;
  }
}

/** One response object and its items, as vLLM's `ResponsesResponse.from_request` fills them. */
class ResponseBuilder {
  readonly id = id('resp');
  readonly createdAt = nowSeconds();
  readonly messageId = id('msg');
  readonly reasoningId = id('rs');

  constructor(
    private readonly p: Prepared,
    private readonly request: Record<string, unknown>,
  ) {}

  private get text(): string {
    return this.p.plan.content.join('');
  }

  private get reasoning(): string {
    return this.p.plan.reasoning.join('');
  }

  private reasoningItem(status: 'in_progress' | 'completed') {
    return {
      type: 'reasoning',
      id: this.reasoningId,
      summary: [],
      ...(status === 'completed' ? { content: [{ type: 'reasoning_text', text: this.reasoning }] } : {}),
      status,
    };
  }

  private messageItem(status: 'in_progress' | 'completed') {
    return {
      type: 'message',
      id: this.messageId,
      role: 'assistant',
      status,
      content:
        status === 'completed'
          ? [{ type: 'output_text', text: this.text, annotations: [], logprobs: [] }]
          : [],
    };
  }

  response(status: 'in_progress' | 'completed', generated: number) {
    const done = status === 'completed';
    const incomplete = done && this.p.plan.finish === 'length';
    const output =
      done && this.p.plan.reasoning.length > 0
        ? [this.reasoningItem('completed'), this.messageItem('completed')]
        : done
          ? [this.messageItem('completed')]
          : [];
    return {
      id: this.id,
      object: 'response',
      created_at: this.createdAt,
      model: this.p.model,
      status: incomplete ? 'incomplete' : status,
      error: null,
      incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
      instructions: this.request.instructions ?? null,
      metadata: this.request.metadata ?? null,
      max_output_tokens: this.request.max_output_tokens ?? null,
      output,
      parallel_tool_calls: true,
      previous_response_id: null,
      reasoning: null,
      service_tier: 'auto',
      temperature: this.request.temperature ?? 1,
      text: this.request.text ?? null,
      tool_choice: 'auto',
      tools: [],
      top_p: this.request.top_p ?? 1,
      truncation: 'disabled',
      user: null,
      background: false,
      usage: done
        ? {
            input_tokens: this.p.promptTokens,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: generated,
            output_tokens_details: { reasoning_tokens: this.p.plan.reasoning.length },
            total_tokens: this.p.promptTokens + generated,
          }
        : null,
    };
  }

  /** Emits the events token by token; true when the stream ran to `response.completed`. */
  async stream(state: VllmState, sse: SseWriter): Promise<boolean> {
    const dieAfter = readFaults(state.stateDir).vllm?.dieMidStreamAfterChunks;
    let sequence = 0;
    const emit = (type: string, fields: Record<string, unknown>) => {
      sse.sendEvent(type, { type, sequence_number: sequence, ...fields });
      sequence += 1;
      if (dieAfter !== undefined && sequence >= dieAfter) {
        sse.kill();
        state.killEngine();
      }
    };
    emit('response.created', { response: this.response('in_progress', 0) });
    emit('response.in_progress', { response: this.response('in_progress', 0) });
    let generated = 0;
    /** Generates one token; false when the stream ended (client gone or a scripted error). */
    const produce = async (): Promise<boolean> => {
      if (sse.closed) return false;
      await sleep(state.tokenDelayMs);
      generated += 1;
      state.metrics.generated(1);
      if (generated === 2 && this.p.plan.streamError !== undefined) {
        // vLLM's in-stream failure: an `error` event, then the stream ends.
        emit('error', { code: 'InternalServerError', message: this.p.plan.streamError, param: null });
        sse.end();
        return false;
      }
      return true;
    };
    let index = 0;
    if (this.p.plan.reasoning.length > 0) {
      const at = { output_index: index, item_id: this.reasoningId, content_index: 0 };
      emit('response.output_item.added', { output_index: index, item: this.reasoningItem('in_progress') });
      emit('response.content_part.added', { ...at, part: { type: 'reasoning_text', text: '' } });
      for (const piece of this.p.plan.reasoning) {
        if (!(await produce())) return false;
        emit('response.reasoning_text.delta', { ...at, delta: piece });
      }
      emit('response.reasoning_text.done', { ...at, text: this.reasoning });
      emit('response.content_part.done', { ...at, part: { type: 'reasoning_text', text: this.reasoning } });
      emit('response.output_item.done', { output_index: index, item: this.reasoningItem('completed') });
      index += 1;
    }
    const at = { output_index: index, item_id: this.messageId, content_index: 0 };
    emit('response.output_item.added', { output_index: index, item: this.messageItem('in_progress') });
    emit('response.content_part.added', {
      ...at,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    });
    for (const piece of this.p.plan.content) {
      if (!(await produce())) return false;
      emit('response.output_text.delta', { ...at, delta: piece, logprobs: [] });
    }
    emit('response.output_text.done', { ...at, text: this.text, logprobs: [] });
    emit('response.content_part.done', {
      ...at,
      part: { type: 'output_text', text: this.text, annotations: [] },
    });
    emit('response.output_item.done', { output_index: index, item: this.messageItem('completed') });
    emit('response.completed', { response: this.response('completed', generated) });
    const completed = !sse.closed;
    sse.end();
    return completed;
  }
}
