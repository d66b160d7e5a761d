import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { COPY_KEY_ATTEMPTS } from './sparks.js';

describe('POST /api/sparks/{id}/copy-key', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1: every copy fails at once, as a wrong password would.
    t = await buildTestApp({
      settings: {
        sparks: [
          { id: 'spark-1', host: '127.0.0.1', sshPort: 1 },
          { id: 'spark-2', host: '127.0.0.1', sshPort: 1 },
        ],
      },
    });
  });
  afterAll(() => t.close());

  const copy = (id: string) =>
    t.app.request(`/api/sparks/${id}/copy-key`, {
      method: 'POST',
      headers: { ...t.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'guess' }),
    });

  it(`takes ${COPY_KEY_ATTEMPTS.perKey} SSH passwords per Spark in the window, then 429 with Retry-After`, async () => {
    for (let i = 0; i < COPY_KEY_ATTEMPTS.perKey; i++) expect((await copy('spark-1')).status).not.toBe(429);
    const refused = await copy('spark-1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    expect((await copy('spark-2')).status).not.toBe(429);
  });
});
