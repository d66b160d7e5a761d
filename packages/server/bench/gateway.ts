// Gateway overhead, side by side in one run: the simulated vLLM called directly, through nginx, through
// a bare node:http keep-alive proxy (what Node itself needs) and through the gateway. Added latency,
// throughput, CPU time of the proxy process per request, and inter-chunk timing of a stream.
// Run: npx tsx bench/gateway.ts [concurrency…]   (prints a markdown section to stdout; about three
// minutes for the default concurrencies 1, 16 and 64)
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { costByLayer } from './gateway/profile.js';
import {
  cpuSeconds,
  nginx,
  nodeProxy,
  simVllm,
  stopAll,
  stopProcess,
  TOKEN,
  type Target,
} from './gateway/targets.js';

const CONCURRENCY = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1, 16, 64];
const REQUESTS: Record<number, number> = { 1: 400, 16: 2400, 64: 3200 };
const STREAM_TOKENS = 16;
const CHUNK_DELAY_MS = 10;
const CHUNK_TOKENS = 40;
const CHUNK_RUNS = 15;
/** Goals of issue 18 at 16 concurrent: CPU per request against the bare proxy, added latency. */
const CPU_RATIO_GOAL = 1.25;
const ADDED_P50_GOAL_MS = 1;
const ADDED_P99_GOAL_MS = 5;

interface Run {
  latencies: number[];
  seconds: number;
  /** CPU time of the proxy process per request, in µs (undefined for the direct calls). */
  cpuMicros: number | undefined;
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

async function load(target: Target, proxied: boolean, stream: boolean, concurrency: number): Promise<Run> {
  const total = REQUESTS[concurrency] ?? 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const payload = body(stream, stream ? STREAM_TOKENS : 1);
  const latencies: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued += 1;
      latencies.push(await once(agent, target.port, payload));
    }
  };
  // Warm-up: sockets, JIT, the upstream's caches.
  issued = total - warmupOf(total);
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.length = 0;
  issued = 0;
  const cpuBefore = proxied && target.pid ? cpuSeconds(target.pid) : 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros =
    proxied && target.pid ? ((cpuSeconds(target.pid) - cpuBefore) * 1e6) / latencies.length : undefined;
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), seconds, cpuMicros };
}

/** Requests sent before the measured ones. */
const warmupOf = (total: number) => Math.min(200, total / 4);

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

