import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * Small OpenAI-compatible endpoints for the router tests, following nvidia-nim.md (RFC-7807
 * errors, Bearer nvapi- keys, gated models → 404 detail) and vllm-openai.md (one served model,
 * `{"error":{…}}` bodies). Replies are scripted like the simulator's: a user-message line
 * `SIM_REPLY: <text>` (a JSON string literal is decoded), `SIM_FINISH: length`, plus
 * `SIM_REASK_REPLY: <text>` for the answer to a re-ask. `@@TOKEN@@` in a reply becomes the
 * first redaction token (`[[TYPE_n_nonce]]`) the request carried.
 */
export interface FakeFault {
  mode: 'status' | 'hang';
  status?: number;
  retryAfterSec?: number;
  /** Apply to this many requests, then clear; unlimited when absent. */
  count?: number;
}

export interface ReceivedChat {
  model: string;
  body: Record<string, unknown>;
  raw: string;
}

export interface FakeEndpoint {
  baseUrl: string;
  received: ReceivedChat[];
  /** Faults by model id (`*` for every model). */
  faults: Map<string, FakeFault>;
  close(): Promise<void>;
}

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The bodies nvidia-nim.md records for these statuses. */
const DETAILS: Record<number, string> = {
  401: 'Header of type `authorization` was missing',
  403: 'Authorization failed',
};

interface Message {
  role: string;
  content: string;
}

export async function startFakeEndpoint(options: {
  flavor: 'nvidia' | 'vllm';
  models: string[];
  apiKey?: string;
}): Promise<FakeEndpoint> {
  const received: ReceivedChat[] = [];
  const faults = new Map<string, FakeFault>();
  const app = new Hono();
  const problem = (status: number, title: string, detail?: string) =>
    options.flavor === 'nvidia'
      ? Response.json({ status, title, ...(detail ? { detail } : {}) }, { status })
      : Response.json(
          { error: { message: detail ?? title, type: title, param: null, code: status } },
          { status },
        );

  app.use('/v1/*', async (c, next) => {
    if (options.flavor === 'vllm' && !options.apiKey) return next();
    const header = c.req.header('authorization');
    if (!header?.startsWith('Bearer '))
      return problem(401, 'Unauthorized', 'Header of type `authorization` was missing');
    const key = header.slice('Bearer '.length);
    if (options.apiKey ? key !== options.apiKey : !key.startsWith('nvapi-'))
      return problem(403, 'Forbidden', 'Authorization failed');
    return next();
  });
  app.get('/v1/models', (c) =>
    c.json({
      object: 'list',
      data: options.models.map((id) => ({ id, object: 'model', created: 1_763_000_000, owned_by: 'fake' })),
    }),
  );
  app.post('/v1/chat/completions', async (c) => {
    const raw = await c.req.text();
    const body = JSON.parse(raw) as Record<string, unknown>;
    const model = String(body.model);
    received.push({ model, body, raw });
    const fault = faults.get(model) ?? faults.get('*');
    if (fault) {
      if (fault.count !== undefined) {
        fault.count -= 1;
        if (fault.count <= 0) faults.delete(faults.has(model) ? model : '*');
      }
      if (fault.mode === 'hang') return new Promise<Response>(() => undefined);
      const status = fault.status ?? 500;
      const response = problem(status, REASONS[status] ?? 'Error', DETAILS[status]);
      if (fault.retryAfterSec !== undefined) response.headers.set('retry-after', String(fault.retryAfterSec));
      return response;
    }
    if (!options.models.includes(model)) {
      return options.flavor === 'nvidia'
        ? Response.json({ detail: `Function 'fn-0000': Not found for account 'fake'` }, { status: 404 })
        : problem(404, 'NotFoundError', `The model \`${model}\` does not exist.`);
    }
    const messages = body.messages as Message[];
    const users = messages.filter((message) => message.role === 'user').map((message) => message.content);
    const isReask = messages.some((message) => message.role === 'assistant');
    const script = users.join('\n');
    const reply = scripted(script, isReask ? 'SIM_REASK_REPLY' : 'SIM_REPLY') ?? '{}';
    const token = /\[\[[A-Z]+_\d+_[a-z0-9]+\]\]/.exec(script)?.[0] ?? '';
    const finish = !isReask && scripted(script, 'SIM_FINISH') === 'length' ? 'length' : 'stop';
    return c.json({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_763_000_000,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.replaceAll('@@TOKEN@@', token),
            reasoning_content: null,
          },
          logprobs: null,
          finish_reason: finish,
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  });

  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        (server as ServerType & { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function scripted(text: string, key: string): string | undefined {
  const line = new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1];
  if (line === undefined) return undefined;
  if (line.startsWith('"')) {
    try {
      return JSON.parse(line) as string;
    } catch {
      return line;
    }
  }
  return line;
}
