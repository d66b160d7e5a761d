import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';
import { startGateway } from './testing/harness.js';

// Three simulated Sparks: placement a on Spark 1 and b on Spark 3 each serve a model from their own
// container; placement c on Spark 2 has nothing running. One base URL serves both models.
const A = { spark: 0, port: 8001, container: 'vllm_a', served: 'model-a', repo: 'Qwen/Qwen3-30B-A3B-FP8' };
const B = { spark: 2, port: 8002, container: 'vllm_b', served: 'model-b', repo: 'Qwen/Qwen3-0.6B' };
const C = { spark: 1, port: 8003, container: 'vllm_c' };

/** vLLM's count of finished requests on one simulated container (from its own /metrics). */
async function finishedOn(host: string, port: number): Promise<number> {
  const text = await (await fetch(`http://${host}:${port}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('vllm:request_success_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('one base URL in front of several placements', () => {
  let sim: SimFixture;
  let t: TestApp;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;
  const hostOf = (spark: number) => sim.cluster.sparks[spark]!.host;

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: {
        sparks: 3,
        tokenDelayMs: 4,
        initialModels: [A, B].map((placement) => ({
          spark: placement.spark,
          model: placement.repo,
          port: placement.port,
          container: placement.container,
          args: ['--served-model-name', placement.served, '--gpu-memory-utilization', '0.4'],
        })),
      },
      settings: ({ cluster }) => {
        const placement = (id: string, spec: { spark: number; port: number; container: string }) => ({
          id,
          sparkIds: [cluster.sparks[spec.spark]!.id],
          port: spec.port + cluster.sparks[spec.spark]!.portOffset,
          container: spec.container,
        });
        return { placements: [placement('a', A), placement('b', B), placement('c', C)] };
      },
    });
    ({ sim, t, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  it('sends each model to the vLLM of its own placement, metered with that placement', async () => {
    const before = [await finishedOn(hostOf(A.spark), A.port), await finishedOn(hostOf(B.spark), B.port)];
    const a = await g.client.chat.completions.create({
      model: A.served,
      messages: [{ role: 'user', content: 'SIM_REPLY: from a' }],
    });
    const b = await g.client.chat.completions.create({
      model: B.served,
      messages: [{ role: 'user', content: 'SIM_REPLY: from b' }],
    });
    const text = await g.client.completions.create({ model: B.served, prompt: 'SIM_REPLY: text from b' });
    const response = await g.client.responses.create({
      model: A.served,
      input: 'SIM_REPLY: responses from a',
    });
    expect([a.model, a.choices[0]?.message.content]).toEqual([A.served, 'from a']);
    expect([b.model, b.choices[0]?.message.content]).toEqual([B.served, 'from b']);
    expect([text.model, text.choices[0]?.text]).toEqual([B.served, 'text from b']);
    expect([response.model, response.output_text]).toEqual([A.served, 'responses from a']);
    expect(await finishedOn(hostOf(A.spark), A.port)).toBe(before[0]! + 2);
    expect(await finishedOn(hostOf(B.spark), B.port)).toBe(before[1]! + 2);
    const metrics = g.registry.render() + t.metricsRegistry.render();
    expect(metrics).toMatch(/spark_control_gateway_model_requests_total\{[^}]*model="model-a",placement="a"/);
    expect(metrics).toMatch(/spark_control_gateway_model_requests_total\{[^}]*model="model-b",placement="b"/);
  });

  it('streams from both placements at once', async () => {
    const stream = async (model: string) => {
      const words = Array.from({ length: 40 }, (_, i) => `${model}-${i}`).join(' ');
      const chunks = await g.client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: `SIM_REPLY: ${words}` }],
        stream: true,
      });
      let text = '';
      let first = 0;
      for await (const chunk of chunks) {
        first ||= performance.now();
        text += chunk.choices[0]?.delta.content ?? '';
      }
      return { text, words, first, last: performance.now() };
    };
    const [a, b] = await Promise.all([stream(A.served), stream(B.served)]);
    expect(a.text).toBe(a.words);
    expect(b.text).toBe(b.words);
    // Each stream had begun before the other ended: they ran side by side.
    expect(a.first).toBeLessThan(b.last);
    expect(b.first).toBeLessThan(a.last);
  });

  it('lists every served model with its placement; a placement that does not answer lists nothing', async () => {
    const page = await g.client.models.list();
    expect(page.data.map((model) => [model.id, (model as { placement?: string }).placement])).toEqual([
      [A.served, 'a'],
      [B.served, 'b'],
    ]);
    expect(page.data[1]).toMatchObject({ id: B.served, object: 'model', owned_by: 'vllm' });
    expect(typeof page.data[1]?.created).toBe('number');
    const retrieved = await g.client.models.retrieve(B.served);
    expect(retrieved).toMatchObject({ id: B.served, object: 'model', placement: 'b' });
  });

  it("answers a model no placement serves with OpenAI's 404 naming what is served", async () => {
    const missing = await g.client.chat.completions
      .create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    const error = missing as InstanceType<typeof OpenAI.NotFoundError>;
    expect(error.code).toBe('model_not_found');
    expect(error.param).toBe('model');
    expect(error.message).toContain('The model `no-such-model` is not loaded. Served: `model-a`, `model-b`.');
    const retrieved = await g.client.models.retrieve('no-such-model').catch((caught: unknown) => caught);
    expect(retrieved).toBeInstanceOf(OpenAI.NotFoundError);
    expect((retrieved as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('queues a request during a swap of its own placement only', async () => {
    let release = () => {};
    const swapOnB = new Promise<void>((resolve) => {
      release = resolve;
    });
    let swapping = true;
    const swaps = {
      isSwapping: (placementId?: string) => swapping && (placementId === undefined || placementId === 'b'),
      idle: (placementId?: string) =>
        placementId === undefined || placementId === 'b' ? swapOnB : Promise.resolve(),
    };
    const gateway = await startGateway(t, { swaps });
    try {
      const ask = (model: string) =>
        gateway.client.chat.completions.create({
          model,
          messages: [{ role: 'user', content: 'SIM_REPLY: ok' }],
        });
      let bDone = false;
      const b = ask(B.served).then((answer) => {
        bDone = true;
        return answer;
      });
      let timer: NodeJS.Timeout | undefined;
      const a = await Promise.race([
        ask(A.served),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('the request to placement a waited for the swap on b')),
            5000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      expect(a.choices[0]?.message.content).toBe('ok');
      expect(bDone).toBe(false);
      expect(gateway.gateway.queue.depth).toBe(1);
      swapping = false;
      release();
      expect((await b).model).toBe(B.served);
    } finally {
      swapping = false;
      release();
      await gateway.close();
    }
  });
});
