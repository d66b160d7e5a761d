import { DEFAULT_PLACEMENT_ID, type LeaseView, type ModelDef } from '@spark-control/schema';
import type { Logger } from '../../adapters/logger.js';
import { readText, type UpstreamResponse } from '../../adapters/upstream/client.js';
import { UpstreamUnreachableError } from '../../adapters/upstream/errors.js';
import { DomainError } from '../domain-error.js';
import { PlacementDirectory } from '../placements/placement-directory.js';
import type { RequestUsage } from '../usage/usage-meter.js';
import { doesNotExist, notLoaded, transportFailure, upstreamFailure } from './failures.js';
import type { EventDialect, GatewayReply } from './reply.js';
import { jsonPost, jsonReply, wholeJson } from './json-bodies.js';
import { parseRequest, withIncludeUsage } from './request-json.js';
import { LlmRouting, namesFor } from './llm-routing.js';
import { type ListedModel, ModelRoutes } from './model-routes.js';
import { PlacementActivity } from './placement-activity.js';
import { servedByPlacement, SwapChoices } from './swap-choice.js';
import { SwapQueue } from './swap-queue.js';
import { UpstreamRelay, type UpstreamRelayDeps } from './upstream-relay.js';

export interface GatewayDeps extends UpstreamRelayDeps {
  /** The placements in force (one on the settings when absent). */
  placements?: PlacementDirectory;
  /** Finds the catalog model a request names (for `swapOnRequest` and where it may run). */
  catalog?: { byServedName(name: string): Pick<ModelDef, 'id' | 'tensorParallel'> | undefined };
  /** Requests in flight and last use per placement (a fresh one when absent). */
  activity?: PlacementActivity;
  /** Leases hold their model against a swap on request. */
  leases?: { active(): LeaseView[] } | undefined;
  log: Logger;
}

/**
 * The OpenAI-compatible gateway's decisions: which placement an LLM request goes to (the one serving
 * its model), whether it waits out a running swap, and what `/v1/models` lists. Forwarding to a Spark
 * service and shaping its answer is `UpstreamRelay`'s. Every failure is a DomainError; the OpenAI edge
 * shapes and writes both.
 */
export class GatewayService extends UpstreamRelay {
  readonly queue: SwapQueue;
  /** Which placement serves which model, with configured placements. */
  readonly routes: ModelRoutes;
  readonly activity: PlacementActivity;
  private readonly routing: LlmRouting;

