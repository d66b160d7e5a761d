// Memory footprint of the built server (dist/main.js, as the image runs it) with the embedded
// database: RSS at start-up and idle, PGlite's start options side by side, per open SSE client,
// and the peak while a long audio upload streams through.
// Run: npx tsx bench/footprint.ts   [--seconds 60]   (prints a markdown section to stdout)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGLITE_START_PARAMS } from '../src/adapters/db/pglite.js';

const secondsArg = process.argv.indexOf('--seconds');
const WINDOW_S = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 60;
const TOKEN = 'sc_bench-footprint-token-with-every-scope';
const SSE_CLIENTS = 200;
const UPLOAD_MB = 390;
const here = resolve(import.meta.dirname, '..');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples a process's RSS every 200 ms until stopped. */
function sampler(pid: number) {
  const samples: { at: number; rss: number }[] = [];
  const started = Date.now();
  const timer = setInterval(() => {
    rssOf(pid).then(
      (rss) => samples.push({ at: Date.now() - started, rss }),
      () => undefined,
    );
  }, 200);
  return {
    samples,
    stop: () => clearInterval(timer),
    peak: (from = 0) => Math.max(0, ...samples.filter((s) => s.at >= from).map((s) => s.rss)),
  };
}

interface Server {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [join(here, 'dist/main.js')], {
    env: {
      SPARK_CONTROL_DATA: dataDir,
      SPARK_CONTROL_PROMPTS: resolve(here, '../../prompts'),
      SPARK_CONTROL_PASSWORD: 'bench-password',
      SPARK_CONTROL_API_TOKEN: TOKEN,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((done, fail) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /"msg":"listening"/.test(text) && /"port":(\d+)/.exec(text);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  child.stdout?.resume();
  return {
    child,
    port,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function api(
  port: number,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.on('error', fail);
    outgoing.end(payload);
  });
}

/** PGlite alone in a fresh process, opened on an existing data directory with the given options. */
function pgliteAlone(
  dir: string,
  options: { startParams?: readonly string[]; liftoffOnly?: boolean },
): number {
  const script = `
const { PGlite } = require(${JSON.stringify(createRequire(import.meta.url).resolve('@electric-sql/pglite'))});
(async () => {
  const db = new PGlite(process.argv[1], ${JSON.stringify(options.startParams ? { startParams: options.startParams } : {})});
  await db.waitReady;
  for (let i = 0; i < 20; i++) await db.query('select count(*) from pg_class');
  await new Promise((r) => setTimeout(r, 2000));
  const rss = Number(/VmRSS:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
  await db.close();
  process.stdout.write(String(rss));
})();`;
  const flags = options.liftoffOnly ? ['--liftoff-only'] : [];
  return Number(execFileSync(process.execPath, [...flags, '-e', script, dir], { encoding: 'utf8' }));
}

const rows: string[] = [];
const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-footprint-'));
try {
  execFileSync(process.execPath, [join(here, 'scripts/build.mjs')], { cwd: here, stdio: 'ignore' });
  const node = Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.memoryUsage().rss))'], {
      encoding: 'utf8',
    }),
  );

  // 1. A first start (the database is created) and a restart, each idle for the window.
  const idle: Record<string, { peak40: number; idle: number }> = {};
  for (const run of ['first start', 'restart']) {
    const server = await startServer(dataDir);
    const samples = sampler(server.child.pid ?? 0);
    await sleep(WINDOW_S * 1000);
    samples.stop();
    const last = samples.samples.filter((s) => s.at >= (WINDOW_S - 10) * 1000).map((s) => s.rss);
    idle[run] = {
      peak40: samples.peak(0),
      idle: Math.round(last.reduce((a, b) => a + b, 0) / Math.max(1, last.length)),
    };
    if (run === 'restart') {
      // 2. SSE clients: a caller may hold 8 streams, so 25 tokens hold 200.
      const tokens: string[] = [];
      for (let i = 0; i < SSE_CLIENTS / 8; i++) {
        const created = await api(server.port, 'POST', '/api/tokens', {
          name: `sse-${i}`,
          scopes: ['gateway'],
        });
        tokens.push((JSON.parse(created.text) as { token: string }).token);
      }
      const open: { destroy(): void }[] = [];
      const openStream = (token: string | undefined) =>
        new Promise<void>((done, fail) => {
          const outgoing = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: '/api/events',
              headers: { authorization: `Bearer ${token}` },
            },
            (response) => {
              response.once('data', () => done());
              open.push(response);
            },
          );
          outgoing.on('error', fail);
          outgoing.end();
        });
      // A first round warms up the code paths and the connection machinery; it is not counted.
      for (let i = 0; i < 16; i++) await openStream(tokens[Math.floor(i / 8)]);
      for (const each of open.splice(0)) each.destroy();
      await sleep(3000);
      const before = await rssOf(server.child.pid ?? 0);
      for (let i = 0; i < SSE_CLIENTS; i++) await openStream(tokens[Math.floor(i / 8)]);
      await sleep(3000);
      const after = await rssOf(server.child.pid ?? 0);
      rows.push(
        `| ${SSE_CLIENTS} open \`/api/events\` streams: RSS added per client | ${((after - before) / SSE_CLIENTS / 1024).toFixed(1)} KB | ≤ 60 KB ${(after - before) / SSE_CLIENTS <= 60 * 1024 ? '✓' : '✗'} |`,
      );
      for (const each of open) each.destroy();
    }
    await server.stop();
  }
  rows.unshift(
    `| first start (database created): peak in the first 40 s | ${mb(idle['first start']?.peak40 ?? 0)} MB | |`,
    `| first start: idle (mean of the last 10 s of ${WINDOW_S} s) | ${mb(idle['first start']?.idle ?? 0)} MB | ≤ 150 MB ${(idle['first start']?.idle ?? 0) <= 150 * 1024 * 1024 ? '✓' : '✗'} |`,
    `| restart: idle | ${mb(idle.restart?.idle ?? 0)} MB | ≤ 150 MB ${(idle.restart?.idle ?? 0) <= 150 * 1024 * 1024 ? '✓' : '✗'} |`,
  );

  // 3. A long upload through /api/audio/diarize to a parakeet stand-in that only drains it.
  let drained = 0;
  const parakeet = createServer((incoming, outgoing) => {
    incoming.on('data', (chunk: Buffer) => (drained += chunk.length));
    incoming.on('end', () => {
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end('{"segments":[]}');
    });
  });
  await new Promise<void>((done) => parakeet.listen(0, '127.0.0.1', done));
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({
      sparks: [{ id: 'spark-2', host: '127.0.0.1', sshPort: 1, roles: ['stt'] }],
      ports: { parakeet: (parakeet.address() as AddressInfo).port },
    }),
  );
  const server = await startServer(dataDir);
  await sleep(5000);
  const before = await rssOf(server.child.pid ?? 0);
  const samples = sampler(server.child.pid ?? 0);
  const status = await new Promise<number>((done, fail) => {
    const boundary = 'footprintboundary';
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/audio/diarize',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', fail);
    const chunk = Buffer.alloc(1024 * 1024, 7);
    let sent = 0;
    const write = () => {
      if (sent === 0)
        outgoing.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.wav"\r\n\r\n`,
        );
      while (sent < UPLOAD_MB) {
        sent += 1;
        if (!outgoing.write(chunk)) return outgoing.once('drain', write);
      }
      outgoing.end(`\r\n--${boundary}--\r\n`);
    };
    write();
  });
  samples.stop();
  await server.stop();
  parakeet.close();
  rows.push(
    `| ${UPLOAD_MB} MB upload to \`/api/audio/diarize\` (answer ${status}, ${mb(drained)} MB reached parakeet): RSS before / peak | ${mb(before)} / ${mb(samples.peak())} MB | peak − before ${mb(samples.peak() - before)} MB |`,
  );

  // 4. PGlite alone, on the data directory the server created, with each set of options.
  const db = join(dataDir, 'db');
  const alone = [
    ['PGlite defaults', pgliteAlone(db, {})],
    [
      '+ small memory settings (`PGLITE_START_PARAMS`)',
      pgliteAlone(db, { startParams: PGLITE_START_PARAMS }),
    ],
    [
      '+ V8 baseline compiler only (`--liftoff-only`), as the server runs it',
      pgliteAlone(db, { startParams: PGLITE_START_PARAMS, liftoffOnly: true }),
    ],
  ] as const;

  console.log(
    [
      '## Memory footprint (`packages/server/bench/footprint.ts`)',
      '',
      `The built server (\`dist/main.js\`) with the embedded database, simulated nothing: no Spark answers. RSS from \`/proc\`, sampled every 200 ms. A bare \`node\` process is ${mb(node)} MB. Load average at the start: ${loadavg()[0]?.toFixed(1)}.`,
      '',
      '| measure | value | target |',
      '|---|---|---|',
      ...rows,
      '',
      `PGlite alone (a fresh \`node\` process opening the server's data directory, 20 queries, 2 s idle), side by side (before this change the server ran PGlite 0.3 with its defaults and idled at 400–475 MB):`,
      '',
      '| PGlite 0.4 options | RSS |',
      '|---|---|',
      ...alone.map(([label, rss]) => `| ${label} | ${mb(rss)} MB |`),
    ].join('\n'),
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
