import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Settings } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import {
  CHAT_SSE,
  ClientAbortError,
  forward,
  RESPONSES_SSE,
  type SseDialect,
  readText,
  pipeBody,
  sendWhole,
  relayBody,
  UpstreamTimeoutError,
  type StreamOutcome,
  UpstreamUnreachableError,
  type UpstreamReply,
} from './forward.js';
import { OpenAiError, unavailable, upstreamMessage } from './openai-error.js';
import type { GatewayStats } from './stats.js';
import type { RequestUsage } from '../usage/usage-meter.js';
import { usageTap } from './usage-tap.js';
import { SwapQueue, type SwapState } from './swap-queue.js';
import { resolveUpstream, type Upstream, type UpstreamKind } from './upstreams.js';
import { LeasedError } from '../leases/lease-service.js';

export interface GatewayDeps {
  settings: () => Settings;
  swaps: SwapState & { start?(modelId: string, actor: string): Promise<unknown> };
  /** Finds the catalog model a request names (for `swapOnRequest`). */
  catalog?: { byServedName(name: string): { id: string } | undefined };
  stats?: GatewayStats | undefined;
  log: Logger;
}

export interface RelayRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | Readable | undefined;
  signal?: AbortSignal | undefined;
}

const LABEL: Record<UpstreamKind, string> = {
  vllm: 'vLLM',
  parakeet: 'speech-to-text (parakeet)',
  kokoro: 'text-to-speech (Kokoro)',
  embeddings: 'embeddings (TEI)',
  qdrant: 'Qdrant',
};

/** Response headers passed through from an upstream. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'x-download-path'];

/**
 * The OpenAI-compatible gateway: routes each request to the Spark service the settings name,
 * holds LLM requests while a swap runs, and turns every upstream failure into OpenAI's error shape.
 */
export class GatewayService {
  readonly queue: SwapQueue;

  constructor(private readonly deps: GatewayDeps) {
    this.queue = new SwapQueue(
      deps.swaps,
      () => deps.settings().gateway,
      (outcome, waitedMs) => deps.stats?.queue(outcome, waitedMs),
    );
  }

  upstream(kind: UpstreamKind): Upstream {
    const upstream = resolveUpstream(this.deps.settings(), kind);
    if (!upstream) {
      throw new OpenAiError(
        503,
        `no ${LABEL[kind]} service is configured or enabled`,
        'service_not_configured',
        {
          headers: { 'Retry-After': '60' },
        },
      );
    }
    return upstream;
  }

  timeoutMs(): number {
    return this.deps.settings().gateway.upstreamTimeoutSec * 1000;
  }

  /** Sends a request to `kind` and returns the upstream reply, or throws an OpenAiError. */
  async call(
    kind: UpstreamKind,
    request: RelayRequest,
    timeoutMs = this.timeoutMs(),
  ): Promise<UpstreamReply> {
    const upstream = this.upstream(kind);
    try {
      return await forward({ upstream, timeoutMs, ...request });
    } catch (error) {
      throw this.#transportError(kind, error);
    }
  }

  /**
   * Passes a request through to `kind`; non-2xx answers become OpenAI errors. With `usage`, the
   * request is metered as going to `kind`, and a JSON answer's `usage` is counted.
   */
  async relay(
    kind: UpstreamKind,
    request: RelayRequest,
    outgoing?: ServerResponse,
    usage?: RequestUsage,
  ): Promise<Response> {
    if (usage) usage.placement = kind;
    const reply = await this.call(kind, request);
    if (reply.status >= 400) throw await this.upstreamError(kind, reply);
    return this.response(kind, reply, outgoing, { usage });
  }

  /** Embeddings: a model this key may not use is one that does not exist. */
  async embeddings(
    raw: Buffer,
    signal: AbortSignal | undefined,
    outgoing?: ServerResponse,
    usage?: RequestUsage,
  ) {
    const { model } = parseRequest(raw);
    if (usage && model !== undefined) {
      usage.model = model;
      if (!usage.allows(model)) throw doesNotExist(model);
    }
    return this.relay(
      'embeddings',
      {
        method: 'POST',
        path: '/v1/embeddings',
        headers: { 'content-type': 'application/json', 'content-length': String(raw.length) },
        body: raw,
        signal,
      },
      outgoing,
      usage,
    );
  }

