import { describe, expect, it } from 'vitest';
import { LlmError, OpenAiChat, describeBody } from './openai-chat.js';

/** A fetch that answers every request with `respond()` and counts the calls. */
function fakeFetch(respond: (body: Record<string, unknown>) => Response | Promise<Response>) {
  const calls: Record<string, unknown>[] = [];
  const fetchImpl = async (_input: string | URL | Request, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    calls.push(body);
    return respond(body);
  };
  return { calls, fetch: fetchImpl };
}

const completion = (message: Record<string, unknown>, finish = 'stop') =>
  Response.json({
    id: 'c',
    object: 'chat.completion',
    created: 1,
    model: 'served-model',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
  });

const request = {
  model: 'm',
  messages: [{ role: 'user' as const, content: 'hi' }],
  temperature: 0,
  maxTokens: 10,
  timeoutMs: 5000,
};

async function failure(chat: OpenAiChat): Promise<LlmError> {
  const error = await chat.complete(request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('OpenAiChat', () => {
  it('keeps the RFC-7807 body the SDK would flatten, and never retries', async () => {
    const { calls, fetch } = fakeFetch(() =>
      Response.json({ status: 403, title: 'Forbidden', detail: 'Authorization failed' }, { status: 403 }),
    );
    const error = await failure(new OpenAiChat({ baseUrl: 'http://x/v1', apiKey: 'nvapi-x', fetch }));
    expect(error).toMatchObject({
      kind: 'auth',
      status: 403,
      message: '403 Forbidden: Authorization failed',
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    [401, { status: 401, title: 'Unauthorized' }, 'auth'],
    [404, { detail: "Function 'f': Not found for account 'a'" }, 'not_found'],
    [410, undefined, 'not_found'],
    [
      400,
      { error: { message: 'bad response_format', type: 'BadRequestError', param: null, code: 400 } },
      'bad_request',
    ],
    [500, undefined, 'unavailable'],
    [503, { status: 503, title: 'Service Unavailable' }, 'unavailable'],
  ] as const)('classifies %s as %s', async (status, body, kind) => {
    const { calls, fetch } = fakeFetch(() =>
      body ? Response.json(body, { status }) : new Response(null, { status }),
    );
    expect(await failure(new OpenAiChat({ baseUrl: 'http://x/v1', apiKey: 'k', fetch }))).toMatchObject({
      kind,
      status,
    });
    expect(calls).toHaveLength(1);
  });

  it('reads Retry-After on 429', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { status: 429, title: 'Too Many Requests' },
        { status: 429, headers: { 'retry-after': '7' } },
      ),
    );
    expect(await failure(new OpenAiChat({ baseUrl: 'http://x/v1', apiKey: 'k', fetch }))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 7000,
      message: '429 Too Many Requests',
    });
  });

  it('reports a refused connection as a network failure', async () => {
    const chat = new OpenAiChat({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' });
    expect(await failure(chat)).toMatchObject({ kind: 'network' });
  });

  it('sends the passthrough fields and the JSON schema', async () => {
    const { calls, fetch } = fakeFetch(() => completion({ content: '{}' }));
    await new OpenAiChat({ baseUrl: 'http://x/v1', apiKey: 'k', fetch }).complete({
      ...request,
      topP: 0.95,
      extraBody: { chat_template_kwargs: { enable_thinking: false }, reasoning_budget: 64 },
      jsonSchema: { name: 's', schema: { type: 'object' } },
    });
    expect(calls[0]).toMatchObject({
      model: 'm',
      max_tokens: 10,
      top_p: 0.95,
      chat_template_kwargs: { enable_thinking: false },
      reasoning_budget: 64,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 's', schema: { type: 'object' }, strict: true },
      },
    });
  });

  it.each([
    [
      'reasoning_content (NVIDIA)',
      { content: '{"a":1}', reasoning_content: 'thought' },
      '{"a":1}',
      'thought',
    ],
    ['reasoning (vLLM ≥ 0.11)', { content: '{"a":1}', reasoning: 'thought' }, '{"a":1}', 'thought'],
    [
      '<think> in content (49B)',
      { content: '<think>\nthought\n</think>\n\n{"a":1}' },
      '\n\n{"a":1}',
      '\nthought\n',
    ],
    [
      'an unclosed <think> stays for the recovery rules',
      { content: '<think>still going' },
      '<think>still going',
      null,
    ],
    ['no reasoning', { content: '{"a":1}', reasoning_content: null }, '{"a":1}', null],
  ])('reads %s', async (_name, message, content, reasoning) => {
    const { fetch } = fakeFetch(() => completion(message, 'length'));
    const reply = await new OpenAiChat({ baseUrl: 'http://x/v1', apiKey: 'k', fetch }).complete(request);
    expect(reply).toEqual({ content, reasoning, finishReason: 'length', model: 'served-model' });
  });
});

describe('describeBody', () => {
  it.each([
    [
      '{"status":401,"title":"Unauthorized","detail":"Header of type `authorization` was missing"}',
      'Unauthorized: Header of type `authorization` was missing',
    ],
    ['{"detail":"Function \'x\': Not found for account \'y\'"}', "Function 'x': Not found for account 'y'"],
    [
      '{"error":{"message":"The model `x` does not exist.","type":"NotFoundError"}}',
      'The model `x` does not exist.',
    ],
    ['{"error":"Unauthorized"}', 'Unauthorized'],
    ['upstream connect error', 'upstream connect error'],
    ['', ''],
  ])('summarises %s', (body, summary) => {
    expect(describeBody(body)).toBe(summary);
  });
});
