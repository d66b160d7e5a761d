import { rm } from 'node:fs/promises';
import type { ServiceView } from '@spark-control/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildUi,
  docsPicture,
  hasChromium,
  launchBrowser,
  screenshot,
  simControl,
  startDemo,
  systemComponent,
  type Demo,
} from './support.js';

const available = systemComponent('Chromium', hasChromium(), 'apt-get install chromium');

/** The services as the API reports them, fetched inside the signed-in page. */
async function apiServices(page: Page): Promise<ServiceView[]> {
  return page.evaluate(async () => {
    const response = await fetch('api/services');
    return ((await response.json()) as { services: ServiceView[] }).services;
  });
}

async function tileStatuses(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('[data-service-id]', (tiles) =>
    tiles.map((tile) => [tile.getAttribute('data-service-id') ?? '', tile.getAttribute('data-status') ?? '']),
  );
  return Object.fromEntries(pairs) as Record<string, string>;
}

async function simSparkIds(demo: Demo): Promise<string[]> {
  const state = (await (await fetch(`${demo.controlUrl}/state`)).json()) as { sparks: { id: string }[] };
  return state.sparks.map((spark) => spark.id);
}

async function startSwap(page: Page, modelId: string): Promise<void> {
  await page.click(`label[data-model-id="${modelId}"]`);
  await page.getByRole('button', { name: /^Swap to / }).click();
  await page.getByRole('button', { name: 'Yes, swap now' }).click();
}

/**
 * Records, after every change of the swap's or the built-in vLLM tile's status has settled (the next
 * task, when every render the same event caused is done), the pair `swapStatus/tileStatus`, and each
 * line the live region adds.
 */
async function watchSwapAndTile(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { states: [] as string[], said: [] as string[] };
    (window as unknown as { swapAndTile: typeof seen }).swapAndTile = seen;
    const record = () => {
      const swap = document.querySelector('.swap-progress')?.getAttribute('data-swap-status') ?? '';
      const tile = document.querySelector('[data-service-id=vllm]')?.getAttribute('data-status') ?? '';
      seen.states.push(`${swap}/${tile}`);
    };
    new MutationObserver(() => setTimeout(record, 0)).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-swap-status', 'data-status'],
    });
    const region = document.querySelector('[data-announcer]');
    if (!region) throw new Error('no live region');
    new MutationObserver((records) => {
      for (const each of records) for (const node of each.addedNodes) seen.said.push(node.textContent ?? '');
    }).observe(region, { childList: true });
  });
}

async function swapAndTileSeen(page: Page): Promise<{ states: string[]; said: string[] }> {
  return page.evaluate(
    () => (window as unknown as { swapAndTile: { states: string[]; said: string[] } }).swapAndTile,
  );
}

