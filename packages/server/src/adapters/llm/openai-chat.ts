import { maskUrl } from '@spark-control/schema';
import type OpenAI from 'openai';
import type { APIConnectionError } from 'openai';

type Sdk = typeof import('openai');
let sdk: Promise<Sdk> | undefined;
/** The SDK is loaded on the first call: a server that never reasons does not carry it (~10 MB). */
const loadSdk = () => (sdk ??= import('openai'));

/** Why a call to a model endpoint failed, as the router acts on it (nvidia-nim.md, error table). */
export type LlmFailureKind =
  'auth' | 'rate_limited' | 'not_found' | 'bad_request' | 'unavailable' | 'timeout' | 'network';

export class LlmError extends Error {
  readonly kind: LlmFailureKind;
  readonly status: number | undefined;
  /** From Retry-After (or retry-after-ms) on a 429. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: LlmFailureKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: readonly ChatMessage[];
  temperature: number;
  topP?: number | undefined;
  maxTokens: number;
  /** Passthrough fields: `chat_template_kwargs`, `reasoning_budget`, … */
  extraBody?: Record<string, unknown> | undefined;
  /** Sent as `response_format: json_schema` (only where a probe showed it is honoured). */
  jsonSchema?: { name: string; schema: Record<string, unknown> } | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

export interface ChatReply {
  /** The answer text; reasoning blocks (`<think>…</think>`) are not part of it. */
  content: string;
  reasoning: string | null;
  finishReason: string | null;
  model: string;
}

/** The SDK refuses a fractional timeout (`timeout must be an integer`); budgets are shares of a deadline. */
const sdkTimeout = (ms: number) => Math.max(1, Math.ceil(ms));

const THINK_BLOCK = /<think>([\s\S]*?)<\/think>/gi;
const DETAIL_LIMIT = 300;

/**
 * One OpenAI-compatible endpoint (NVIDIA's hosted API or a vLLM server) through the `openai`
 * SDK, which never retries: the reasoning router is the only retry loop.
 */
export class OpenAiChat {
  /** The endpoint as messages and health checks show it: query values masked. */
  readonly baseUrl: string;
  readonly #options: { baseUrl: string; apiKey: string; fetch?: typeof fetch | undefined };
  #client: Promise<OpenAI> | undefined;
  /** Raw error bodies by response: the SDK keeps only an OpenAI-style `error` key, NVIDIA sends RFC-7807. */
  readonly #errorBodies = new WeakMap<Headers, string>();

  constructor(options: { baseUrl: string; apiKey: string; fetch?: typeof fetch }) {
    this.baseUrl = maskUrl(options.baseUrl);
    this.#options = options;
  }

