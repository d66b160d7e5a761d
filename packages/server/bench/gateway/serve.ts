// The two Node proxies the gateway bench starts in their own processes:
//   serve.ts gateway <upstream port>  the production /v1 routes behind the app's per-request chain
//   serve.ts gateway-placements <upstream port>  the same with two configured placements: the
//                                             upstream, and one on the next port that nothing serves
//   serve.ts bare <upstream port>     a bare node:http keep-alive proxy: what Node itself needs
// Each prints its port on stdout once it listens.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';

const TOKEN = 'bench-token';
const [mode, upstreamArg] = process.argv.slice(2);
const upstreamPort = Number(upstreamArg);

/**
 * The gateway as app.ts mounts it: request id, client info, the access log at info level (through
 * pino's own destination as in production, to /dev/null) and usage metering (into an in-memory database).
 */
async function serveGateway(placements: boolean): Promise<http.Server> {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const { requestId } = await import('hono/request-id');
  const { parseSettings } = await import('@spark-control/schema');
  const { createLogger } = await import('../../src/adapters/logger.js');
  const { clientInfo, TrustedProxies } = await import('../../src/http/client.js');
  const { accessLog } = await import('../../src/http/middleware.js');
  const { gatewayRoutes } = await import('../../src/routes/gateway.js');
  const { GatewayService } = await import('../../src/services/gateway/gateway-service.js');
  const { UpstreamClient } = await import('../../src/adapters/upstream/client.js');
  const { GatewayStats } = await import('../../src/services/gateway/stats.js');
  const { MetricsRegistry } = await import('../../src/services/health/metrics.js');
  const { openDatabase } = await import('../../src/adapters/db/client.js');
  const { UsageMeter } = await import('../../src/services/usage/usage-meter.js');
  const { UsageStore } = await import('../../src/services/usage/usage-store.js');
  const parsed = parseSettings({
    sparks: [{ id: 'spark-1', host: '127.0.0.1', roles: ['vllm'] }],
    vllm: { port: upstreamPort },
    ...(placements
      ? {
          placements: [
            { id: 'a', sparkIds: ['spark-1'], port: upstreamPort, container: 'vllm_a' },
            { id: 'b', sparkIds: ['spark-1'], port: (upstreamPort % 65535) + 1, container: 'vllm_b' },
          ],
        }
      : {}),
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  const settings = parsed.settings;
  const log = createLogger({ level: 'info', destination: pino.destination('/dev/null') });
  const registry = new MetricsRegistry();
  const stats = new GatewayStats(registry);
  // Usage is metered as in production, into an in-memory database.
  const database = await openDatabase({});
  const usage = new UsageMeter({ store: new UsageStore(database.db), log, registry });
  await usage.load();
  usage.start();
  const gateway = new GatewayService({
    settings: { current: settings },
    upstream: new UpstreamClient(),
    swaps: { isSwapping: () => false, idle: () => Promise.resolve() },
    stats,
    log,
  });
  // The real AuthService answers a known token from its in-memory cache: the same cost as this.
  const principal = {
    kind: 'token' as const,
    actor: 'token:bench',
    tokenId: 'bench',
    scopes: ['gateway' as const],
    expiresAt: null,
    models: null,
    limits: {},
  };
  const auth = {
    fromToken: (token: string) => Promise.resolve(token === TOKEN ? principal : undefined),
    fromSession: () => Promise.resolve(undefined),
  };
  const app = new Hono();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(clientInfo(new TrustedProxies()));
  app.use(accessLog(log));
  app.route('/v1', gatewayRoutes({ gateway, auth, log, stats, usage }));
  return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
}

/** Relays every request to the upstream over kept-alive sockets with `pipe`, nothing else. */
function serveBare(): http.Server {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((request, response) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  return server.listen(0, '127.0.0.1');
}

const server = mode === 'bare' ? serveBare() : await serveGateway(mode === 'gateway-placements');
if (!server.listening) await once(server, 'listening');
process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