describe.skipIf(!available)('dashboard against the demo', () => {
  let demo: Demo;
  let uiDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    uiDir = await buildUi();
    demo = await startDemo(uiDir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (uiDir) await rm(uiDir, { recursive: true, force: true });
  });

  it('signs in with the admin password and shows both Sparks', async () => {
    await page.goto(demo.url);
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]')).toContain('wrong password');
    await page.fill('#password', demo.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-spark-id]');
    const sparks = await page.$$eval('section[data-spark-id]', (nodes) =>
      nodes.map((node) => node.dataset.sparkId),
    );
    expect(sparks).toHaveLength(2);
  });

  it('draws a tile per enabled service with the status the API reports', async () => {
    const mounted = await page.evaluate(async () => (await fetch('api/services')).status);
    expect(mounted, 'GET /api/services must be mounted in packages/server/src/app.ts').toBe(200);
    // The initial model takes a few seconds to load; wait until every service has been probed and is up.
    await expect
      .poll(async () => (await apiServices(page)).every((service) => service.status === 'up'), {
        timeout: 45_000,
      })
      .toBe(true);
    await expect
      .poll(
        async () => {
          const expected = Object.fromEntries(
            (await apiServices(page)).map((service) => [service.id, service.status]),
          );
          return JSON.stringify(await tileStatuses(page)) === JSON.stringify(expected) ? 'same' : 'different';
        },
        { timeout: 20_000 },
      )
      .toBe('same');
    expect(Object.keys(await tileStatuses(page)).length).toBeGreaterThanOrEqual(4);
    await page.waitForSelector('[data-spark-hardware]');
    // Each card names the Spark's ConnectX address and the launcher the swap will drive.
    await page.waitForSelector('[data-cluster-ip="192.168.177.11"] [data-launcher=G2]', { timeout: 20_000 });
    await screenshot(page, 'overview');
    // For docs/dashboard.md: both Sparks with their tiles and the placements beside them; the placements.
    await page.waitForSelector('[data-placement-id=small][data-status=serving]', { timeout: 20_000 });
    await docsPicture(
      page,
      'dashboard-overview.png',
      [page.locator('section[data-spark-id]').last(), page.locator('#swap')],
      { fromTop: true },
    );
    await docsPicture(page, 'dashboard-placements.png', [page.locator('#swap')]);
  });

  it('swaps a model end to end with live progress', async () => {
    // The model already serving cannot be swapped to.
    await page.click('label[data-model-id]:has(.badge.good)');
    const swapButton = page.getByRole('button', { name: / is serving$/ });
    expect(await swapButton.isDisabled()).toBe(true);

    await watchSwapAndTile(page);
    await startSwap(page, 'gpt-oss-120b');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), { timeout: 10_000 })
      .toBe('Cancel swap');
    await page.waitForSelector('.swap-progress[data-swap-status=running]', { timeout: 10_000 });
    await page.waitForSelector('.swap-progress[data-swap-phase=loading]', { timeout: 30_000 });
    // The placement list refreshed for the swap (nothing is served, so "Unload" went) and the focus stayed.
    await page.waitForSelector('[data-placement-id=vllm] [data-placement-model]:has-text("Loading")');
    expect(await page.locator('[data-placement-id=vllm] [data-unload]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel swap');
    const midway = Number(await page.getAttribute('[role=progressbar]', 'aria-valuenow'));
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(100);
    expect(await page.textContent('.log')).not.toBe('No output yet.');
    await screenshot(page, 'swap-loading');
    await page.waitForSelector('.swap-progress[data-swap-status=ready]', { timeout: 60_000 });
    expect(await page.getAttribute('[role=progressbar]', 'aria-valuenow')).toBe('100');
    expect(await page.textContent('.swap-progress details summary')).toMatch(
      /Checks before stopping anything \((\d+) of \1 passed\)/,
    );
    await page.click('details.history summary');
    expect(await page.textContent('details.history')).toContain('gpt-oss-120b');
    // The placement follows the swap: the default placement now serves the new model, and its part of
    // its Spark's memory bar says so.
    const placement = '[data-placement-id=vllm]';
    await expect
      .poll(() => page.textContent(`${placement} [data-placement-model]`), { timeout: 15_000 })
      .toMatch(/Serving now: gpt-oss-120b/);
    expect(await page.getAttribute(placement, 'data-status')).toBe('serving');
    const segment = '[data-memory-spark] [data-segment-placement=vllm]';
    expect(await page.getAttribute(segment, 'data-segment-model')).toBe('gpt-oss-120b');
    expect(Number(await page.getAttribute(segment, 'data-budget-gib'))).toBeGreaterThan(0);

    // The vLLM tile followed the swap events, not the next probe: never "up" while the swap ran, never
    // still "swapping" once it was ready, each seen after the page settled from the event that changed it.
    const { states, said } = await swapAndTileSeen(page);
    expect(states).toContain('running/swapping');
    expect(states).toContain('ready/up');
    expect(states.filter((state) => state === 'running/up' || state === 'ready/swapping')).toEqual([]);
    // The polite live region said the phases and the tile's changes.
    expect(said).toContain('Swap to gpt-oss-120b: Loading weights');
    expect(said).toContain('Swap to gpt-oss-120b: ready');
    expect(said.some((line) => /^vLLM\b.*: Swapping model$/.test(line))).toBe(true);
    expect(said.some((line) => /^vLLM\b.*: Up$/.test(line))).toBe(true);
    expect(await page.getAttribute('[data-announcer]', 'aria-live')).toBe('polite');
  });

  it('shows gateway usage by key and model after a chat request', async () => {
    // Runs while the model the previous test swapped to serves (the failure tests below leave vLLM down).
    const servedModel = () =>
      page.evaluate(async () => {
        const response = await fetch('v1/models');
        if (!response.ok) return '';
        const models = (await response.json()) as { data?: { id: string }[] };
        return models.data?.[0]?.id ?? '';
      });
    await expect.poll(servedModel, { timeout: 120_000 }).not.toBe('');
    const model = await servedModel();
    const status = await page.evaluate(async (id) => {
      const response = await fetch('v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: id, messages: [{ role: 'user', content: 'SIM_REPLY: one two' }] }),
      });
      return response.status;
    }, model);
    expect(status).toBe(200);
    await page.goto(`${demo.url}#tools`);
    await page.getByRole('button', { name: '30 d' }).click();
    const row = page.locator('#usage-title ~ .table-wrap tbody tr', { hasText: model });
    await expect.poll(() => row.first().textContent()).toContain('dashboard');
    await page.getByRole('button', { name: '24 h' }).click();
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    await page.click('a[href="#overview"]');
  });

  it('draws the hardware history and puts a new schedule on the 24 h timeline', async () => {
    // A sample every 5 s: two make a line. The charts reload every minute, so reload the page.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const response = await fetch('api/sparks');
            const [spark] = ((await response.json()) as { sparks: { sparkId: string }[] }).sparks;
            const history = await fetch(`api/sparks/${spark?.sparkId ?? ''}/history?hours=1`);
            return ((await history.json()) as { points: unknown[] }).points.length;
          }),
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await page.reload();
    await page.waitForSelector('[data-hardware-history] [data-chart=GPU] svg path', { timeout: 20_000 });
    // Three hours from now on the server's clock, so the runner does not swap during the test.
    const [from, to] = await page.evaluate(async () => {
      const { timeZone } = (await (await fetch('api/schedules')).json()) as { timeZone: string };
      const at = (hours: number) =>
        new Date(Date.now() + hours * 3600_000).toLocaleTimeString('en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        });
      return [at(3), at(4)];
    });
    const section = page.locator('[data-schedules]');
    await page.fill('#schedule-model', 'qwen3-30b-a3b');
    await page.fill('#schedule-start', from ?? '');
    await page.fill('#schedule-end', to ?? '');
    await section.getByRole('button', { name: 'Add' }).click();
    await page.waitForSelector('[data-timeline-swap="qwen3-30b-a3b"]', { timeout: 10_000 });
    await screenshot(page, 'schedule-and-history');
    await section.getByRole('button', { name: 'Delete' }).click();
    await page.waitForSelector('[data-timeline-swap]', { state: 'detached', timeout: 10_000 });
  });

  it('shows a failed swap with its cause, an explanation and the rollback', async () => {
    const [head] = await simSparkIds(demo);
    // A real OOM belongs to the model that does not fit: the rollback to the one that was serving loads.
    const repo = await page.evaluate(async () => {
      const response = await fetch('api/catalog');
      const { models } = (await response.json()) as { models: { id: string; hfRepo?: string }[] };
      return models.find((model) => model.id === 'qwen3-30b-a3b')?.hfRepo ?? '';
    });
    await simControl(demo, 'PUT', `/sparks/${head}/faults`, {
      vllm: { failDuringLoad: 'oom', failDuringLoadModels: [repo] },
    });
    try {
      await startSwap(page, 'qwen3-30b-a3b');
      await page.waitForSelector('.failure', { timeout: 60_000 });
      expect(await page.getAttribute('.failure', 'data-cause')).toBe('oom');
      expect(await page.textContent('.failure .cause')).toContain('out of memory');
      await expect
        .poll(() => page.textContent('.failure .triage'), { timeout: 30_000 })
        .toMatch(/Evidence|Explanation unavailable/);
      // The rollback holds the swap lock until it ends.
      await expect
        .poll(() => page.textContent('.failure .rollback'), { timeout: 90_000 })
        .toMatch(/Rollback: gpt-oss-120b is serving again/);
      await screenshot(page, 'swap-failed');
      await docsPicture(page, 'dashboard-swap-failed.png', [page.locator('[data-placement-id=vllm]')]);
    } finally {
      await simControl(demo, 'DELETE', `/sparks/${head}/faults`);
    }
  }, 150_000);

  it('lists the preflight checks of a refused swap; the model that was serving keeps serving', async () => {
    const [head] = await simSparkIds(demo);
    await simControl(demo, 'PUT', `/sparks/${head}/faults`, { images: { 'vllm-node': null } });
    try {
      await startSwap(page, 'qwen3-30b-a3b');
      await page.waitForSelector('.failure[data-cause=preflight]', { timeout: 60_000 });
      expect(await page.textContent('.failure .hint')).toContain('Nothing was stopped');
      expect(await page.textContent('ul.preflight li[data-ok=false]')).toMatch(
        /image on .*vllm-node is not on/,
      );
      const served = await page.evaluate(async () => {
        const response = await fetch('v1/models');
        return ((await response.json()) as { data: { id: string }[] }).data.map((model) => model.id);
      });
      expect(served).toContain('gpt-oss-120b');
      await screenshot(page, 'swap-refused');
    } finally {
      await simControl(demo, 'DELETE', `/sparks/${head}/faults`);
    }
  });

  it('checks a new local model as it is typed and shows the server’s path check', async () => {
    await page.click('a[href="#catalog"]');
    // The swap to gpt-oss-120b above timed its parts.
    expect(await page.textContent('[data-catalog-id="gpt-oss-120b"] [data-typical-swap]')).toMatch(
      /A swap here takes about .*first token/,
    );
    await page.fill('#model-id', 'Not A Slug');
    expect(await page.textContent('#model-id-hint')).toContain('lowercase letters');
    expect(await page.getAttribute('#model-id', 'aria-invalid')).toBe('true');
    const roots = await page.evaluate(async () => {
      const response = await fetch('api/settings');
      return ((await response.json()) as { settings: { vllm: { modelRoots: string[] } } }).settings.vllm
        .modelRoots;
    });
    await page.fill('#model-id', 'my-model');
    await page.fill('#model-label', 'My model');
    await page.fill('#model-servedName', 'my-model');
    await page.fill('#model-localPath', `${roots[0]}/not-there`);
    await page.getByRole('button', { name: 'Add model' }).click();
    await expect.poll(() => page.textContent('.model-form [role=alert]')).toContain('does not exist');
    await page.click('a[href="#overview"]');
  });

  it('switches between light and dark themes', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const before = await background();
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(dark|light)$/);
    expect(await background()).not.toBe(before);
  });

  it('turns a killed service’s tile down', async () => {
    const services = await apiServices(page);
    const kokoro = services.find((service) => service.kind === 'kokoro');
    expect(kokoro).toBeDefined();
    const [, second] = await simSparkIds(demo);
    await simControl(demo, 'POST', `/sparks/${second}/containers/kokoro/kill`);
    await page.waitForSelector(`[data-service-id="${kokoro!.id}"][data-status=down]`, { timeout: 30_000 });
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'service-down-360');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
});
