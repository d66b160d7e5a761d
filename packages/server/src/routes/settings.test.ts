import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';

describe('GET /api/settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      settings: {
        sparks: [{ id: 'spark-1', host: '10.0.0.2' }],
        gateway: {
          modelPolicies: [
            { modelId: 'qwen3-30b-a3b', pin: true },
            { modelId: 'no-such-model', idleUnloadSec: 60 },
          ],
        },
      },
    });
  });
  afterAll(() => t?.close());

  it('names a model policy for a model the catalog lacks, by its field', async () => {
    const response = await t.app.request('/api/settings', { headers: t.bearer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: string[] };
    expect(body.errors).toEqual(['gateway.modelPolicies.1.modelId: no model "no-such-model" in the catalog']);
  });
});