  /**
   * Chat and text completions and responses: wait out a running swap (bounded), forward, and
   * explain a model that is not served. A refused connection during a swap that began meanwhile
   * waits as well.
   */
  async completion(
    path: CompletionPath,
    received: Buffer,
    signal: AbortSignal | undefined,
    outgoing?: ServerResponse,
    usage?: RequestUsage,
  ): Promise<Response> {
    const request = parseRequest(received);
    const model = request.model;
    let raw = received;
    let stripUsage = false;
    if (usage) {
      usage.model = model ?? '';
      if (usage.models !== null) {
        if (model === undefined) {
          throw new OpenAiError(400, 'you must provide a model parameter', null, { param: 'model' });
        }
        if (!usage.allows(model)) throw notLoaded(model, await this.#servedTo(usage, signal));
      }
      // Streams carry no token counts unless asked; the usage chunk is taken out again on the way back.
      if (request.stream && !request.includeUsage && path !== '/v1/responses') {
        raw = withIncludeUsage(received, request.streamOptions);
        stripUsage = true;
      }
    }
    await this.queue.wait(signal);
    let swapStarted = false;
    for (let attempt = 0; ; attempt += 1) {
      let reply: UpstreamReply;
      try {
        reply = await forward({
          upstream: this.upstream('vllm'),
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', 'content-length': String(raw.length) },
          body: raw,
          signal,
          timeoutMs: this.timeoutMs(),
        });
      } catch (error) {
        if (error instanceof UpstreamUnreachableError && this.deps.swaps.isSwapping() && attempt < 2) {
          await this.queue.wait(signal);
          continue;
        }
        throw this.#transportError('vllm', error);
      }
      if (reply.status === 404 && model !== undefined) {
        const text = await readText(reply);
        const served = await this.servedModels(signal);
        if (served.includes(model)) throw upstreamFailure('vllm', 404, text);
        if (!swapStarted && attempt < 2 && (await this.#swapOnRequest(model))) {
          swapStarted = true;
          await this.queue.wait(signal);
          continue;
        }
        throw notLoaded(model, usage ? served.filter((name) => usage.allows(name)) : served);
      }
      if (reply.status >= 400) throw await this.upstreamError('vllm', reply);
      return this.response('vllm', reply, outgoing, {
        dialect: path === '/v1/responses' ? RESPONSES_SSE : CHAT_SSE,
        usage,
        stripUsage,
      });
    }
  }

  /** `/v1/models` of vLLM, after any running swap; a key limited to models sees only those. */
  async models(
    signal: AbortSignal | undefined,
    outgoing?: ServerResponse,
    usage?: RequestUsage,
  ): Promise<Response> {
    await this.queue.wait(signal);
    const request = { method: 'GET', path: '/v1/models', headers: {}, signal };
    if (!usage || usage.models === null) return this.relay('vllm', request, outgoing, usage);
    const reply = await this.call('vllm', request);
    if (reply.status >= 400) throw await this.upstreamError('vllm', reply);
    const list = JSON.parse(await wholeJson('vllm', reply)) as { data?: { id?: unknown }[] };
    return Response.json({
      ...list,
      data: (list.data ?? []).filter((entry) => usage.allows(String(entry.id))),
    });
  }

  /** One entry of vLLM's `/v1/models`, as OpenAI's "retrieve model" answers it. */
  async model(id: string, signal: AbortSignal | undefined, usage?: RequestUsage): Promise<Response> {
    if (usage) usage.model = id;
    await this.queue.wait(signal);
    const reply = await this.call('vllm', { method: 'GET', path: '/v1/models', headers: {}, signal });
    if (reply.status >= 400) throw await this.upstreamError('vllm', reply);
    const list = JSON.parse(await wholeJson('vllm', reply)) as { data?: { id?: unknown }[] };
    const entry = (list.data ?? []).find((candidate) => candidate.id === id);
    if (!entry || (usage && !usage.allows(id))) throw doesNotExist(id);
    return Response.json(entry);
  }

  /** The served models a key may see. */
  async #servedTo(usage: RequestUsage, signal: AbortSignal | undefined): Promise<string[]> {
    return (await this.servedModels(signal)).filter((name) => usage.allows(name));
  }

  /** The model names vLLM serves now (empty when it does not answer). */
  async servedModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const reply = await this.call('vllm', { method: 'GET', path: '/v1/models', headers: {}, signal }, 5000);
      const text = await readText(reply);
      if (reply.status !== 200) return [];
      const body = JSON.parse(text) as { data?: { id?: unknown }[] };
      return (body.data ?? []).map((entry) => String(entry.id));
    } catch {
      return [];
    }
  }

  /**
   * A relay of an upstream reply, with its content headers. Streams (SSE, audio) are passed on as
   * they come: written straight onto node's `outgoing` response when the server hands it over, else
   * as a web stream. A JSON body is read whole first and must parse: a 200 whose body was cut off
   * becomes a 502, never a 200 with half an answer.
   */
  async response(
    kind: UpstreamKind,
    reply: UpstreamReply,
    outgoing?: ServerResponse,
    options: { dialect?: SseDialect; usage?: RequestUsage | undefined; stripUsage?: boolean } = {},
  ): Promise<Response> {
    const { dialect = CHAT_SSE, usage } = options;
    const headers = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = reply.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(headers.get('content-type') ?? '')) {
      const json = await wholeJson(kind, reply, usage);
      if (outgoing) return sendWhole(outgoing, reply.status, headers, json);
      return new Response(json, { status: reply.status, headers });
    }
    const sse = /^text\/event-stream/i.test(headers.get('content-type') ?? '') ? dialect : undefined;
    if (sse) {
      headers.set('cache-control', 'no-cache');
      headers.set('x-accel-buffering', 'no');
    }
    const stats = this.deps.stats;
    usage?.streamStarted();
    const onEnd = (outcome: StreamOutcome) => {
      stats?.stream(outcome);
      usage?.streamEnded();
    };
    const tap = sse && usage ? usageTap(usage, options.stripUsage === true) : undefined;
    if (outgoing) return pipeBody(reply, outgoing, headers, { sse, onEnd, tap });
    return new Response(relayBody(reply, { sse, onEnd, tap }), { status: reply.status, headers });
  }

  async upstreamError(kind: UpstreamKind, reply: UpstreamReply): Promise<OpenAiError> {
    let text = '';
    try {
      text = await readText(reply, 64 * 1024);
    } catch {
      // a body we cannot read still has a status
    }
    const retryAfter = reply.headers['retry-after'];
    const passed =
      (reply.status === 429 || reply.status === 503) &&
      typeof retryAfter === 'string' &&
      RETRY_AFTER.test(retryAfter)
        ? { 'Retry-After': retryAfter }
        : undefined;
    return upstreamFailure(kind, reply.status, text, passed);
  }

  async #swapOnRequest(model: string): Promise<boolean> {
    if (!this.deps.settings().gateway.swapOnRequest || !this.deps.swaps.start) return false;
    const target = this.deps.catalog?.byServedName(model);
    if (!target) return false;
    try {
      await this.deps.swaps.start(target.id, 'gateway');
      this.deps.log.info({ modelId: target.id }, 'gateway started a swap for a requested model');
    } catch (error) {
      // A lease holds the served model: say so rather than "not loaded".
      if (error instanceof LeasedError) {
        throw new OpenAiError(
          409,
          `The model \`${model}\` is not loaded: ${error.message}.`,
          'model_leased',
          {
            param: 'model',
            type: 'invalid_request_error',
          },
        );
      }
      // Another swap may have started meanwhile; waiting for it is still right.
      if (!this.deps.swaps.isSwapping()) {
        this.deps.log.warn({ err: error, modelId: target.id }, 'gateway could not start a swap');
        return false;
      }
    }
    return true;
  }

  #transportError(kind: UpstreamKind, error: unknown): Error {
    if (error instanceof OpenAiError || error instanceof ClientAbortError) return error;
    if (error instanceof UpstreamTimeoutError) {
      return new OpenAiError(
        504,
        `${LABEL[kind]} did not answer within ${error.timeoutMs / 1000} s`,
        'upstream_timeout',
      );
    }
    if (error instanceof UpstreamUnreachableError) {
      if (kind === 'vllm' && this.deps.swaps.isSwapping()) {
        return unavailable('the model is being swapped; try again shortly', 10);
      }
      return unavailable(
        `${LABEL[kind]} is not answering (${error.code}); try again shortly`,
        10,
        'upstream_unavailable',
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

export type CompletionPath = '/v1/chat/completions' | '/v1/completions' | '/v1/responses';

/** Seconds or an HTTP date; anything else is not passed on. */
const RETRY_AFTER = /^(?:\d{1,9}|[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

function upstreamFailure(
  kind: UpstreamKind,
  status: number,
  text: string,
  headers?: Record<string, string>,
): OpenAiError {
  const message = upstreamMessage(text, `${LABEL[kind]} answered ${status}`);
  // vLLM's dead engine answers 500 with an empty body; the caller sees a bad gateway. FastAPI's
  // validation failures (422) are what OpenAI calls a 400 invalid_request_error.
  const mapped = status >= 500 ? 502 : status === 422 ? 400 : status;
  return new OpenAiError(
    mapped,
    status >= 500 ? `${LABEL[kind]} failed (${status}): ${message}` : message,
    null,
    {
      type: status >= 500 ? 'upstream_error' : undefined,
      ...(headers ? { headers } : {}),
    },
  );
}

/** The largest JSON answer relayed (a long completion with logprobs stays far below). */
const JSON_REPLY_LIMIT = 64 * 1024 * 1024;

/** A JSON reply read whole (its `usage` counted); 502 when it is cut off, too large or does not parse. */
async function wholeJson(kind: UpstreamKind, reply: UpstreamReply, usage?: RequestUsage): Promise<string> {
  let text: string;
  try {
    text = await readText(reply, JSON_REPLY_LIMIT);
  } catch (error) {
    throw malformed(kind, `its answer broke off (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed(kind, 'its answer is not valid JSON (cut off?)');
  }
  if (usage && typeof parsed === 'object' && parsed !== null) {
    usage.countTokens((parsed as { usage?: unknown }).usage);
  }
  return text;
}

function malformed(kind: UpstreamKind, detail: string): OpenAiError {
  return new OpenAiError(502, `${LABEL[kind]} failed: ${detail}`, 'upstream_malformed', {
    type: 'upstream_error',
  });
}

/** A model that does not exist, as OpenAI's "retrieve model" says it. */
function doesNotExist(model: string): OpenAiError {
  return new OpenAiError(404, `The model \`${model}\` does not exist.`, 'model_not_found', {
    param: 'model',
    type: 'invalid_request_error',
  });
}

/** A completion for a model vLLM does not serve (or this key may not use). */
function notLoaded(model: string, served: readonly string[]): OpenAiError {
  return new OpenAiError(
    404,
    `The model \`${model}\` is not loaded. Served: ${served.length > 0 ? served.map((name) => `\`${name}\``).join(', ') : 'none'}.`,
    'model_not_found',
    { param: 'model' },
  );
}

interface ParsedRequest {
  model: string | undefined;
  stream: boolean;
  includeUsage: boolean;
  streamOptions: unknown;
}

/** The fields of a JSON request body the gateway acts on; 400 when it is not a JSON object. */
export function parseRequest(raw: Buffer): ParsedRequest {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new OpenAiError(400, 'body is not valid JSON', 'invalid_json');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OpenAiError(400, 'body must be a JSON object', 'invalid_request');
  }
  const { model, stream, stream_options: streamOptions } = body as Record<string, unknown>;
  if (model !== undefined && typeof model !== 'string') {
    throw new OpenAiError(400, '`model` must be a string', 'invalid_request', { param: 'model' });
  }
  const includeUsage =
    typeof streamOptions === 'object' &&
    streamOptions !== null &&
    (streamOptions as { include_usage?: unknown }).include_usage === true;
  return { model, stream: stream === true, includeUsage, streamOptions };
}

/**
 * The request with `stream_options.include_usage` set. When the client sent no `stream_options`,
 * the field is put in front of the others, so the rest of the body goes on byte for byte.
 */
function withIncludeUsage(raw: Buffer, streamOptions: unknown): Buffer {
  if (streamOptions === undefined) {
    const open = raw.indexOf('{');
    return Buffer.concat([
      raw.subarray(0, open + 1),
      Buffer.from('"stream_options":{"include_usage":true},'),
      raw.subarray(open + 1),
    ]);
  }
  const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  const options = typeof streamOptions === 'object' && streamOptions !== null ? streamOptions : {};
  return Buffer.from(JSON.stringify({ ...body, stream_options: { ...options, include_usage: true } }));
}
