import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '@spark-control/schema';
import { EventBus } from '../adapters/event-bus.js';
import { createLogger } from '../adapters/logger.js';
import { LogCapture } from '../../test/support/app.js';
import { SettingsStore } from './settings-store.js';

const KEY = 'nvapi-very-secret-key-42';

describe('SettingsStore', () => {
  let dir: string;
  let file: string;
  let logs: LogCapture;
  let bus: EventBus;
  let events: AppEvent[];
  let store: SettingsStore;

  const write = async (settings: unknown) => {
    // Written the way the StartOS action writes: a temp file renamed over the old one.
    const temporary = `${file}.tmp`;
    await writeFile(temporary, typeof settings === 'string' ? settings : JSON.stringify(settings));
    await rename(temporary, file);
  };
  const until = (condition: () => boolean) =>
    vi.waitFor(() => expect(condition()).toBe(true), { timeout: 2000, interval: 25 });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'settings-store-'));
    file = join(dir, 'settings.json');
    logs = new LogCapture();
    bus = new EventBus();
    events = [];
    bus.subscribe((event) => events.push(event));
    await write({ sparks: [{ id: 'spark-1', host: '10.0.0.2' }], reasoning: { nvidiaApiKey: KEY } });
    const log = createLogger({ destination: logs, secrets: () => [KEY] });
    store = new SettingsStore({ file, log, bus });
    await store.load();
    store.watch(50);
  });

  afterEach(async () => {
    store.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on defaults when there is no file', async () => {
    const empty = new SettingsStore({
      file: join(dir, 'missing.json'),
      log: createLogger({ destination: logs }),
      bus,
    });
    await empty.load();
    expect(empty.current.sparks).toEqual([]);
    expect(empty.errors).toEqual([]);
  });

  it('applies a valid edit live and announces which parts changed', async () => {
    expect(store.current.vllm.port).toBe(8888);
    await write({
      sparks: [{ id: 'spark-1', host: '10.0.0.2' }],
      vllm: { port: 8000 },
      reasoning: { nvidiaApiKey: KEY },
    });
    await until(() => store.current.vllm.port === 8000);
    expect(events).toEqual([expect.objectContaining({ type: 'settings.changed', changed: ['vllm'] })]);
  });

  it.each([
    ['a blank vLLM port', { vllm: { port: '' } }, 'vllm.port'],
    ['port 70000', { vllm: { port: 70000 } }, 'vllm.port'],
    ['a host with a space', { sparks: [{ id: 'spark-1', host: 'spark 1' }] }, 'sparks.0.host'],
    ['broken JSON', '{"vllm": {"port": 8000', 'not valid JSON'],
  ])('keeps the last good settings on %s and logs the field', async (_name, edit, field) => {
    await write(edit);
    await until(() => store.errors.length > 0);
    expect(store.current.vllm.port).toBe(8888);
    expect(store.current.sparks[0]?.host).toBe('10.0.0.2');
    const rejected = logs.records.find(
      (record) => record.msg === 'settings rejected; the last good settings stay in force',
    );
    expect(JSON.stringify(rejected?.errors)).toContain(field);
    expect(events).toEqual([]);
  });

  it('recovers when a good edit follows a bad one', async () => {
    await write({ vllm: { port: 70000 } });
    await until(() => store.errors.length > 0);
    await write({ sparks: [{ id: 'spark-1', host: '10.0.0.9' }] });
    await until(() => store.current.sparks[0]?.host === '10.0.0.9');
    expect(store.errors).toEqual([]);
  });

  it('never writes the NVIDIA key to the log', async () => {
    await write({ reasoning: { nvidiaApiKey: KEY }, vllm: { port: 'x' } });
    await until(() => store.errors.length > 0);
    await write(`{"reasoning": {"nvidiaApiKey": "${KEY}"`);
    await until(() => store.errors.some((error) => error.includes('JSON')));
    expect(logs.lines.join('\n')).not.toContain(KEY);
  });

  it('takes the NVIDIA key from the environment over the file', async () => {
    const overridden = new SettingsStore({
      file,
      overrides: { nvidiaApiKey: 'nvapi-from-env' },
      log: createLogger({ destination: logs }),
      bus,
    });
    await overridden.load();
    expect(overridden.current.reasoning.nvidiaApiKey).toBe('nvapi-from-env');
  });
});
