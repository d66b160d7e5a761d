// Gateway overhead: added latency and throughput against direct calls to the simulated vLLM (and
// against nginx as a reverse proxy when it is installed), plus inter-chunk timing of a stream.
// Run: npx tsx bench/gateway.ts   (prints a markdown section to stdout; takes about two minutes)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SIM_RUN = resolve(HERE, '../../sim/src/services/run.ts');
const TOKEN = 'bench-token';
const CONCURRENCY = [1, 16, 64];
const REQUESTS: Record<number, number> = { 1: 400, 16: 2400, 64: 3200 };
const STREAM_TOKENS = 16;
const CHUNK_DELAY_MS = 10;
const CHUNK_TOKENS = 40;
const CHUNK_RUNS = 15;

/** The gateway as app.ts mounts it, with a token check that accepts the bench token only. */
async function serveGateway(upstreamPort: number): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const { requestId } = await import('hono/request-id');
  const { parseSettings } = await import('@spark-control/schema');
  const { createLogger } = await import('../src/adapters/logger.js');
  const { gatewayRoutes } = await import('../src/routes/gateway.js');
  const { GatewayService } = await import('../src/services/gateway/gateway-service.js');
  const { GatewayStats } = await import('../src/services/gateway/stats.js');
  const { MetricsRegistry } = await import('../src/services/health/metrics.js');
  const parsed = parseSettings({
    sparks: [{ id: 'spark-1', host: '127.0.0.1', roles: ['vllm'] }],
    vllm: { port: upstreamPort },
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  const settings = parsed.settings;
  const log = createLogger({ level: 'silent' });
  const stats = new GatewayStats(new MetricsRegistry());
  const gateway = new GatewayService({
    settings: () => settings,
    swaps: { isSwapping: () => false, idle: () => Promise.resolve() },
    stats,
    log,
  });
  const auth = {
    fromToken: (token: string) =>
      Promise.resolve(
        token === TOKEN
          ? {
              kind: 'token' as const,
              actor: 'bench',
              tokenId: 'bench',
              scopes: ['gateway' as const],
              expiresAt: null,
              models: null,
              limits: {},
            }
          : undefined,
      ),
    fromSession: () => Promise.resolve(undefined),
  };
  const app = new Hono();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.route('/v1', gatewayRoutes({ gateway, auth, log, stats }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`${info.port}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

async function waitForHttp(port: number, path: string): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    const ok = await new Promise<boolean>((done) => {
      const request = http.get(
        { host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${TOKEN}` } },
        (response) => {
          response.resume();
          done(response.statusCode === 200);
        },
      );
      request.on('error', () => done(false));
    });
    if (ok) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`port ${port} never answered ${path}`);
}

