import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reservePort } from './http.js';
import { parseRunArgs } from './run.js';
import { tempStateDir } from './testing.js';

describe('run.ts', () => {
  it('splits runner options from service arguments', () => {
    expect(
      parseRunArgs([
        'vllm',
        '--host',
        '127.0.0.2',
        '--port',
        '8888',
        '--state-dir',
        '/s',
        '--load-delay-ms',
        '50',
        '--',
        'org/m',
        '--port',
        '9000',
      ]),
    ).toEqual({
      kind: 'vllm',
      options: {
        host: '127.0.0.2',
        port: 8888,
        stateDir: '/s',
        loadDelayMs: 50,
        args: ['org/m', '--port', '9000'],
      },
    });
    expect(
      parseRunArgs(['embeddings', '--state-dir', '/s', '--model-id', 'BAAI/bge-m3']).options.args,
    ).toEqual(['--model-id', 'BAAI/bge-m3']);
    expect(() => parseRunArgs(['nope'])).toThrow(/usage/);
  });

  it('runs vllm as a process: logs to stdout, serves once ready, exits 0 on SIGTERM', async () => {
    const state = tempStateDir();
    const port = await reservePort('127.0.0.1', 0);
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const entry = fileURLToPath(new URL('./run.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsx,
        entry,
        'vllm',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--state-dir',
        state.dir,
        '--load-delay-ms',
        '100',
        '--',
        'org/m',
        '--served-model-name',
        'm',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), 20_000);
      child.stdout.on('data', () => {
        if (out.includes('Application startup complete.')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect((await fetch(`http://127.0.0.1:${port}/v1/models`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('Application shutdown complete.');
    state.cleanup();
  });
});
