import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { SparkFaults } from './faults.js';
import { SimError, type SimControl } from './control.js';

const port = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_535));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const HttpFaultSchema = v.strictObject({
  mode: v.picklist(['hang', 'status', 'malformed', 'truncated']),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
  retryAfterSec: v.optional(count),
  count: v.optional(v.pipe(count, v.minValue(1))),
  pathPrefix: v.optional(v.string()),
});

/** Every fault of faults.ts, validated before it reaches `<stateDir>/faults.json`; fields added to faults.ts later pass through. */
export const SparkFaultsSchema = v.looseObject({
  vllm: v.optional(
    v.strictObject({
      loadDelayMs: v.optional(count),
      failDuringLoad: v.optional(v.picklist(['oom', 'cuda'])),
      failDuringLoadModels: v.optional(v.array(v.string())),
      missingModels: v.optional(v.array(v.string())),
      dieMidStreamAfterChunks: v.optional(count),
      gatedModels: v.optional(v.array(v.string())),
    }),
  ),
  cx7LinkDown: v.optional(v.boolean()),
  refuseNodeKeys: v.optional(v.boolean()),
  portsInUse: v.optional(v.array(port)),
  sshDropAfterBytes: v.optional(count),
  blackhole: v.optional(v.boolean()),
  http: v.optional(
    v.strictObject({
      vllm: v.optional(HttpFaultSchema),
      parakeet: v.optional(HttpFaultSchema),
      kokoro: v.optional(HttpFaultSchema),
      embeddings: v.optional(HttpFaultSchema),
      qdrant: v.optional(HttpFaultSchema),
      cloud: v.optional(HttpFaultSchema),
    }),
  ),
  images: v.optional(v.record(v.string(), v.nullable(v.string()))),
  cloud: v.optional(v.strictObject({ gatedModels: v.optional(v.array(v.string())) })),
});

const LauncherBodySchema = v.strictObject({ generation: v.picklist(['G1', 'G2']) });

async function faultsBody(request: Request): Promise<SparkFaults> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new HttpError(400, 'body must be JSON');
  }
  const result = v.safeParse(SparkFaultsSchema, body);
  if (!result.success) {
    throw new HttpError(
      400,
      result.issues.map((issue) => `${v.getDotPath(issue) ?? 'body'}: ${issue.message}`).join('; '),
    );
  }
  return result.output;
}

class HttpError extends Error {
  constructor(
    readonly status: 400,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The simulator's control API:
 * - `GET /state`: Sparks, containers, faults, memory, cloud
 * - `GET|PUT|DELETE /sparks/:id/faults`, `PUT|DELETE /cloud/faults`: faults (PUT replaces the whole set)
 * - `PUT /sparks/:id/launcher` `{"generation":"G1"|"G2"}`: which launch-cluster.sh the Spark has
 * - `GET /sparks/:id/containers`: `docker ps -a` objects
 * - `POST /sparks/:id/containers/:name/kill`: crash a container; `…/kill-exec`: crash what `docker exec` started (vLLM)
 * - `POST /sparks/:id/containers/:name/restart`: `docker restart`
 * - `POST /cloud/kill`, `POST /cloud/restart`
 */
export function controlApp(control: SimControl) {
  return new Hono()
    .onError((error, c) => {
      if (error instanceof SimError || error instanceof HttpError)
        return c.json({ error: error.message }, error.status);
      return c.json({ error: error.message }, 500);
    })
    .get('/state', (c) => c.json(control.state()))
    .get('/sparks/:id/faults', (c) => c.json(control.faults(c.req.param('id'))))
    .put('/sparks/:id/faults', async (c) =>
      c.json(await control.setFaults(c.req.param('id'), await faultsBody(c.req.raw))),
    )
    .delete('/sparks/:id/faults', async (c) => {
      await control.clearFaults(c.req.param('id'));
      return c.body(null, 204);
    })
    .put('/sparks/:id/launcher', async (c) => {
      const body = v.safeParse(LauncherBodySchema, await c.req.json().catch(() => undefined));
      if (!body.success) throw new HttpError(400, 'generation: must be "G1" or "G2"');
      control.setLauncher(c.req.param('id'), body.output.generation);
      return c.body(null, 204);
    })
    .get('/sparks/:id/containers', (c) => c.json(control.containers(c.req.param('id'))))
    .post('/sparks/:id/containers/:name/kill', async (c) => {
      await control.killContainer(c.req.param('id'), c.req.param('name'));
      return c.body(null, 204);
    })
    .post('/sparks/:id/containers/:name/kill-exec', async (c) =>
      c.json({ killed: await control.killExecs(c.req.param('id'), c.req.param('name')) }),
    )
    .post('/sparks/:id/containers/:name/restart', async (c) => {
      await control.restartContainer(c.req.param('id'), c.req.param('name'));
      return c.body(null, 204);
    })
    .put('/cloud/faults', async (c) => c.json(control.setCloudFaults(await faultsBody(c.req.raw))))
    .delete('/cloud/faults', (c) => {
      control.setCloudFaults({});
      return c.body(null, 204);
    })
    .post('/cloud/kill', async (c) => {
      if (!control.cloud) throw new SimError(404, 'the simulation runs no cloud endpoint');
      await control.cloud.kill();
      return c.body(null, 204);
    })
    .post('/cloud/restart', async (c) => {
      if (!control.cloud) throw new SimError(404, 'the simulation runs no cloud endpoint');
      await control.cloud.kill();
      control.cloud.start();
      return c.body(null, 204);
    });
}

export type ControlAppType = ReturnType<typeof controlApp>;

/** Serves the control API; resolves with its base URL and a close function. */
export async function startControlApi(
  control: SimControl,
  host: string,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = controlApp(control);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
