import type { Readable } from 'node:stream';
import {
  originOf,
  readText,
  type UpstreamClient,
  type UpstreamResponse,
} from '../../adapters/upstream/client.js';
import { DomainError } from '../domain-error.js';
import type { SettingsSource } from '../settings-source.js';
import type { RequestUsage } from '../usage/usage-meter.js';
import { doesNotExist, LABEL, retryAfterSec, transportFailure, upstreamFailure } from './failures.js';
import { jsonPost, wholeJson } from './json-bodies.js';
import type { EventDialect, GatewayReply, StreamOutcome } from './reply.js';
import { parseRequest } from './request-json.js';
import type { GatewayStats } from './stats.js';
import type { SwapState } from './swap-queue.js';
import { resolveUpstream, type Upstream, type UpstreamKind } from './upstreams.js';
import { usageTap } from './usage-tap.js';

export interface UpstreamRelayDeps {
  settings: SettingsSource;
  upstream: UpstreamClient;
  swaps: SwapState;
  stats?: GatewayStats | undefined;
}

export interface RelayRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | Readable | undefined;
  signal?: AbortSignal | undefined;
}

/** Response headers passed through from an upstream. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'x-download-path'];
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * Forwarding a request to the configured Spark service of a kind and shaping its answer: a checked
 * JSON body, or a stream to relay. Every failure is a DomainError. Which placement an LLM request
 * goes to is the gateway's (`gateway-service.ts`).
 */
export class UpstreamRelay {
  constructor(private readonly relayDeps: UpstreamRelayDeps) {}

  upstream(kind: UpstreamKind): Upstream {
    const upstream = resolveUpstream(this.relayDeps.settings.current, kind);
    if (!upstream) {
      throw new DomainError('UNAVAILABLE', `no ${LABEL[kind]} service is configured or enabled`, {
        retryAfterSec: 60,
        openAiCode: 'service_not_configured',
      });
    }
    return upstream;
  }

  timeoutMs(): number {
    return this.relayDeps.settings.current.gateway.upstreamTimeoutSec * 1000;
  }

  /** Sends a request to `kind` and returns the upstream's answer, unread; failures are DomainErrors. */
  async call(
    kind: UpstreamKind,
    request: RelayRequest,
    timeoutMs = this.timeoutMs(),
  ): Promise<UpstreamResponse> {
    try {
      return await this.send(kind, request, timeoutMs);
    } catch (error) {
      throw transportFailure(kind, error, this.relayDeps.swaps.isSwapping());
    }
  }

  /** Sends a request to `kind`; a transport failure is thrown as it is. */
  protected send(kind: UpstreamKind, request: RelayRequest, timeoutMs: number): Promise<UpstreamResponse> {
    const { host, port } = this.upstream(kind);
    return this.relayDeps.upstream.request({ origin: originOf(host, port), timeoutMs, ...request });
  }

  /**
   * Passes a request through to `kind`; non-2xx answers become errors. With `usage`, the request
   * is metered as going to `kind`, and a JSON answer's `usage` is counted.
   */
  async relay(kind: UpstreamKind, request: RelayRequest, usage?: RequestUsage): Promise<GatewayReply> {
    if (usage) usage.placement = kind;
    const response = await this.call(kind, request);
    if (response.status >= 400) throw await this.upstreamError(kind, response);
    return this.reply(kind, response, { usage });
  }

  /** Embeddings: a model this key may not use is one that does not exist. */
  async embeddings(
    raw: Buffer,
    signal: AbortSignal | undefined,
    usage?: RequestUsage,
  ): Promise<GatewayReply> {
    const { model } = parseRequest(raw);
    if (usage && model !== undefined) {
      usage.model = model;
      if (!usage.allows(model)) throw doesNotExist(model);
    }
    return this.relay('embeddings', jsonPost('/v1/embeddings', raw, signal), usage);
  }

  /**
   * The answer to an upstream's 2xx, with its content headers. A JSON body is read whole first and
   * must parse: a 200 whose body was cut off becomes a 502, never a 200 with half an answer.
   * Anything else (SSE, audio) is relayed as it comes.
   */
  async reply(
    kind: UpstreamKind,
    response: UpstreamResponse,
    options: { events?: EventDialect; usage?: RequestUsage | undefined; stripUsage?: boolean } = {},
  ): Promise<GatewayReply> {
    const { usage } = options;
    const headers: Record<string, string> = {};
    for (const name of PASSED_HEADERS) {
      const value = response.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const type = headers['content-type'] ?? '';
    if (JSON_TYPE.test(type)) {
      return {
        kind: 'whole',
        status: response.status,
        headers,
        body: await wholeJson(kind, response, usage),
      };
    }
    const events = /^text\/event-stream/i.test(type) ? (options.events ?? 'chat') : undefined;
    const stats = this.relayDeps.stats;
    usage?.streamStarted();
    return {
      kind: 'stream',
      status: response.status,
      headers,
      body: response.body,
      events,
      tap: events && usage ? usageTap(usage, options.stripUsage === true) : undefined,
      onEnd: (outcome: StreamOutcome) => {
        stats?.stream(outcome);
        usage?.streamEnded();
      },
    };
  }

  async upstreamError(kind: UpstreamKind, response: UpstreamResponse): Promise<DomainError> {
    let text = '';
    try {
      text = await readText(response.body, 64 * 1024);
    } catch {
      // a body we cannot read still has a status
    }
    const passed =
      response.status === 429 || response.status === 503
        ? retryAfterSec(response.headers['retry-after'])
        : undefined;
    return upstreamFailure(kind, response.status, text, passed);
  }
}