  #sdkClient(): Promise<OpenAI> {
    this.#client ??= loadSdk().then(({ default: OpenAIClient }) => {
      const fetchImpl = this.#options.fetch ?? fetch;
      return new OpenAIClient({
        baseURL: this.#options.baseUrl,
        // SDKs need a non-empty key even where the server ignores it.
        apiKey: this.#options.apiKey || 'unused',
        maxRetries: 0,
        fetch: async (input, init) => {
          const response = await fetchImpl(input, init);
          if (!response.ok)
            this.#errorBodies.set(
              response.headers,
              await response
                .clone()
                .text()
                .catch(() => ''),
            );
          return response;
        },
      });
    });
    return this.#client;
  }

  async complete(request: ChatRequest): Promise<ChatReply> {
    const body = {
      model: request.model,
      messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
      temperature: request.temperature,
      ...(request.topP !== undefined ? { top_p: request.topP } : {}),
      max_tokens: request.maxTokens,
      stream: false as const,
      ...(request.jsonSchema
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: { ...request.jsonSchema, strict: true },
            },
          }
        : {}),
      ...request.extraBody,
    };
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      const client = await this.#sdkClient();
      completion = await client.chat.completions.create(body, {
        signal: request.signal,
        timeout: sdkTimeout(request.timeoutMs),
      });
    } catch (error) {
      throw await this.#classify(error);
    }
    const choice = completion.choices[0];
    if (!choice) throw new LlmError('unavailable', 'the reply has no choices');
    const message = choice.message as typeof choice.message & {
      reasoning_content?: unknown;
      reasoning?: unknown;
    };
    const raw = typeof message.content === 'string' ? message.content : '';
    const field = [message.reasoning_content, message.reasoning].find((value) => typeof value === 'string');
    const inline = [...raw.matchAll(THINK_BLOCK)].map((match) => match[1] ?? '');
    // An unclosed <think> stays in the content: the recovery rules label that reply failed.
    const content = raw.replace(THINK_BLOCK, '');
    const reasoning = typeof field === 'string' ? field : inline.length > 0 ? inline.join('\n') : null;
    return {
      content,
      reasoning,
      finishReason: choice.finish_reason ?? null,
      model: completion.model || request.model,
    };
  }

  /** `GET /models`: liveness and key check (NVIDIA lists its whole catalog, whatever the account may call). */
  async listModels(options: { signal?: AbortSignal | undefined; timeoutMs: number }): Promise<string[]> {
    try {
      const client = await this.#sdkClient();
      const page = await client.models.list({
        signal: options.signal,
        timeout: sdkTimeout(options.timeoutMs),
      });
      return page.data.map((model) => model.id);
    } catch (error) {
      throw await this.#classify(error);
    }
  }

  async #classify(error: unknown): Promise<LlmError> {
    if (error instanceof LlmError) return error;
    const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = await loadSdk();
    if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
      return new LlmError('timeout', `${this.baseUrl}: no answer before the deadline`, { cause: error });
    }
    if (error instanceof APIConnectionError) {
      return new LlmError('network', `${this.baseUrl}: cannot connect (${connectionCause(error)})`, {
        cause: error,
      });
    }
    if (error instanceof APIError && typeof error.status === 'number') {
      const status = error.status;
      const headers = error.headers as Headers | undefined;
      const detail = describeBody(headers ? this.#errorBodies.get(headers) : undefined);
      const message = `${status}${detail ? ` ${detail}` : ''}`;
      if (status === 401 || status === 403) return new LlmError('auth', message, { status, cause: error });
      if (status === 404 || status === 410)
        return new LlmError('not_found', message, { status, cause: error });
      if (status === 429) {
        const retryAfterMs = headers ? retryAfter(headers) : undefined;
        return new LlmError('rate_limited', message, {
          status,
          cause: error,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        });
      }
      if (status === 408) return new LlmError('timeout', message, { status, cause: error });
      if (status >= 500) return new LlmError('unavailable', message, { status, cause: error });
      return new LlmError('bad_request', message, { status, cause: error });
    }
    return new LlmError(
      'network',
      `${this.baseUrl}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** `title: detail` of an RFC-7807 body, `error.message` of an OpenAI or vLLM one, else the text itself. */
export function describeBody(text: string | undefined): string {
  if (!text) return '';
  let summary = text.trim();
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    if (
      typeof error === 'object' &&
      error !== null &&
      typeof (error as Record<string, unknown>).message === 'string'
    ) {
      summary = (error as Record<string, string>).message ?? summary;
    } else if (typeof error === 'string') {
      summary = error;
    } else if (typeof body.title === 'string' || typeof body.detail === 'string') {
      summary = [body.title, body.detail].filter((part) => typeof part === 'string').join(': ');
    } else if (typeof body.message === 'string') {
      summary = body.message;
    }
  } catch {
    // not JSON: keep the text
  }
  return summary.replace(/\s+/g, ' ').slice(0, DETAIL_LIMIT);
}

function retryAfter(headers: Headers): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function connectionCause(error: APIConnectionError): string {
  const cause = error.cause as (Error & { code?: string; cause?: { code?: string } }) | undefined;
  return cause?.code ?? cause?.cause?.code ?? cause?.message ?? error.message;
}