const children: ChildProcess[] = [];
function start(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

async function simVllm(stateDir: string, tokenDelayMs: number): Promise<number> {
  const port = await freePort();
  const child = start(process.execPath, [
    '--import',
    'tsx',
    SIM_RUN,
    'vllm',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--state-dir',
    stateDir,
    '--load-delay-ms',
    '0',
    '--token-delay-ms',
    String(tokenDelayMs),
    '--',
    '--model',
    'bench/model',
    '--served-model-name',
    'bench',
  ]);
  child.stdout?.resume();
  await waitForHttp(port, '/v1/models');
  return port;
}

async function gatewayFor(upstreamPort: number): Promise<number> {
  const child = start(process.execPath, [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--serve-gateway',
    String(upstreamPort),
  ]);
  const port = await new Promise<number>((done, fail) => {
    child.stdout?.once('data', (data: Buffer) => done(Number(data.toString().trim())));
    child.once('exit', (code) => fail(new Error(`gateway exited ${code}`)));
  });
  await waitForHttp(port, '/v1/models');
  return port;
}

async function nginxFor(upstreamPort: number, dir: string): Promise<number | undefined> {
  if (spawnSync('nginx', ['-v']).error) return undefined;
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream vllm { server 127.0.0.1:${upstreamPort}; keepalive 128; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://vllm;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
`,
  );
  const child = start('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;']);
  child.stdout?.resume();
  await waitForHttp(port, '/v1/models');
  return port;
}

interface Run {
  latencies: number[];
  seconds: number;
}

function body(stream: boolean, tokens: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      model: 'bench',
      messages: [
        {
          role: 'user',
          content: `SIM_REPLY: ${Array.from({ length: tokens }, (_, i) => `w${i}`).join(' ')}`,
        },
      ],
      stream,
    }),
  );
}

function once(
  agent: http.Agent,
  port: number,
  payload: Buffer,
  onChunk?: (at: number, data: Buffer) => void,
): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/chat/completions',
        agent,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
          'content-length': String(payload.length),
        },
      },
      (response) => {
        if (response.statusCode !== 200) fail(new Error(`status ${response.statusCode}`));
        response.on('data', (data: Buffer) => onChunk?.(performance.now(), data));
        response.on('end', () => done(performance.now() - started));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    request.end(payload);
  });
}

async function load(port: number, stream: boolean, concurrency: number, total: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const payload = body(stream, stream ? STREAM_TOKENS : 1);
  const latencies: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued += 1;
      latencies.push(await once(agent, port, payload));
    }
  };
  // Warm-up: sockets, JIT, the upstream's caches.
  issued = Math.max(0, total - Math.min(200, total / 4));
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.length = 0;
  issued = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), seconds };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** Gaps between SSE events as the client sees them (events arriving together count as 0 ms apart). */
async function chunkGaps(port: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const gaps: number[] = [];
  for (let run = 0; run < CHUNK_RUNS; run += 1) {
    let last: number | undefined;
    await once(agent, port, body(true, CHUNK_TOKENS), (at, data) => {
      const events = data
        .toString()
        .split('\n\n')
        .filter((event) => event.startsWith('data:')).length;
      for (let i = 0; i < events; i += 1) {
        if (last !== undefined) gaps.push(i === 0 ? at - last : 0);
        last = at;
      }
    });
  }
  agent.destroy();
  return gaps.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
  try {
    const fast = await simVllm(join(dir, 'fast'), 0);
    const slow = await simVllm(join(dir, 'slow'), CHUNK_DELAY_MS);
    const gateway = await gatewayFor(fast);
    const gatewaySlow = await gatewayFor(slow);
    const nginx = await nginxFor(fast, dir);
    const targets: [string, number][] = [
      ['direct', fast],
      ['gateway', gateway],
      ...(nginx ? ([['nginx', nginx]] as [string, number][]) : []),
    ];
    const rows: string[] = [];
    const verdicts: string[] = [];
    for (const stream of [false, true]) {
      for (const concurrency of CONCURRENCY) {
        const runs = new Map<string, Run>();
        for (const [name, port] of targets)
          runs.set(name, await load(port, stream, concurrency, REQUESTS[concurrency] ?? 1000));
        const direct = runs.get('direct')!;
        const directRps = direct.latencies.length / direct.seconds;
        for (const [name, run] of runs) {
          const rps = run.latencies.length / run.seconds;
          const p50 = percentile(run.latencies, 50);
          const p99 = percentile(run.latencies, 99);
          const added =
            name === 'direct'
              ? '–'
              : `${(p50 - percentile(direct.latencies, 50)).toFixed(2)} / ${(p99 - percentile(direct.latencies, 99)).toFixed(2)}`;
          rows.push(
            `| ${stream ? 'stream' : 'plain'} | ${concurrency} | ${name} | ${p50.toFixed(2)} | ${p99.toFixed(2)} | ${added} | ${rps.toFixed(0)} | ${name === 'direct' ? '100 %' : `${((100 * rps) / directRps).toFixed(0)} %`} |`,
          );
          if (name === 'gateway' && concurrency === 16) {
            const addedP50 = p50 - percentile(direct.latencies, 50);
            const addedP99 = p99 - percentile(direct.latencies, 99);
            verdicts.push(
              `- ${stream ? 'streaming' : 'non-streaming'}, 16 concurrent: added p50 ${addedP50.toFixed(2)} ms (target ≤ 1: ${addedP50 <= 1 ? 'met' : 'missed'}), added p99 ${addedP99.toFixed(2)} ms (target ≤ 5: ${addedP99 <= 5 ? 'met' : 'missed'}), throughput ${((100 * rps) / directRps).toFixed(0)} % of direct (target ≥ 90 %: ${rps >= 0.9 * directRps ? 'met' : 'missed'})`,
            );
          }
        }
      }
    }
    const directGaps = await chunkGaps(slow);
    const gatewayGaps = await chunkGaps(gatewaySlow);
    const gapRow = (name: string, gaps: number[]) =>
      `| ${name} | ${gaps.length} | ${percentile(gaps, 50).toFixed(2)} | ${percentile(gaps, 95).toFixed(2)} | ${percentile(gaps, 99).toFixed(2)} | ${gaps.filter((gap) => gap < 1).length} |`;
    const gapDelta = Math.max(
      ...[50, 95, 99].map((p) => Math.abs(percentile(gatewayGaps, p) - percentile(directGaps, p))),
    );

    const cpu = cpus();
    const [load1] = loadavg();
    const out = [
      '## Gateway',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/gateway.ts\` on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, load average ${load1?.toFixed(2) ?? '?'} at the start (a shared machine: other work ran at the same time).`,
      'The upstream is the simulated vLLM (`packages/sim`, no token delay) on loopback; the gateway runs in its own process with the production routes (auth, metrics, SSE relay); nginx (when installed) proxies with keep-alive upstream connections and `proxy_buffering off`. The load generator is a third process with keep-alive connections. Latency is request start to the last body byte; "added" is gateway (or nginx) minus direct, at p50 / p99. Plain requests return one token; streamed ones 16 tokens as SSE.',
      '',
      '| mode | concurrency | target | p50 ms | p99 ms | added p50 / p99 ms | req/s | vs direct |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Inter-chunk timing: ${CHUNK_RUNS} streams of ${CHUNK_TOKENS} tokens from a simulated vLLM that waits ${CHUNK_DELAY_MS} ms per token, one at a time.`,
      '',
      '| path | gaps | p50 ms | p95 ms | p99 ms | gaps < 1 ms (events merged) |',
      '|---|---|---|---|---|---|',
      gapRow('direct', directGaps),
      gapRow('gateway', gatewayGaps),
      '',
      'Targets:',
      ...verdicts,
      `- inter-chunk timing preserved within 1 ms: largest difference of the gap percentiles ${gapDelta.toFixed(2)} ms (${gapDelta <= 1 ? 'met' : 'missed'})`,
      ...(nginx ? [] : ['- nginx is not installed here: no nginx rows.']),
      '',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((wait) => setTimeout(wait, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

// Dispatch last: the module's constants must exist first.
if (process.argv[2] === '--serve-gateway') {
  await serveGateway(Number(process.argv[3]));
} else {
  await main();
}
