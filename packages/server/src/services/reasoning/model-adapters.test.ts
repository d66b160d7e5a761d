import { parseSettings } from '@spark-control/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { LlmError } from '../../adapters/llm/openai-chat.js';
import { TierBreaker } from './breaker.js';
import { adapterFor } from './model-adapters.js';
import { localBaseUrl, renderInput } from './service.js';
import { TaskStore } from './task-store.js';
import type { ReasoningTask } from './tasks.js';

let lead: ReasoningTask;
let qd: ReasoningTask;
beforeAll(async () => {
  const tasks = (await TaskStore.open()).current;
  lead = tasks.get('lead_tagger') as ReasoningTask;
  qd = tasks.get('qd_calculator') as ReasoningTask;
});

describe('adapterFor', () => {
  it.each([
    ['nvidia/nemotron-3-super-120b-a12b', 'cloud', 'nemotron-3-super'],
    ['nvidia/llama-3.3-nemotron-super-49b-v1', 'cloud', 'llama-3.3-nemotron-super-49b-v1'],
    ['nvidia/llama-3.3-nemotron-super-49b-v1.5', 'cloud', 'llama-3.3-nemotron-super-49b-v1.5'],
    ['meta/llama-3.1-8b-instruct', 'cloud', 'plain'],
    ['nvidia/llama-3.3-nemotron-super-49b-v1', 'local', 'local-vllm'],
  ] as const)('%s on a %s tier → %s', (model, kind, name) => {
    expect(adapterFor(model, kind).name).toBe(name);
  });

  it('puts the 49B switch alone in the first system message and the instructions in the user message', () => {
    const built = adapterFor('nvidia/llama-3.3-nemotron-super-49b-v1', 'cloud').build({
      task: qd,
      input: 'answers',
    });
    expect(built.messages).toEqual([
      { role: 'system', content: 'detailed thinking on' },
      { role: 'user', content: `${qd.instructions}\n\nanswers` },
    ]);
    expect(built.extraBody).toEqual({});
    const v15 = adapterFor('nvidia/llama-3.3-nemotron-super-49b-v1.5', 'cloud').build({
      task: lead,
      input: 'x',
    });
    expect(v15.messages[0]).toEqual({ role: 'system', content: '/no_think' });
  });

  it('switches Nemotron 3 Super through the chat template, with the budget only when thinking', () => {
    const super3 = adapterFor('nvidia/nemotron-3-super-120b-a12b', 'cloud');
    expect(super3.build({ task: qd, input: 'x' }).extraBody).toEqual({
      chat_template_kwargs: { enable_thinking: true },
      reasoning_budget: 2048,
    });
    expect(super3.build({ task: lead, input: 'x' }).extraBody).toEqual({
      chat_template_kwargs: { enable_thinking: false },
    });
    expect(adapterFor('any', 'local').build({ task: qd, input: 'x' }).extraBody).toEqual({
      chat_template_kwargs: { enable_thinking: true },
    });
  });

  it('appends the re-ask after the first exchange', () => {
    const built = adapterFor('nvidia/nemotron-3-super-120b-a12b', 'cloud').build({
      task: lead,
      input: 'x',
      reask: { reply: 'nope', errors: 'fix it' },
    });
    expect(built.messages.slice(1)).toEqual([
      { role: 'user', content: 'x' },
      { role: 'assistant', content: 'nope' },
      { role: 'user', content: 'fix it' },
    ]);
  });
});

describe('TierBreaker', () => {
  const policy = {
    consecutiveFailures: 100,
    errorThresholdPercentage: 50,
    volumeThreshold: 4,
    rollingWindowMs: 60_000,
    resetTimeoutMs: 60_000,
  };
  const fail = () => Promise.reject(new LlmError('unavailable', '503'));

  it('opens on the failure rate once the window holds enough calls', async () => {
    const breaker = new TierBreaker('rate', policy);
    try {
      // Never two failures in a row: only the rate (3 of 5 > 50 %) trips it.
      for (const outcome of ['fail', 'ok', 'fail', 'ok']) {
        await breaker.fire(outcome === 'ok' ? () => Promise.resolve('ok') : fail).catch(() => undefined);
      }
      expect(breaker.state).toBe('closed');
      await breaker.fire(fail).catch(() => undefined);
      expect(breaker.state).toBe('open');
      await expect(breaker.fire(() => Promise.resolve('ok'))).rejects.toMatchObject({ code: 'EOPENBREAKER' });
    } finally {
      breaker.shutdown();
    }
  });

  it('does not count a request we got wrong (400)', async () => {
    const breaker = new TierBreaker('bad', { ...policy, consecutiveFailures: 2 });
    try {
      for (let call = 0; call < 5; call += 1)
        await breaker.fire(() => Promise.reject(new LlmError('bad_request', '400'))).catch(() => undefined);
      expect(breaker.state).toBe('closed');
      await breaker.fire(fail).catch(() => undefined);
      await breaker.fire(fail).catch(() => undefined);
      expect(breaker.state).toBe('open');
      expect(breaker.openReason).toMatch(/2 failures in a row \(last: 503\)/);
    } finally {
      breaker.shutdown();
    }
  });
});

describe('service helpers', () => {
  it('finds the local vLLM on the first Spark with the vllm role unless localBaseUrl is set', () => {
    const settings = (input: unknown) => {
      const parsed = parseSettings(input);
      if (!parsed.success) throw new Error(parsed.errors.join('; '));
      return parsed.settings;
    };
    const sparks = [
      { id: 'a', host: '10.0.0.2' },
      { id: 'b', host: 'fd00::3', roles: ['vllm'] },
    ];
    expect(localBaseUrl(settings({ sparks: [{ id: 'a', host: '10.0.0.2' }], vllm: { port: 8000 } }))).toBe(
      'http://10.0.0.2:8000/v1',
    );
    expect(localBaseUrl(settings({ sparks: [{ ...sparks[0], roles: ['stt'] }, sparks[1]] }))).toBe(
      'http://[fd00::3]:8888/v1',
    );
    expect(localBaseUrl(settings({ sparks, reasoning: { localBaseUrl: 'http://gpu:9000/v1' } }))).toBe(
      'http://gpu:9000/v1',
    );
    expect(localBaseUrl(settings({}))).toBeUndefined();
  });

  it('renders object inputs as lines, keeping a log tail on lines of its own', () => {
    expect(renderInput('as is')).toBe('as is');
    expect(renderInput({ cause: 'oom', logTail: 'a\nb', model: 'm' })).toBe(
      'cause: oom\nlogTail:\na\nb\nmodel: m',
    );
  });
});