  constructor(private readonly deps: GatewayDeps) {
    super(deps);
    this.queue = new SwapQueue({
      swaps: deps.swaps,
      limits: () => deps.settings.current.gateway,
      onOutcome: (outcome, waitedMs) => deps.stats?.queue(outcome, waitedMs),
    });
    const placements = deps.placements ?? new PlacementDirectory({ settings: deps.settings });
    this.routes = new ModelRoutes({
      settings: deps.settings,
      directory: placements,
      upstream: deps.upstream,
      swaps: deps.swaps,
    });
    this.activity = deps.activity ?? new PlacementActivity();
    const choices = new SwapChoices({
      ...deps,
      placements,
      activity: this.activity,
      catalog: deps.catalog ?? { byServedName: () => undefined },
      served: () => this.servedByPlacement(),
    });
    this.routing = new LlmRouting({ ...deps, queue: this.queue, routes: this.routes, placements, choices });
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
    usage?: RequestUsage,
  ): Promise<GatewayReply> {
    const request = parseRequest(received);
    const model = request.model;
    let raw = received;
    let stripUsage = false;
    if (usage) {
      usage.model = model ?? '';
      if (usage.models !== null) {
        if (model === undefined) {
          throw new DomainError('BAD_REQUEST', 'you must provide a model parameter', { param: 'model' });
        }
        if (!usage.allows(model)) throw notLoaded(model, await this.#servedTo(usage, signal));
      }
      // Streams carry no token counts unless asked; the usage chunk is taken out again on the way back.
      if (request.stream && !request.includeUsage && path !== '/v1/responses') {
        raw = withIncludeUsage(received, request.streamOptions);
        stripUsage = true;
      }
    }
    const events: EventDialect = path === '/v1/responses' ? 'responses' : 'chat';
    if (this.routes.configured()) {
      if (model === undefined) {
        throw new DomainError('BAD_REQUEST', 'you must provide a model parameter', { param: 'model' });
      }
      return this.activity.track((sentTo) =>
        this.#routedCompletion(path, raw, model, signal, { events, usage, stripUsage, sentTo }),
      );
    }
    return this.activity.track((sentTo) =>
      this.#defaultCompletion(path, raw, model, signal, { events, usage, stripUsage, sentTo }),
    );
  }

  /** A completion with the default layout: the single vLLM service, as before placements. */
  async #defaultCompletion(
    path: CompletionPath,
    raw: Buffer,
    model: string | undefined,
    signal: AbortSignal | undefined,
    options: CompletionOptions,
  ): Promise<GatewayReply> {
    const { usage } = options;
    if (usage) usage.placement = DEFAULT_PLACEMENT_ID;
    await this.queue.wait(signal);
    let swapStarted = false;
    for (let attempt = 0; ; attempt += 1) {
      let response: UpstreamResponse;
      options.sentTo(DEFAULT_PLACEMENT_ID);
      try {
        response = await this.send('vllm', jsonPost(path, raw, signal), this.timeoutMs());
      } catch (error) {
        if (error instanceof UpstreamUnreachableError && this.deps.swaps.isSwapping() && attempt < 2) {
          await this.queue.wait(signal);
          continue;
        }
        throw transportFailure('vllm', error, this.deps.swaps.isSwapping());
      }
      if (response.status === 404 && model !== undefined) {
        const text = await readText(response.body);
        const served = await this.servedModels(signal);
        if (served.includes(model)) throw upstreamFailure('vllm', 404, text);
        options.sentTo(null);
        if (!swapStarted && attempt < 2 && (await this.routing.swapOnRequest(model))) {
          swapStarted = true;
          await this.queue.wait(signal);
          continue;
        }
        throw notLoaded(model, usage ? served.filter((name) => usage.allows(name)) : served);
      }
      if (response.status >= 400) throw await this.upstreamError('vllm', response);
      return this.reply('vllm', response, options);
    }
  }

