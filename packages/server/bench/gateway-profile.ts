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

/** The layer a function belongs to, from where it was loaded. */
function layer({ functionName, url }: ProfileNode['callFrame']): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.includes('/pino') || url.includes('sonic-boom')) return 'access log (pino)';
  if (url.includes('@hono+node-server') || url.includes('@hono/node-server'))
    return '@hono/node-server (request and response adapter)';
  if (url.includes('/hono@') || url.includes('/hono/dist')) return 'hono (router, middleware, context)';
  if (url.includes('/packages/server/src/') || url.includes('/packages/schema/')) return 'Spark Control code';
  if (/webstreams|undici|abort_controller|event_target|js_transferable/.test(url))
    return 'web platform objects (Request, Response, streams, AbortSignal)';
  if (/node:_http|node:http/.test(url)) return "node's HTTP (parser, agent, outgoing)";
  if (/node:internal\/streams|node:events|node:net|stream_base|node:internal\/timers/.test(url))
    return "node's streams, events, sockets, timers";
  if (/node:internal\/modules|esm\/|tsx/.test(url)) return 'start-up (module loading)';
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
  const startup = totals.get('start-up (module loading)') ?? 0;
  totals.delete('start-up (module loading)');
  const busy = [...totals.values()].reduce((sum, micros) => sum + micros, 0);
  return [
    ...[...totals]
      .sort((a, b) => b[1] - a[1])
      .map(
        ([name, micros]) =>
          `| ${name} | ${(micros / requests).toFixed(0)} | ${((100 * micros) / busy).toFixed(0)} % |`,
      ),
    `| all of the above | ${(busy / requests).toFixed(0)} | 100 % |`,
    `| (start-up, module loading: ${(startup / 1000).toFixed(0)} ms once, not counted) | | |`,
  ];
}
