import { createServer, type AddressInfo } from 'node:net';
import type { ServiceDescriptor } from '@spark-control/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startEmbeddings,
  startParakeet,
  tempStateDir,
  writeFaults,
  type RunningService,
} from '@spark-control/sim';
import { deepCheck } from './deep.js';
import { probeService } from './probes.js';
import { resolveHosts } from './resolve.js';

const HOST = '127.0.42.2';
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const quiet = { info: () => undefined, error: () => undefined };

function descriptor(kind: ServiceDescriptor['kind'], port: number, path = '/health'): ServiceDescriptor {
  return {
    id: kind,
    kind,
    label: kind,
    sparkId: 'spark2',
    host: HOST,
    port,
    path,
    source: 'builtin',
    enabled: true,
  };
}

describe('probes against single simulated services', () => {
  const state = tempStateDir();
  let loading: RunningService;
  let tei: RunningService;

  beforeAll(async () => {
    loading = await startParakeet({
      host: HOST,
      port: 0,
      stateDir: state.dir,
      loadDelayMs: 60_000,
      log: quiet,
    });
    tei = await startEmbeddings({ host: HOST, port: 0, stateDir: state.dir, loadDelayMs: 0, log: quiet });
    await Promise.all([loading.ready, tei.ready]);
  });
  afterAll(async () => {
    await loading?.close();
    await tei?.close();
    state.cleanup();
  });

  it('reports parakeet degraded while its model loads (health is 200, readiness is in the body)', async () => {
    const result = await probeService(descriptor('parakeet', loading.port), HOST, {
      timeoutMs: 1000,
      slowMs: 500,
    });
    expect(result).toMatchObject({ status: 'degraded', detail: 'model loading' });
    const deep = await deepCheck(descriptor('parakeet', loading.port), HOST, { timeoutMs: 2000 });
    expect(deep).toMatchObject({ ok: false });
    expect(deep.detail).toContain('503');
  });

  it('reports TEI down on 503 and up on its empty 200', async () => {
    expect(
      await probeService(descriptor('embeddings', tei.port), HOST, { timeoutMs: 1000, slowMs: 500 }),
    ).toMatchObject({
      status: 'up',
    });
    writeFaults(state.dir, { http: { embeddings: { mode: 'status', status: 503, count: 1 } } });
    expect(
      await probeService(descriptor('embeddings', tei.port), HOST, { timeoutMs: 1000, slowMs: 500 }),
    ).toMatchObject({
      status: 'down',
      detail: 'unhealthy (503)',
    });
  });

  it('reports a closed port as refusing connections and a custom http path by its status', async () => {
    const closed = await probeService(descriptor('kokoro', await closedPort()), HOST, {
      timeoutMs: 1000,
      slowMs: 500,
    });
    expect(closed).toMatchObject({ status: 'down', detail: 'refusing connections', latencyMs: null });
    const missing = await probeService(descriptor('http', tei.port, '/nope'), HOST, {
      timeoutMs: 1000,
      slowMs: 500,
    });
    expect(missing).toMatchObject({ status: 'down', detail: 'answered 404' });
    const blocked = await probeService(descriptor('http', 6000), HOST, { timeoutMs: 1000, slowMs: 500 });
    expect(blocked).toMatchObject({ status: 'down', detail: 'bad port' });
    const info = await probeService(descriptor('http', tei.port, '/info'), HOST, {
      timeoutMs: 1000,
      slowMs: 500,
    });
    expect(info).toMatchObject({ status: 'up', detail: 'answered 200' });
  });
});

describe('name resolution before a sweep', () => {
  it('uses IP literals as they are and asks the resolver once per name, within its timeout', async () => {
    const asked: string[] = [];
    const result = await resolveHosts(
      ['10.0.0.2', 'fd00::2', 'spark-1.local', 'spark-1.local', 'slow.local', 'gone.local'],
      async (host) => {
        asked.push(host);
        if (host === 'slow.local') return new Promise<string[]>(() => undefined);
        if (host === 'gone.local') throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
        return ['fe80::1', '192.168.1.20'];
      },
      100,
    );
    expect(asked.sort()).toEqual(['gone.local', 'slow.local', 'spark-1.local']);
    expect(result.get('10.0.0.2')).toEqual({ ok: true, address: '10.0.0.2' });
    expect(result.get('fd00::2')).toEqual({ ok: true, address: 'fd00::2' });
    expect(result.get('spark-1.local')).toEqual({ ok: true, address: '192.168.1.20' });
    expect(result.get('slow.local')).toEqual({
      ok: false,
      error: 'cannot resolve slow.local (no answer within 100 ms)',
    });
    expect(result.get('gone.local')).toEqual({ ok: false, error: 'cannot resolve gone.local (ENOTFOUND)' });
  });
});
