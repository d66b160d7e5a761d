import { Hono, type Context } from 'hono';
import {
  consoleLog,
  faultMiddleware,
  jsonResponse,
  serveApp,
  type Env,
  type RunningService,
  type ServiceOptions,
} from './http.js';
import { cosine, denseVector, sparseVector, textTokens, DENSE_DIM } from './vectors.js';

interface TeiConfig {
  modelId: string;
  maxInputLength: number;
  maxBatchTokens: number;
  maxClientBatchSize: number;
  autoTruncate: boolean;
  payloadLimit: number;
  apiKey: string | undefined;
}

/** TEI's launcher flags that matter here; others are accepted and ignored. */
export function parseTeiArgs(args: string[]): TeiConfig {
  const get = (flag: string) => {
    const at = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (at < 0) return undefined;
    const token = args[at] ?? '';
    return token.includes('=') ? token.slice(token.indexOf('=') + 1) : args[at + 1];
  };
  return {
    modelId: get('--model-id') ?? 'BAAI/bge-m3',
    maxInputLength: 8192,
    maxBatchTokens: Number(get('--max-batch-tokens') ?? 16384),
    maxClientBatchSize: Number(get('--max-client-batch-size') ?? 32),
    autoTruncate: (get('--auto-truncate') ?? 'true') !== 'false',
    payloadLimit: Number(get('--payload-limit') ?? 2_000_000),
    apiKey: get('--api-key'),
  };
}

const STATUS: Record<string, number> = {
  Empty: 400,
  Validation: 422,
  Tokenizer: 422,
  Overloaded: 429,
  Backend: 424,
  Unhealthy: 503,
};

class TeiError extends Error {
  constructor(
    readonly errorType: keyof typeof STATUS,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.errorType] ?? 500;
  }
}

