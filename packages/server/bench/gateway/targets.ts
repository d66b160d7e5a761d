// The processes the gateway bench measures: the simulated vLLM, the gateway, a bare Node proxy and
// nginx, each its own process so that its CPU time can be read from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@spark-control/sim';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SIM_RUN = resolve(HERE, '../../../sim/src/services/run.ts');
const SERVE = resolve(HERE, 'serve.ts');
export const TOKEN = 'bench-token';
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export interface Target {
  name: string;
  port: number;
  /** The process whose CPU time (with its children's, for nginx's worker) counts as the proxy's. */
  pid: number | undefined;
}

const children: ChildProcess[] = [];

export async function stopAll(): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((wait) => setTimeout(wait, 300));
}

function start(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
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

export async function simVllm(stateDir: string, tokenDelayMs: number): Promise<Target> {
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
  return { name: 'direct', port, pid: child.pid };
}

/**
 * `gateway` (the production /v1 routes) or `bare` (a plain node:http keep-alive proxy); with
 * `profileDir`, node writes a CPU profile there when the process is stopped with `stopProcess`.
 */
export async function nodeProxy(
  mode: 'gateway' | 'gateway-placements' | 'bare',
  upstream: Target,
  options: { profileDir?: string } = {},
): Promise<Target> {
  const profile = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  const child = start(process.execPath, [...profile, '--import', 'tsx', SERVE, mode, String(upstream.port)]);
  const port = await new Promise<number>((done, fail) => {
    child.stdout?.once('data', (data: Buffer) => done(Number(data.toString().trim())));
    child.once('exit', (code) => fail(new Error(`${mode} proxy exited ${code}`)));
  });
  await waitForHttp(port, '/v1/models');
  const names = { gateway: 'gateway', 'gateway-placements': 'gateway, 2 placements', bare: 'bare node' };
  return { name: names[mode], port, pid: child.pid };
}

export async function nginx(upstream: Target, dir: string): Promise<Target | undefined> {
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
  upstream vllm { server 127.0.0.1:${upstream.port}; keepalive 128; }
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
  return { name: 'nginx', port, pid: child.pid };
}

/** Stops one process started here and waits for it to exit (a CPU profile is written on the way out). */
export async function stopProcess(pid: number): Promise<void> {
  const child = children.find((candidate) => candidate.pid === pid);
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** User plus system CPU seconds of a process and its children (nginx's master forks its worker). */
export function cpuSeconds(pid: number): number {
  const ticks = (id: number) => {
    try {
      // Fields after the parenthesised command name: state ppid … utime (14) stime (15).
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return { ppid: -1, cpu: 0 };
    }
  };
  let total = ticks(pid).cpu;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = ticks(Number(entry));
    if (stat.ppid === pid) total += stat.cpu;
  }
  return total / CLOCK_TICKS;
}
