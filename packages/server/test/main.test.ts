import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_DIR, startServerProcess, type RunningServer } from './support/process.js';

const TOKEN = 'sc_process-test-token';
const KEY = 'nvapi-process-secret-9876';

describe('the server process', () => {
  let dataDir: string;
  let server: RunningServer;
  const settingsFile = () => join(dataDir, 'settings.json');
  const writeSettings = async (settings: unknown) => {
    await writeFile(`${settingsFile()}.tmp`, JSON.stringify(settings));
    await rename(`${settingsFile()}.tmp`, settingsFile());
  };
  const getSettings = async () => {
    const response = await fetch(`${server.url}/api/settings`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    return (await response.json()) as {
      settings: { vllm: { port: number }; sparks: { host: string }[]; reasoning: { nvidiaApiKey: string } };
      errors: string[];
    };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'spark-control-main-'));
    await writeSettings({ sparks: [{ id: 'spark-1', host: '10.0.0.2' }], reasoning: { nvidiaApiKey: KEY } });
    // The owner's prompts on the data volume: one invalid file must not stop the server.
    await mkdir(join(dataDir, 'prompts'));
    await writeFile(join(dataDir, 'prompts', 'broken.md'), 'an edit without its frontmatter');
    server = await startServerProcess({ SPARK_CONTROL_DATA: dataDir, SPARK_CONTROL_API_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /health and the login page', async () => {
    const health = await fetch(`${server.url}/health`);
    const body = (await health.json()) as { status: string; version: string };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(existsSync(join(SERVER_DIR, '../ui/dist/index.html')), 'build the dashboard first: make ui').toBe(
      true,
    );
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
  });

  it("starts with an invalid prompt file on the data volume and applies the owner's edits without a restart", async () => {
    const tasks = async () =>
      (await (
        await fetch(`${server.url}/api/reasoning/tasks`, { headers: { Authorization: `Bearer ${TOKEN}` } })
      ).json()) as { tasks: { id: string; source: string }[]; warnings: string[] };
    const first = await tasks();
    expect(first.tasks.map((task) => task.id)).toEqual([
      'cctv_profiler',
      'lead_tagger',
      'qd_calculator',
      'swap_triage',
    ]);
    expect(first.warnings).toEqual([
      `${join(dataDir, 'prompts')}/broken.md: must start with a --- frontmatter block ---`,
    ]);

    const bundled = await readFile(join(SERVER_DIR, '../../prompts/lead_tagger.md'), 'utf8');
    await writeFile(
      join(dataDir, 'prompts', 'lead_tagger.md'),
      bundled.replace('maxTokens: 1024', 'maxTokens: 2048'),
    );
    await rm(join(dataDir, 'prompts', 'broken.md'));
    await expect
      .poll(async () => (await tasks()).tasks.find((task) => task.id === 'lead_tagger'), { timeout: 5000 })
      .toMatchObject({ source: 'owner', maxTokens: 2048 });
    expect((await tasks()).warnings).toEqual([]);
  });

  it('prints a generated admin password once and keeps only its hash', () => {
    expect(server.output()).toMatch(/admin password \(shown once\): [A-Za-z0-9]{24}/);
    expect(existsSync(join(dataDir, 'admin-password'))).toBe(true);
  });

  it('keeps the last good settings on bad edits and applies a good one within 2 s, without a restart', async () => {
    const badEdits: [unknown, string][] = [
      [{ vllm: { port: '' } }, 'vllm.port: must be a number'],
      [{ vllm: { port: 70000 } }, 'vllm.port: must be a port from 1 to 65535'],
      [{ sparks: [{ id: 'spark-1', host: 'spark one' }] }, 'sparks.0.host: must be'],
    ];
    for (const [bad, error] of badEdits) {
      await writeSettings(bad);
      const deadline = Date.now() + 3000;
      while (!(await getSettings()).errors.join().includes(error) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const current = await getSettings();
      expect(current.errors.join()).toContain(error);
      expect(current.settings.vllm.port).toBe(8888);
      expect(current.settings.sparks[0]?.host).toBe('10.0.0.2');
    }
    expect(server.output()).toMatch(/"errors":\["vllm\.port: must be a number"\]/);
    expect(server.output()).toMatch(/"errors":\["sparks\.0\.host: must be/);

    const started = Date.now();
    await writeSettings({
      sparks: [{ id: 'spark-1', host: '10.0.0.7' }],
      vllm: { port: 8000 },
      reasoning: { nvidiaApiKey: KEY },
    });
    let settings = await getSettings();
    while (settings.settings.vllm.port !== 8000 && Date.now() - started < 2000) {
      await new Promise((r) => setTimeout(r, 50));
      settings = await getSettings();
    }
    expect(settings.settings.vllm.port).toBe(8000);
    expect(settings.settings.sparks[0]?.host).toBe('10.0.0.7');
    expect(settings.settings.reasoning.nvidiaApiKey).toBe('********');
  });

  it('answers 401 JSON without a credential and never logs the NVIDIA key or the token', async () => {
    const response = await fetch(`${server.url}/api/settings`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(server.output()).not.toContain(KEY);
    expect(server.output()).not.toContain(TOKEN);
  });
});