export function teiApp(stateDir: string, config: TeiConfig): Hono<Env> {
  const app = new Hono<Env>();
  const counters = { requests: 0, success: 0, failed: 0 };
  const native = (e: TeiError) => jsonResponse(e.status, { error: e.message, error_type: e.errorType });
  const openai = (e: TeiError) =>
    jsonResponse(e.status, { message: e.message, code: e.status, type: e.errorType });

  app.use(
    faultMiddleware('embeddings', stateDir, (status) =>
      jsonResponse(status, {
        error: 'Simulated fault',
        error_type: status === 429 ? 'Overloaded' : 'Backend',
      }),
    ),
  );
  app.use(async (c, next) => {
    const open = ['/health', '/', '/ping', '/metrics'].includes(c.req.path);
    if (!open && config.apiKey !== undefined && c.req.header('authorization') !== `Bearer ${config.apiKey}`)
      return new Response(null, { status: 401 });
    if (Number(c.req.header('content-length') ?? 0) > config.payloadLimit)
      return new Response('Failed to buffer the request body: length limit exceeded', { status: 413 });
    counters.requests += c.req.method === 'POST' ? 1 : 0;
    await next();
    if (c.req.method === 'POST') counters[c.res.status < 400 ? 'success' : 'failed'] += 1;
  });
  app.notFound(() => new Response(null, { status: 404 }));

  /** Tokenises a batch with TEI's limits; returns token lists and the token count. */
  const batch = (inputs: unknown, truncate: unknown): { tokens: string[][]; count: number } => {
    const list = typeof inputs === 'string' ? [inputs] : inputs;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
      throw new TeiError(
        'Validation',
        'Input validation error: `inputs` must be a string or a list of strings',
      );
    if (list.length === 0) throw new TeiError('Empty', 'Batch is empty');
    if (list.length > config.maxClientBatchSize)
      throw new TeiError(
        'Validation',
        `Input validation error: batch size ${list.length} > maximum allowed batch size ${config.maxClientBatchSize}`,
      );
    const cut = typeof truncate === 'boolean' ? truncate : config.autoTruncate;
    let count = 0;
    const tokens = list.map((text) => {
      let t = textTokens(text);
      if (t.length + 2 > config.maxInputLength) {
        if (!cut)
          throw new TeiError(
            'Validation',
            `Input validation error: \`inputs\` must have less than ${config.maxInputLength} tokens. Given: ${t.length + 2}`,
          );
        t = t.slice(0, config.maxInputLength - 2);
      }
      count += t.length + 2;
      return t;
    });
    return { tokens, count };
  };

  const body = async (c: Context<Env>) => {
    try {
      return await c.req.json<Record<string, unknown>>();
    } catch {
      throw new TeiError('Validation', 'Failed to parse the request body as JSON');
    }
  };

  app.get('/health', () => new Response(null, { status: 200 }));
  app.get('/info', (c) =>
    c.json({
      model_id: config.modelId,
      model_sha: null,
      model_dtype: 'float16',
      model_type: { embedding: { pooling: 'cls' } },
      max_concurrent_requests: 512,
      max_input_length: config.maxInputLength,
      max_batch_tokens: config.maxBatchTokens,
      max_batch_requests: null,
      max_client_batch_size: config.maxClientBatchSize,
      auto_truncate: config.autoTruncate,
      tokenization_workers: 4,
      version: '1.8.2',
      sha: null,
      docker_label: null,
    }),
  );
  app.get('/metrics', (c) =>
    c.text(
      ['te_request_count', 'te_request_success', 'te_request_failure']
        .map(
          (name, i) =>
            `# TYPE ${name} counter\n${name}{method="batch"} ${[counters.requests, counters.success, counters.failed][i]}`,
        )
        .concat('# TYPE te_queue_size gauge\nte_queue_size 0')
        .join('\n') + '\n',
    ),
  );
  app.post('/embed', async (c) => {
    try {
      const b = await body(c);
      const { tokens } = batch(b.inputs, b.truncate);
      const dims = typeof b.dimensions === 'number' ? Math.min(DENSE_DIM, b.dimensions) : DENSE_DIM;
      return c.json(tokens.map((t) => denseVector(t, b.normalize !== false, dims)));
    } catch (e) {
      if (e instanceof TeiError) return native(e);
      throw e;
    }
  });
  app.post('/embed_sparse', async (c) => {
    try {
      const b = await body(c);
      return c.json(batch(b.inputs, b.truncate).tokens.map(sparseVector));
    } catch (e) {
      if (e instanceof TeiError) return native(e);
      throw e;
    }
  });
  app.post('/rerank', async (c) => {
    try {
      const b = await body(c);
      if (typeof b.query !== 'string')
        throw new TeiError('Validation', 'Input validation error: `query` must be a string');
      if (Array.isArray(b.texts) && b.texts.length === 0)
        throw new TeiError('Empty', '`texts` cannot be empty');
      const { tokens } = batch(b.texts, b.truncate);
      const [query] = batch(b.query, b.truncate).tokens;
      const q = denseVector(query ?? []);
      const texts = b.texts as string[];
      const results = tokens
        .map((t, index) => ({
          index,
          score: cosine(q, denseVector(t)),
          ...(b.return_text === true ? { text: texts[index] } : {}),
        }))
        .sort((x, y) => y.score - x.score || x.index - y.index);
      return c.json(results);
    } catch (e) {
      if (e instanceof TeiError) return native(e);
      throw e;
    }
  });
  const openAiEmbeddings = async (c: Context<Env>) => {
    try {
      const b = await body(c);
      const { tokens, count } = batch(b.input, undefined);
      const dims = typeof b.dimensions === 'number' ? Math.min(DENSE_DIM, b.dimensions) : DENSE_DIM;
      const data = tokens.map((t, index) => {
        const vector = denseVector(t, true, dims);
        const embedding =
          b.encoding_format === 'base64'
            ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
            : vector;
        return { object: 'embedding', embedding, index };
      });
      return c.json({
        object: 'list',
        data,
        model: config.modelId,
        usage: { prompt_tokens: count, total_tokens: count },
      });
    } catch (e) {
      if (e instanceof TeiError) return openai(e);
      throw e;
    }
  };
  app.post('/v1/embeddings', openAiEmbeddings);
  app.post('/embeddings', openAiEmbeddings);
  return app;
}

/** TEI serving bge-m3 (default port 8080, the usual `-p 8080:80` mapping); refuses connections while warming up. */
export async function startEmbeddings(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? consoleLog;
  const config = parseTeiArgs(options.args ?? []);
  const stamp = () => new Date().toISOString();
  log.info(
    `${stamp()}  INFO text_embeddings_router: router/src/main.rs:189: Args { model_id: "${config.modelId}", max_client_batch_size: ${config.maxClientBatchSize}, auto_truncate: ${config.autoTruncate} }`,
  );
  log.info(`${stamp()}  INFO text_embeddings_backend: backends/src/lib.rs:388: Starting model backend`);
  log.info(`${stamp()}  INFO text_embeddings_router: router/src/lib.rs:248: Warming up model`);
  return serveApp(teiApp(options.stateDir, config), options, 8080, {
    listenAfterMs: options.loadDelayMs ?? 1000,
    onListening: (port) => {
      log.info(
        `${stamp()}  INFO text_embeddings_router::http::server: router/src/http/server.rs:1812: Starting HTTP server: ${options.host ?? '127.0.0.1'}:${port}`,
      );
      log.info(
        `${stamp()}  INFO text_embeddings_router::http::server: router/src/http/server.rs:1813: Ready`,
      );
    },
  });
}