const met = (ok: boolean) => (ok ? 'met' : 'missed');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
  try {
    const fast = await simVllm(join(dir, 'fast'), 0);
    const slow = await simVllm(join(dir, 'slow'), CHUNK_DELAY_MS);
    const proxies = [
      await nginx(fast, dir),
      await nodeProxy('bare', fast),
      await nodeProxy('gateway', fast),
      await nodeProxy('gateway-placements', fast),
    ].filter((target): target is Target => target !== undefined);
    const gatewaySlow = await nodeProxy('gateway', slow);
    const rows: string[] = [];
    const verdicts: string[] = [];
    for (const stream of [false, true]) {
      for (const concurrency of CONCURRENCY) {
        const runs = new Map<string, Run>([['direct', await load(fast, false, stream, concurrency)]]);
        for (const proxy of proxies) runs.set(proxy.name, await load(proxy, true, stream, concurrency));
        const direct = runs.get('direct')!;
        const bare = runs.get('bare node');
        const directRps = direct.latencies.length / direct.seconds;
        for (const [name, run] of runs) {
          const rps = run.latencies.length / run.seconds;
          const addedP50 = percentile(run.latencies, 50) - percentile(direct.latencies, 50);
          const addedP99 = percentile(run.latencies, 99) - percentile(direct.latencies, 99);
          const cpuRatio =
            run.cpuMicros !== undefined && bare?.cpuMicros ? run.cpuMicros / bare.cpuMicros : undefined;
          rows.push(
            `| ${stream ? 'stream' : 'plain'} | ${concurrency} | ${name} | ${percentile(run.latencies, 50).toFixed(2)} | ${percentile(run.latencies, 99).toFixed(2)} | ${name === 'direct' ? '–' : `${addedP50.toFixed(2)} / ${addedP99.toFixed(2)}`} | ${rps.toFixed(0)} | ${name === 'direct' ? '100 %' : `${((100 * rps) / directRps).toFixed(0)} %`} | ${run.cpuMicros === undefined ? '–' : run.cpuMicros.toFixed(0)} | ${cpuRatio === undefined ? '–' : `${cpuRatio.toFixed(2)}×`} |`,
          );
          if (name === 'gateway' && concurrency === 16) {
            verdicts.push(
              `- ${stream ? 'streamed' : 'plain'}, 16 concurrent: CPU per request ${cpuRatio?.toFixed(2) ?? '?'}× the bare Node proxy (goal ≤ ${CPU_RATIO_GOAL}×: ${met((cpuRatio ?? Infinity) <= CPU_RATIO_GOAL)}), added p50 ${addedP50.toFixed(2)} ms (goal ≤ ${ADDED_P50_GOAL_MS}: ${met(addedP50 <= ADDED_P50_GOAL_MS)}), added p99 ${addedP99.toFixed(2)} ms (goal ≤ ${ADDED_P99_GOAL_MS}: ${met(addedP99 <= ADDED_P99_GOAL_MS)})`,
            );
          }
        }
      }
    }
    const directGaps = await chunkGaps(slow.port);
    const gatewayGaps = await chunkGaps(gatewaySlow.port);
    const gapRow = (name: string, gaps: number[]) =>
      `| ${name} | ${gaps.length} | ${percentile(gaps, 50).toFixed(2)} | ${percentile(gaps, 95).toFixed(2)} | ${percentile(gaps, 99).toFixed(2)} | ${gaps.filter((gap) => gap < 1).length} |`;
    const gapDelta = Math.max(
      ...[50, 95, 99].map((p) => Math.abs(percentile(gatewayGaps, p) - percentile(directGaps, p))),
    );

    // The gateway once more, under a CPU profiler, for where its time goes (plain requests, 16 at once).
    const profileDir = join(dir, 'profile');
    const profiled = await nodeProxy('gateway', fast, { profileDir });
    await load(profiled, true, false, 16);
    if (profiled.pid) await stopProcess(profiled.pid);
    const profiledRequests = (REQUESTS[16] ?? 0) + warmupOf(REQUESTS[16] ?? 0);
    const layers = costByLayer(profileDir, profiledRequests);

    const cpu = cpus();
    const [load1] = loadavg();
    const out = [
      '## Gateway',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/gateway.ts\` on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, load average ${load1?.toFixed(2) ?? '?'} at the start.`,
      'Every proxy runs in its own process in front of the same simulated vLLM (`packages/sim`, no token delay) on loopback, measured one after another in the same run: nginx with keep-alive upstream connections and `proxy_buffering off`; a bare `node:http` proxy with a keep-alive agent and `pipe` (what Node itself needs: `bench/gateway/serve.ts bare`); the gateway with the production `/v1` routes behind the app\'s request id, client info and access log (at info level), with usage metering; the same gateway with two configured placements ("gateway, 2 placements": requests routed by their model from the cached `/v1/models` of each, one of which does not answer). The load generator is another process with keep-alive connections. Latency is request start to the last body byte; "added" is the proxy minus direct at p50 / p99. CPU is the proxy process\'s user + system time (from /proc) during the measured requests, per request; the ratio is against the bare Node proxy. Plain requests return one token; streamed ones 16 tokens as SSE.',
      '',
      '| mode | concurrency | target | p50 ms | p99 ms | added p50 / p99 ms | req/s | vs direct | CPU µs/req | CPU vs bare node |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Inter-chunk timing: ${CHUNK_RUNS} streams of ${CHUNK_TOKENS} tokens from a simulated vLLM that waits ${CHUNK_DELAY_MS} ms per token, one at a time.`,
      '',
      '| path | gaps | p50 ms | p95 ms | p99 ms | gaps < 1 ms (events merged) |',
      '|---|---|---|---|---|---|',
      gapRow('direct', directGaps),
      gapRow('gateway', gatewayGaps),
      '',
      `Where the gateway's CPU time goes: its process under \`--cpu-prof\` for ${profiledRequests} plain requests, 16 at once, self time by layer (the profiler adds its own cost, so compare the shares more than the absolute figures).`,
      '',
      '| layer | µs per request | share |',
      '|---|---|---|',
      ...layers,
      '',
      'Goals (issue 18):',
      ...verdicts,
      `- inter-chunk timing kept within 1 ms: largest difference of the gap percentiles ${gapDelta.toFixed(2)} ms (${met(gapDelta <= 1)})`,
      ...(proxies.some((proxy) => proxy.name === 'nginx')
        ? []
        : ['- nginx is not installed here: no nginx rows.']),
      '',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
