// Dashboard budgets: JavaScript size (gzip, from the Vite build) and first render in headless Chromium
// against the demo. Prints one markdown section ("## Dashboard") for docs/BENCHMARKS.md.
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildUi, hasChromium, launchBrowser, startDemo } from '../e2e/support.js';

const RUNS = 5;
const JS_BUDGET_KB = 80;
const RENDER_BUDGET_MS = 1000;

const dir = await buildUi();
const assets = readdirSync(join(dir, 'assets'));
const size = (ext: string) =>
  assets
    .filter((file) => file.endsWith(ext))
    .map((file) => readFileSync(join(dir, 'assets', file)))
    .reduce((sum, bytes) => ({ raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length }), {
      raw: 0,
      gzip: 0,
    });
const js = size('.js');
const css = size('.css');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const renders: { dcl: number; firstTile: number }[] = [];
if (hasChromium()) {
  const demo = await startDemo(dir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await context.request.post(`${demo.url}api/auth/login`, {
      data: { password: demo.password },
      headers: { origin: demo.url.replace(/\/$/, '') },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const page = await context.newPage();
    for (let run = 0; run < RUNS + 1; run++) {
      await page.goto(demo.url, { waitUntil: 'commit' });
      // First render: the first service tile drawn inside its Spark group.
      await page.waitForSelector('section[data-spark-id] [data-service-id]');
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { dcl: nav.domContentLoadedEventEnd, firstTile: performance.now() };
      });
      if (run > 0) renders.push(timing); // the first load warms the server's caches
    }
  } finally {
    await browser.close();
    await demo.stop();
  }
}
await rm(dir, { recursive: true, force: true });

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const firstTile = median(renders.map((render) => render.firstTile));
const dcl = median(renders.map((render) => render.dcl));
console.log(
  [
    '## Dashboard',
    '',
    `Measured by \`packages/ui/bench/dashboard.ts\` (Vite production build; headless Chromium against \`make demo\`, signed in, median of ${RUNS} reloads).`,
    '',
    '| measure | value | budget |',
    '|---|---|---|',
    `| JavaScript, gzip | ${kb(js.gzip)} KB (${kb(js.raw)} KB raw) | ≤ ${JS_BUDGET_KB} KB ${js.gzip / 1024 <= JS_BUDGET_KB ? '✓' : '✗'} |`,
    `| CSS, gzip | ${kb(css.gzip)} KB (${kb(css.raw)} KB raw) | — |`,
    renders.length > 0
      ? `| first render (navigation start → first tile drawn) | ${firstTile.toFixed(0)} ms | ≤ ${RENDER_BUDGET_MS} ms ${firstTile <= RENDER_BUDGET_MS ? '✓' : '✗'} |`
      : '| first render | not measured (no /usr/bin/chromium) | ≤ 1000 ms |',
    ...(renders.length > 0 ? [`| DOMContentLoaded | ${dcl.toFixed(0)} ms | — |`] : []),
  ].join('\n'),
);