  /**
   * A completion with configured placements: to the placement serving `model`. A route that
   * answers 404 (its placement swapped meanwhile) is looked up again, once or twice.
   */
  async #routedCompletion(
    path: CompletionPath,
    raw: Buffer,
    model: string,
    signal: AbortSignal | undefined,
    options: CompletionOptions,
  ): Promise<GatewayReply> {
    const { usage } = options;
    const swap = { started: false };
    let route = await this.routing.placementFor(model, signal, usage, swap);
    for (let attempt = 0; ; attempt += 1) {
      let response: UpstreamResponse;
      options.sentTo(route.placementId);
      try {
        response = await this.deps.upstream.request({
          origin: route.origin,
          timeoutMs: this.timeoutMs(),
          ...jsonPost(path, raw, signal),
        });
      } catch (error) {
        const swapping = this.deps.swaps.isSwapping(route.placementId);
        if (error instanceof UpstreamUnreachableError && swapping && attempt < 2) {
          options.sentTo(null);
          route = await this.routing.placementFor(model, signal, usage, swap);
          continue;
        }
        throw transportFailure('vllm', error, swapping);
      }
      if (response.status === 404) {
        const text = await readText(response.body);
        this.routes.invalidate();
        const snapshot = await this.routes.refresh();
        if (snapshot.byName.get(model)?.placementId === route.placementId) {
          throw upstreamFailure('vllm', 404, text);
        }
        if (attempt < 2) {
          options.sentTo(null);
          route = await this.routing.placementFor(model, signal, usage, swap);
          continue;
        }
        throw notLoaded(model, namesFor(snapshot, usage));
      }
      if (response.status >= 400) throw await this.upstreamError('vllm', response);
      return this.reply('vllm', response, options);
    }
  }

  /**
   * `/v1/models`: vLLM's own, after any running swap; with configured placements, every model each
   * placement serves now, with its `placement`. A key limited to models sees only those.
   */
  async models(signal: AbortSignal | undefined, usage?: RequestUsage): Promise<GatewayReply> {
    if (this.routes.configured()) {
      const listed = await this.#listed();
      const data = usage && usage.models !== null ? listed.filter((entry) => usage.allows(entry.id)) : listed;
      return jsonReply({ object: 'list', data });
    }
    await this.queue.wait(signal);
    const request = { method: 'GET', path: '/v1/models', headers: {}, signal };
    if (!usage || usage.models === null) return this.relay('vllm', request, usage);
    const list = await this.#modelList(signal);
    return jsonReply({ ...list, data: (list.data ?? []).filter((entry) => usage.allows(String(entry.id))) });
  }

  /** One entry of vLLM's `/v1/models`, as OpenAI's "retrieve model" answers it. */
  async model(id: string, signal: AbortSignal | undefined, usage?: RequestUsage): Promise<GatewayReply> {
    if (usage) usage.model = id;
    if (this.routes.configured()) {
      const entry = (await this.#listed()).find((candidate) => candidate.id === id);
      if (!entry || (usage && !usage.allows(id))) throw doesNotExist(id);
      return jsonReply(entry);
    }
    await this.queue.wait(signal);
    const list = await this.#modelList(signal);
    const entry = (list.data ?? []).find((candidate) => candidate.id === id);
    if (!entry || (usage && !usage.allows(id))) throw doesNotExist(id);
    return jsonReply(entry);
  }

  async #modelList(signal: AbortSignal | undefined): Promise<{ data?: { id?: unknown }[] }> {
    const response = await this.call('vllm', { method: 'GET', path: '/v1/models', headers: {}, signal });
    if (response.status >= 400) throw await this.upstreamError('vllm', response);
    return JSON.parse(await wholeJson('vllm', response)) as { data?: { id?: unknown }[] };
  }

  /** Every placement's models, asked now; the first failure when no placement answers. */
  async #listed(): Promise<readonly ListedModel[]> {
    const snapshot = await this.routes.refresh();
    const [first] = snapshot.failures;
    if (snapshot.allFailed && first) {
      throw transportFailure('vllm', first.error, this.deps.swaps.isSwapping(first.placementId));
    }
    return snapshot.models;
  }

  /** The served models a key may see. */
  async #servedTo(usage: RequestUsage, signal: AbortSignal | undefined): Promise<string[]> {
    return (await this.servedModels(signal)).filter((name) => usage.allows(name));
  }

  /** The model names each placement serves now (a placement that does not answer is left out). */
  async servedByPlacement(): Promise<Map<string, string[]>> {
    if (this.routes.configured()) return servedByPlacement(await this.routes.refresh());
    return new Map([[DEFAULT_PLACEMENT_ID, await this.servedModels()]]);
  }

  /** The model names vLLM (every placement) serves now (empty when it does not answer). */
  async servedModels(signal?: AbortSignal): Promise<string[]> {
    if (this.routes.configured()) return namesFor(await this.routes.refresh(), undefined);
    try {
      const response = await this.call(
        'vllm',
        { method: 'GET', path: '/v1/models', headers: {}, signal },
        5000,
      );
      const text = await readText(response.body);
      if (response.status !== 200) return [];
      const body = JSON.parse(text) as { data?: { id?: unknown }[] };
      return (body.data ?? []).map((entry) => String(entry.id));
    } catch {
      return [];
    }
  }
}

export type CompletionPath = '/v1/chat/completions' | '/v1/completions' | '/v1/responses';

interface CompletionOptions {
  events: EventDialect;
  usage: RequestUsage | undefined;
  stripUsage: boolean;
  /** Marks the request in flight on the placement it is sent to (null: on none while it waits). */
  sentTo: (placementId: string | null) => void;
}
