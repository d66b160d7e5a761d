import { afterEach, describe, expect, it } from 'vitest';
import { addConsumer, listConsumers } from '../memory.js';
import type { RunningService } from './http.js';
import { captureLog, tempStateDir } from './testing.js';
import { startVllm } from './vllm.js';
import { formatGib } from './vllm-memory.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Another process on the Spark holding memory; the parent process is alive for the whole test. */
function otherVllm(stateDir: string, kb: number, endedAt?: number): void {
  addConsumer(stateDir, {
    pid: process.ppid,
    container: 'vllm_big',
    kb,
    startedAt: Date.now(),
    ...(endedAt !== undefined ? { endedAt } : {}),
  });
}

async function serve(stateDir: string, utilization: string, memoryReleaseLagMs = 60_000) {
  const log = captureLog();
  const service: RunningService = await startVllm({
    stateDir,
    port: 0,
    loadDelayMs: 50,
    log,
    memoryReleaseLagMs,
    container: 'vllm_small',
    args: ['org/Qwen3-8B', '--gpu-memory-utilization', utilization],
  });
  cleanups.push(() => service.close());
  return { service, log };
}

const SHORTFALL =
  'ValueError: Free memory on device cuda:0 (56.26/119.24 GiB) on startup is less than desired GPU memory utilization (0.9, 107.32 GiB). Decrease GPU memory utilization or reduce GPU memory used by other processes.';

describe("vLLM's startup memory check", () => {
  it('formats sizes like format_gib (Python float repr of round(b / GiB, 2))', () => {
    expect(formatGib(12 * 2 ** 30)).toBe('12.0');
    expect(formatGib(107.318 * 2 ** 30)).toBe('107.32');
    expect(formatGib(0.5 * 2 ** 30)).toBe('0.5');
  });

  it('fails with exit 1 and the real ValueError when the free memory is below utilization × total, holding nothing', async () => {
    const state = tempStateDir();
    cleanups.push(state.cleanup);
    otherVllm(state.dir, 60_000_000);
    const { service, log } = await serve(state.dir, '0.9');
    expect(await service.exited).toBe(1);
    await expect(service.ready).rejects.toThrow();
    expect(log.errors).toContainEqual(expect.stringContaining(SHORTFALL));
    expect(log.all()).not.toContain('Starting to load model');
    expect(log.errors.at(-1)).toContain('RuntimeError: Engine core initialization failed.');
    expect(listConsumers(state.dir).map((consumer) => consumer.container)).toEqual(['vllm_big']);
  });

  it('counts memory still in its release lag, and starts once the lag is over, holding its own share', async () => {
    const state = tempStateDir();
    cleanups.push(state.cleanup);
    otherVllm(state.dir, 60_000_000, Date.now());
    const lagging = await serve(state.dir, '0.9', 60_000);
    expect(await lagging.service.exited).toBe(1);
    expect(lagging.log.errors).toContainEqual(expect.stringContaining(SHORTFALL));

    const released = await serve(state.dir, '0.9', 0);
    await released.service.ready;
    const mine = listConsumers(state.dir).find((consumer) => consumer.container === 'vllm_small');
    expect(mine?.kb).toBe(Math.ceil((125_034_288 * 1024 * 0.9) / 1024));
  });

  it('starts beside another vLLM when both budgets fit', async () => {
    const state = tempStateDir();
    cleanups.push(state.cleanup);
    otherVllm(state.dir, 60_000_000);
    const { service } = await serve(state.dir, '0.3');
    await service.ready;
  });
});
