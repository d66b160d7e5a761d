import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { startSimFixture, type SimFixture } from '../../../test/support/sim.js';
import { command, shellArg } from '../../adapters/ssh/index.js';
import { SIGNATURE_HEADER, signWebhook } from '../swap/webhook.js';

interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('catalog and local models against the simulated Sparks', () => {
  let sim: SimFixture;
  let t: TestApp;
  let modelsRoot: string;
  const deliveries: Delivery[] = [];
  let refuseNext = 1;
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (refuseNext > 0) {
        refuseNext--;
        response.writeHead(500).end();
        return;
      }
      deliveries.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });

  const send = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { ...t.bearer, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    sim = await startSimFixture();
    modelsRoot = join(sim.cluster.sparks[0]!.home, 'models');
    const port = (receiver.address() as AddressInfo).port;
    t = await buildTestApp({
      settings: sim.settings({
        vllm: { modelRoots: [modelsRoot] },
        webhook: { url: `http://127.0.0.1:${port}/hook`, secret: 'hook-secret' },
      }),
      ssh: sim.ssh,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await sim?.close();
    receiver.close();
  });

  it('lists the seeded catalog with each model’s source', async () => {
    const body = (await (await send('GET', '/api/catalog')).json()) as {
      models: { id: string; source: string }[];
      warnings: string[];
    };
    expect(body.models.length).toBeGreaterThanOrEqual(4);
    expect(body.models.every((model) => model.source === 'hf')).toBe(true);
    expect(body.warnings).toEqual([]);
  });

  it('checks a local model’s path over SSH before adding it', async () => {
    const entry = {
      id: 'ft',
      label: 'Fine-tune',
      localPath: `${modelsRoot}/qwen3-8b-finetune`,
      servedName: 'ft',
      vllm: { gpuMemoryUtilization: 0.3 },
    };
    const missing = await send('POST', '/api/catalog', { ...entry, localPath: `${modelsRoot}/nope` });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toMatch(/^localPath: .*nope does not exist on spark1/);
    const outside = await send('POST', '/api/catalog', { ...entry, localPath: '/opt/models/x' });
    expect((await errorOf(outside)).message).toMatch(/^localPath: must lie inside the model roots/);
    expect((await send('POST', '/api/catalog', entry)).status).toBe(201);
    expect((await send('POST', '/api/catalog', entry)).status).toBe(409);
  });

  it('swaps to the local model with its directory bind-mounted, and signs the webhook', async () => {
    const response = await send('POST', '/api/swap', { modelId: 'ft' });
    expect(response.status).toBe(202);
    await t.swaps.idle();
    const { swap, servedModel } = await t.swaps.current();
    expect(swap?.status, swap?.message ?? '').toBe('ready');
    expect(servedModel).toBe('ft');
    const inspect = await sim.ssh.pool.exec(
      sim.settings().sparks[0]!,
      command`docker inspect ${shellArg.container('vllm_node')}`,
    );
    const [container] = JSON.parse(inspect.stdout) as { Mounts: { Source: string; Destination: string }[] }[];
    expect(container?.Mounts).toContainEqual(
      expect.objectContaining({
        Source: `${modelsRoot}/qwen3-8b-finetune`,
        Destination: '/models/qwen3-8b-finetune',
      }),
    );

    await t.webhook.idle();
    const types = deliveries.map((delivery) => (JSON.parse(delivery.body) as { type: string }).type);
    expect(types).toEqual(['swap.started', 'swap.ready']);
    for (const delivery of deliveries) {
      const timestamp = String(delivery.headers['x-spark-control-timestamp']);
      expect(delivery.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(
        signWebhook('hook-secret', timestamp, delivery.body),
      );
    }
  });

  it('refuses hostile values with a 400 naming the field', async () => {
    const hostile = [
      '; rm -rf /',
      '$(reboot)',
      '`id`',
      'a\nb',
      '../../etc',
      '-rf',
      'x'.repeat(5000),
      'evil\u202Etxt',
    ];
    for (const value of hostile) {
      for (const field of ['hfRepo', 'servedName', 'id']) {
        const entry = {
          id: 'x',
          label: 'x',
          hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
          servedName: 'x',
          [field]: value,
        };
        const response = await send('POST', '/api/catalog', entry);
        expect(response.status, `${field}=${JSON.stringify(value)}`).toBe(400);
        expect((await errorOf(response)).message).toContain(`${field}:`);
      }
    }
    const swap = await send('POST', '/api/swap', { modelId: '$(reboot)' });
    expect(swap.status).toBe(400);
    expect((await errorOf(swap)).message).toContain('modelId:');
  });

  it('deletes downloaded weights only with confirmation, and never a local model’s files', async () => {
    const cache = join(sim.cluster.sparks[0]!.home, '.cache/huggingface/hub/models--Qwen--Qwen3-30B-A3B-FP8');
    expect(existsSync(cache)).toBe(true);
    const unconfirmed = await send('DELETE', '/api/catalog/qwen3-30b-a3b?deleteFiles=true');
    expect(unconfirmed.status).toBe(400);
    expect((await errorOf(unconfirmed)).message).toMatch(/^confirm:/);
    expect(existsSync(cache)).toBe(true);
    expect(
      (await send('DELETE', '/api/catalog/qwen3-30b-a3b?deleteFiles=true&confirm=qwen3-30b-a3b')).status,
    ).toBe(204);
    expect(existsSync(cache)).toBe(false);

    const local = await send('DELETE', '/api/catalog/ft?deleteFiles=true&confirm=ft');
    expect(local.status).toBe(409);
    expect(existsSync(join(modelsRoot, 'qwen3-8b-finetune'))).toBe(true);
    expect((await send('DELETE', '/api/catalog/nope')).status).toBe(404);
  });

  it('audits swaps and catalog changes', async () => {
    const actions = (await t.audit.recent(100)).map((row) => `${row.action} ${row.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'POST /api/catalog ok',
        'POST /api/swap ok',
        'DELETE /api/catalog/:id ok',
        'DELETE /api/catalog/:id failed',
      ]),
    );
  });
});
