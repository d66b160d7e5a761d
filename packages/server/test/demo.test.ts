import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  baseEnv,
  type DemoRun,
  expectNothingLeft,
  healthy,
  newRun,
  removeRuns,
  REPO,
  serviceProcesses,
  startDetached,
} from './support/demo-run.js';
import { busyCores, hasTerminal, Terminal, until } from './support/terminal.js';

let hogs: { stop: () => void } | undefined;

afterEach(async () => {
  hogs?.stop();
  hogs = undefined;
  await removeRuns();
});

describe.skipIf(!hasTerminal)('make demo in a terminal', () => {
  const startInTerminal = (run: DemoRun) => {
    // The settings go on the command line, so only the demo's own processes carry the data directory.
    const terminal = Terminal.open({ cwd: REPO, env: baseEnv() });
    const assignments = Object.entries(run.vars).map(([name, value]) => `${name}='${value}'`);
    // The UI build is not what is tested here.
    terminal.type(`${assignments.join(' ')} make -o ui demo\n`);
    return terminal;
  };

  /** Resolves once /health first answers. */
  const answering = async (run: DemoRun, terminal: Terminal) => {
    const deadline = Date.now() + 150_000;
    while (!(await healthy(run))) {
      if (Date.now() > deadline) throw new Error(`the demo did not answer /health:\n${terminal.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('with both cores busy, Ctrl-C one second after /health first answers stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    try {
      await answering(run, terminal);
      hogs = busyCores();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(serviceProcesses(run).length).toBeGreaterThanOrEqual(6);
      terminal.interrupt();
      await terminal.promptReturns(60_000);
      expect(terminal.output).toContain('Stopping Spark Control and the simulated Sparks');
      await expectNothingLeft(run);
    } finally {
      await terminal.close();
    }
  }, 180_000);

  it('closing the terminal while it runs (SIGHUP) stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    await until(() => terminal.output.includes('Spark Control is ready'), 150_000, 'the demo');
    expect(terminal.output).toContain('Password: demo-test-password');
    expect(serviceProcesses(run).length).toBeGreaterThanOrEqual(6);
    await terminal.close();
    await expectNothingLeft(run);
  }, 180_000);

  it('closing the terminal right after a Ctrl-C stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    await until(() => terminal.output.includes('Spark Control is ready'), 150_000, 'the demo');
    terminal.interrupt();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await terminal.close();
    await expectNothingLeft(run);
  }, 180_000);

  it('with both cores busy, Ctrl-C while the simulated Sparks are still starting stops everything', async () => {
    const run = await newRun();
    const terminal = startInTerminal(run);
    try {
      await until(() => serviceProcesses(run).length > 0, 120_000, 'the first simulated service');
      hogs = busyCores();
      terminal.interrupt();
      await terminal.promptReturns(60_000);
      await expectNothingLeft(run);
    } finally {
      await terminal.close();
    }
  }, 180_000);
});

describe('make demo stopped by a signal to its whole process group', () => {
  it.each([
    ['SIGTERM', 'Starting two simulated DGX Sparks'],
    ['SIGHUP', 'Both simulated Sparks answer over SSH'],
  ] as const)(
    '%s as soon as it prints "%s" stops everything',
    async (signal, moment) => {
      const run = await newRun();
      const demo = startDetached(run);
      await until(() => demo.output().includes(moment), 120_000, `"${moment}"`);
      process.kill(-demo.pgid, signal);
      expect(await demo.exited, demo.output()).toBe(0);
      await expectNothingLeft(run);
    },
    150_000,
  );
});

describe('make demo serves two placements through one /v1', () => {
  interface Streamed {
    model: string | undefined;
    finish: string | null | undefined;
    words: number;
    startedAt: number;
    endedAt: number;
  }

  /** A chat stream with the openai SDK, read to its end. */
  const stream = async (client: OpenAI, model: string, words: number, onFirstWord = () => {}) => {
    const startedAt = Date.now();
    const reply = Array.from({ length: words }, (_, index) => `w${index}`).join(' ');
    const chunks = await client.chat.completions.create({
      model,
      stream: true,
      max_tokens: words + 10,
      messages: [{ role: 'user', content: `SIM_REPLY: ${reply}` }],
    });
    let content = '';
    const got: Streamed = { model: undefined, finish: undefined, words: 0, startedAt, endedAt: 0 };
    for await (const chunk of chunks) {
      content += chunk.choices[0]?.delta.content ?? '';
      if (content.trim()) onFirstWord();
      got.finish = chunk.choices[0]?.finish_reason ?? got.finish;
      got.model = chunk.model;
    }
    return { ...got, words: content.trim().split(/\s+/).length, endedAt: Date.now() };
  };

  it('both models answer the openai SDK; a swap on small leaves the streams to vllm whole', async () => {
    const run = await newRun();
    const demo = startDetached(run);
    try {
      await until(() => demo.output().includes('Spark Control is ready'), 150_000, 'the demo');
      expect(demo.output()).toContain(
        'Placements, both at /v1: vllm on Spark 1 serves qwen3-30b; small on Spark 2 serves qwen3-4b (or phi-4-mini after a swap)',
      );
      const base = `http://127.0.0.1:${run.port}`;
      const headers = { Authorization: `Bearer ${run.token}` };
      const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: run.token, maxRetries: 0 });
      const listed = async () =>
        (await client.models.list()).data.map((model) => [
          model.id,
          (model as OpenAI.Model & { placement?: string }).placement,
        ]);
      expect(await listed()).toEqual([
        ['qwen3-30b', 'vllm'],
        ['qwen3-4b', 'small'],
      ]);
      for (const model of ['qwen3-30b', 'qwen3-4b']) {
        const answer = await client.chat.completions.create({
          model,
          messages: [{ role: 'user', content: `SIM_REPLY: ${model} here` }],
        });
        expect(answer.model).toBe(model);
        expect(answer.choices[0]?.message.content).toBe(`${model} here`);
      }

      // Streams to vllm one after another, from before the swap on small starts until after it is ready.
      let swapDone = false;
      let firstWord = () => {};
      const flowing = new Promise<void>((resolve) => (firstWord = resolve));
      const streams = (async () => {
        const results: Streamed[] = [];
        do results.push(await stream(client, 'qwen3-30b', 100, firstWord));
        while (!swapDone);
        return results;
      })();
      // Awaited below; a failed stream must not go unhandled before then.
      streams.catch(() => undefined);
      await flowing;
      const started = await fetch(`${base}/api/swap`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ modelId: 'phi-4-mini', placementId: 'small' }),
      });
      expect(started.status, await started.clone().text()).toBe(202);
      const current = async (placementId: string) => {
        const response = await fetch(`${base}/api/swap/current?placementId=${placementId}`, { headers });
        type Swap = { status: string; startedAt: string; finishedAt: string | null };
        return ((await response.json()) as { swap: Swap | null }).swap;
      };
      await expect
        .poll(async () => (await current('small'))?.status, { timeout: 90_000 })
        .not.toBe('running');
      const readyAt = Date.now();
      swapDone = true;
      const swap = await current('small');
      expect(swap).toMatchObject({ status: 'ready' });
      expect(await current('vllm')).toBeNull();
      const results = await streams;
      expect(results.length).toBeGreaterThan(1);
      // Every stream whole: none cut off or failed while small stopped its model and loaded the next.
      expect(results.map(({ model, finish, words }) => ({ model, finish, words }))).toEqual(
        results.map(() => ({ model: 'qwen3-30b', finish: 'stop', words: 100 })),
      );
      expect(results.at(-1)?.endedAt).toBeGreaterThan(readyAt);
      // A request to vllm made while small swapped was answered then: it did not wait for small.
      const [swapStart, swapEnd] = [Date.parse(swap?.startedAt ?? ''), Date.parse(swap?.finishedAt ?? '')];
      expect(results.some((result) => result.startedAt > swapStart && result.endedAt < swapEnd)).toBe(true);

      expect(await listed()).toEqual([
        ['qwen3-30b', 'vllm'],
        ['phi-4-mini', 'small'],
      ]);
      expect(await stream(client, 'phi-4-mini', 3)).toMatchObject({
        model: 'phi-4-mini',
        finish: 'stop',
        words: 3,
      });
    } finally {
      process.kill(-demo.pgid, 'SIGTERM');
    }
    expect(await demo.exited, demo.output()).toBe(0);
    await expectNothingLeft(run);
  }, 240_000);
});
