import { createOpenAI } from '@ai-sdk/openai';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../../../test/support/app.js';
import type { SimFixture } from '../../../test/support/sim.js';
import { startSimGateway, type GatewayHarness, type SimGateway } from '../../../test/support/sim-gateway.js';

const SERVED = 'model-a';

/**
 * The clients owners point at the gateway, with their defaults: the Vercel AI SDK's OpenAI
 * provider and LangChain with `useResponsesApi` both speak the Responses API (`/v1/responses`).
 */
describe('client libraries through the gateway against the simulated vLLM', () => {
  let sim: SimFixture;
  let g: GatewayHarness;
  let fixture: SimGateway | undefined;
  /** Requests the gateway counted on its `/v1/responses` route (from its own metrics). */
  const responsesCalls = () =>
    g.registry
      .render()
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('spark_control_gateway_requests_total{') && line.includes('route="/v1/responses"'),
      )
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);

  beforeAll(async () => {
    fixture = await startSimGateway({
      sim: { initialModel: { model: 'Qwen/Qwen3-30B-A3B-FP8', args: ['--served-model-name', SERVED] } },
    });
    ({ sim, g } = fixture);
  }, 120_000);
  afterAll(() => fixture?.close());

  const aiSdk = () => createOpenAI({ baseURL: `${g.base}/v1`, apiKey: TEST_TOKEN })(SERVED);
  const langChain = () =>
    new ChatOpenAI({
      model: SERVED,
      apiKey: TEST_TOKEN,
      useResponsesApi: true,
      maxRetries: 0,
      configuration: { baseURL: `${g.base}/v1` },
    });

  it('AI SDK: generateText with the default provider goes through /v1/responses', async () => {
    const before = responsesCalls();
    const result = await generateText({ model: aiSdk(), prompt: 'SIM_REPLY: hello from the responses API' });
    expect(result.text).toBe('hello from the responses API');
    expect(result.usage.outputTokens).toBe(5);
    expect(result.response.id).toMatch(/^resp_/);
    expect(responsesCalls()).toBe(before + 1);
  });

  it('AI SDK: streamText streams the text delta by delta', async () => {
    const result = streamText({ model: aiSdk(), prompt: 'SIM_REPLY: one two three four five' });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    expect(parts.join('')).toBe('one two three four five');
    expect(parts.length).toBeGreaterThan(3);
    expect(await result.finishReason).toBe('stop');
  });

  it('LangChain: ChatOpenAI with useResponsesApi invokes and streams', async () => {
    const before = responsesCalls();
    const message = await langChain().invoke('SIM_REPLY: answered by langchain');
    expect(message.text).toBe('answered by langchain');
    expect(responsesCalls()).toBe(before + 1);
    const chunks: string[] = [];
    for await (const chunk of await langChain().stream('SIM_REPLY: streamed by langchain'))
      chunks.push(chunk.text);
    expect(chunks.join('')).toBe('streamed by langchain');
    expect(chunks.filter(Boolean).length).toBeGreaterThan(2);
  });

  it('retrieves a served model by id and answers an unknown one with model_not_found', async () => {
    const model = await g.client.models.retrieve(SERVED);
    expect(model).toMatchObject({ id: SERVED, object: 'model', owned_by: 'vllm' });
    const missing = await g.client.models.retrieve('gpt-4o').catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect((missing as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('answers a model that is not served on /v1/responses with a 404 naming what is', async () => {
    const response = await fetch(`${g.base}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'no-such-model', input: 'hi' }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('model_not_found');
    expect(body.error.message).toContain(`\`${SERVED}\``);
  });

  // Last: the fault kills the simulated vLLM for good.
  it('ends a responses stream the upstream dies in with an error event numbered after the last one', async () => {
    await sim.cluster.control.setFaults(sim.cluster.sparks[0]!.id, { vllm: { dieMidStreamAfterChunks: 6 } });
    const response = await fetch(`${g.base}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: SERVED, input: `SIM_REPLY: ${'word '.repeat(50)}`, stream: true }),
    });
    expect(response.status).toBe(200);
    const frames = (await response.text()).split('\n\n').filter(Boolean);
    const last = frames.at(-1) ?? '';
    expect(last.split('\n')[0]).toBe('event: error');
    const error = JSON.parse(last.split('\n')[1]!.slice('data: '.length)) as Record<string, unknown>;
    // Numbered after the events that made it through (the sim dies within its 6th).
    expect(error).toMatchObject({
      type: 'error',
      code: 'upstream_disconnected',
      sequence_number: frames.length - 1,
    });
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.length).toBeLessThan(8);
  });
});
