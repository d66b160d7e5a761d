import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';

export const UI_DIR = resolve(import.meta.dirname, '..');
export const REPO = resolve(UI_DIR, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO, 'artifacts/e2e');

/**
 * Whether a system component the tests need is here. In CI (`CI=true`) a missing one fails the test
 * file; elsewhere the tests are skipped with the printed reason. (Same rule as the server's tests.)
 */
export function systemComponent(name: string, available: boolean, hint: string): boolean {
  if (available) return true;
  // eslint-disable-next-line no-restricted-properties -- test support, like packages/server/test/support
  if (process.env.CI === 'true') throw new Error(`${name} is required in CI but missing: ${hint}`);
  console.warn(`skipping ${name} tests: ${hint}`);
  return false;
}

export const hasChromium = () => existsSync(CHROMIUM);

export interface Demo {
  url: string;
  password: string;
  controlUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Builds the dashboard into a temporary directory so the test never touches packages/ui/dist. */
export async function buildUi(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'spark-control-ui-'));
  await build({ root: UI_DIR, logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
  return dir;
}

/**
 * `make demo` as demo.test.ts starts it: simulated Sparks (two, or `sparks`: three or four) plus the
 * server, on a random port.
 */
export async function startDemo(uiDir: string, options: { sparks?: 2 | 3 | 4 } = {}): Promise<Demo> {
  const dataDir = await mkdtemp(join(tmpdir(), 'spark-control-e2e-'));
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const password = 'e2e-demo-password';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
    cwd: REPO,
    env: {
      // eslint-disable-next-line no-restricted-properties -- the demo inherits the test's environment
      ...process.env,
      SPARK_CONTROL_DATA: dataDir,
      PORT: String(port),
      SPARK_CONTROL_PASSWORD: password,
      SPARK_CONTROL_UI_DIR: uiDir,
      SPARK_CONTROL_DEMO_SPARKS: String(options.sparks ?? 2),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 150_000;
  while (!output.includes('Spark Control is ready')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`demo did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const controlUrl = /Simulator control API: (http\S+)/.exec(output)?.[1];
  if (!controlUrl) {
    await stop();
    throw new Error(`the demo printed no simulator control API:\n${output}`);
  }
  return { url: `http://127.0.0.1:${port}/`, password, controlUrl, output: () => output, stop };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * A picture for docs/img, under the name the docs use, in `artifacts/e2e/docs/` (copied over the one in
 * docs/img when the dashboard changes): the area around `parts` with a small margin, or with `fromTop`
 * the page's whole width from its top down to the lowest of them.
 */
export async function docsPicture(
  page: Page,
  name: string,
  parts: Locator[],
  options: { fromTop?: boolean } = {},
): Promise<void> {
  const margin = 12;
  const boxes = await Promise.all(
    parts.map((part) =>
      part.evaluate((node) => {
        const box = node.getBoundingClientRect();
        return {
          left: box.left + scrollX,
          top: box.top + scrollY,
          right: box.right + scrollX,
          bottom: box.bottom + scrollY,
        };
      }),
    ),
  );
  const width = page.viewportSize()?.width ?? 1280;
  const left = options.fromTop ? 0 : Math.max(0, Math.min(...boxes.map((box) => box.left)) - margin);
  const top = options.fromTop ? 0 : Math.max(0, Math.min(...boxes.map((box) => box.top)) - margin);
  const right = options.fromTop
    ? width
    : Math.min(width, Math.max(...boxes.map((box) => box.right)) + margin);
  const bottom = Math.max(...boxes.map((box) => box.bottom)) + margin;
  await mkdir(join(SCREENSHOTS, 'docs'), { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, 'docs', name),
    fullPage: true,
    clip: { x: left, y: top, width: right - left, height: bottom - top },
  });
}

/** A call to the simulator's control API (docs/simulator.md). */
export async function simControl(demo: Demo, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${demo.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}
