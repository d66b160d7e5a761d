// Where the gateway's CPU time goes: a CPU profile of the gateway process under load, its self time
// summed by layer (our code, hono, node's HTTP, sockets, the web platform objects, the access log, …).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const STARTUP = 'start-up (module loading)';
const EMBEDDED_DB = 'the embedded database';

/** The layer a function belongs to, from where it was loaded. */
function layer({ functionName, url }: ProfileNode['callFrame']): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('wasm') || url.includes('pglite')) return EMBEDDED_DB;
  if (url.includes('/pino') || url.includes('sonic-boom')) return 'access log (pino)';
  if (url.includes('@hono+node-server') || url.includes('@hono/node-server'))
    return '@hono/node-server (request and response adapter)';
  if (url.includes('/hono@') || url.includes('/hono/dist')) return 'hono (router, middleware, context)';
  if (url.includes('/packages/server/src/') || url.includes('/packages/schema/')) return 'Spark Control code';
  if (/webstreams|undici|abort_controller|event_target|js_transferable/.test(url))
    return 'web platform objects and undici (Request, Response, streams, AbortSignal, the upstream pool)';
  if (/node:_http|node:http/.test(url)) return "node's HTTP (parser, agent, outgoing)";
  if (/node:internal\/streams|node:events|node:net|stream_base|node:internal\/timers/.test(url))
    return "node's streams, events, sockets, timers";
  if (/node:internal\/modules|esm\/|tsx/.test(url)) return STARTUP;
  if (
    url === '' &&
    /^(?:writev|writeBuffer|writeBuffers|writeUtf8String|writeLatin1String|writeString)$/.test(functionName)
  )
    return 'system calls (socket and log writes)';
  if (url === '') return 'V8 and native (microtasks, JSON, crypto)';
  return 'other node internals';
}

/** Markdown rows `| layer | µs per request | share |`, busiest first, from the largest profile in `dir`. */
export function costByLayer(dir: string, requests: number): string[] {
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!file) throw new Error(`no CPU profile in ${dir}`);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    if (!frame) return;
    const name = layer(frame);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  totals.delete('idle');
  // Paid once (loading, the in-memory PGlite starting and migrating) or every 30 s (usage flushes).
  const startup = totals.get(STARTUP) ?? 0;
  const database = totals.get(EMBEDDED_DB) ?? 0;
  totals.delete(STARTUP);
  totals.delete(EMBEDDED_DB);
  const busy = [...totals.values()].reduce((sum, micros) => sum + micros, 0);
  return [
    ...[...totals]
      .sort((a, b) => b[1] - a[1])
      .map(
        ([name, micros]) =>
          `| ${name} | ${(micros / requests).toFixed(0)} | ${((100 * micros) / busy).toFixed(0)} % |`,
      ),
    `| all of the above | ${(busy / requests).toFixed(0)} | 100 % |`,
    `| not counted: module loading ${(startup / 1000).toFixed(0)} ms; the embedded database (start, migrations, usage flushes) ${(database / 1000).toFixed(0)} ms | | |`,
  ];
}
