import { rm } from 'node:fs/promises';
import type { PlacedCatalogModel, PlacementView, ServiceView } from '@spark-control/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildUi,
  hasChromium,
  launchBrowser,
  screenshot,
  startDemo,
  systemComponent,
  type Demo,
} from './support.js';

const available = systemComponent('Chromium', hasChromium(), 'apt-get install chromium');

/** A GET of the API inside the signed-in page. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await (await fetch(url)).json()) as unknown, path) as Promise<T>;
}

const placementsOf = async (page: Page) =>
  (await apiGet<{ placements: PlacementView[] }>(page, 'api/placements')).placements;

/**
 * Records, after each change has settled, every state the placements' sections, their memory segments
 * and the built-in vLLM tiles were seen in: `section:<id>:<status>`, `segment:<id>:<status>:<model>`,
 * `tile:<placementId>:<status>`.
 */
async function watchPlacements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { placementStates: Set<string> }).placementStates = seen;
    const record = () => {
      for (const node of document.querySelectorAll<HTMLElement>('[data-placement-id]'))
        seen.add(`section:${node.dataset.placementId ?? ''}:${node.dataset.status ?? ''}`);
      for (const node of document.querySelectorAll<HTMLElement>('[data-segment-placement]'))
        seen.add(
          `segment:${node.dataset.segmentPlacement ?? ''}:${node.dataset.status ?? ''}:${node.dataset.segmentModel ?? ''}`,
        );
      for (const node of document.querySelectorAll<HTMLElement>('[data-tile-placement]'))
        seen.add(`tile:${node.dataset.tilePlacement ?? ''}:${node.dataset.status ?? ''}`);
    };
    record();
    new MutationObserver(() => setTimeout(record, 0)).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status', 'data-segment-model'],
    });
  });
}

async function placementStatesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { placementStates: Set<string> }).placementStates]);
}

async function noHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * What keeps a Spark or a placement from being read on the overview: per Spark its group, the memory
 * meter of its hardware card and its bar in the placement view, and each placement's section, each
 * missing, without a size, past the page's width or over another of its kind.
 */
async function unreadable(page: Page, sparkIds: string[], placementIds: string[]): Promise<string[]> {
  return page.evaluate(
    ({ sparkIds, placementIds }) => {
      const kinds: [string, string[]][] = [
        ['Spark group', sparkIds.map((id) => `section[data-spark-id="${id}"]`)],
        ['hardware memory meter', sparkIds.map((id) => `[data-spark-hardware="${id}"] meter`)],
        ['placement memory bar', sparkIds.map((id) => `[data-memory-spark="${id}"] .memory-track`)],
        ['placement section', placementIds.map((id) => `[data-placement-id="${id}"]`)],
      ];
      const width = document.documentElement.clientWidth;
      const problems: string[] = [];
      for (const [kind, selectors] of kinds) {
        const boxes: { selector: string; box: DOMRect }[] = [];
        for (const selector of selectors) {
          const box = document.querySelector(selector)?.getBoundingClientRect();
          if (!box) problems.push(`${kind} ${selector}: missing`);
          else if (box.width < 1 || box.height < 1) problems.push(`${kind} ${selector}: no size`);
          else if (box.left < 0 || box.right > width) problems.push(`${kind} ${selector}: past the width`);
          else boxes.push({ selector, box });
        }
        for (const [index, a] of boxes.entries())
          for (const b of boxes.slice(index + 1))
            if (
              a.box.left < b.box.right &&
              b.box.left < a.box.right &&
              a.box.top < b.box.bottom &&
              b.box.top < a.box.bottom
            )
              problems.push(`${kind} ${a.selector} overlaps ${b.selector}`);
      }
      return problems;
    },
    { sparkIds, placementIds },
  );
}

// Four Sparks: placements on one, on two and on none of the first two Sparks (scripts/demo-layout.ts).
describe.skipIf(!available)('the placement view against the demo with four Sparks', () => {
  let demo: Demo;
  let uiDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    uiDir = await buildUi();
    demo = await startDemo(uiDir, { sparks: 4 });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(demo.url);
    await page.fill('#password', demo.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-spark-id]');
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (uiDir) await rm(uiDir, { recursive: true, force: true });
  });

  it('draws every placement on a memory bar of each of its Sparks, with its own swap control', async () => {
    // The demo's first model takes a few seconds to load.
    await expect
      .poll(async () => (await placementsOf(page)).find((p) => p.id === 'vllm')?.status, { timeout: 45_000 })
      .toBe('serving');
    const placements = await placementsOf(page);
    await page.waitForSelector('[data-placement-id=vllm][data-status=serving]', { timeout: 20_000 });
    for (const placement of placements) {
      const section = `[data-placement-id="${placement.id}"]`;
      expect(await page.textContent(`${section} legend`)).toBe(`Choose a model for ${placement.id}`);
      for (const spark of placement.sparks) {
        // Each Spark's bar lists every placement on it, and the reserved ones as segments of its memory.
        const bar = `[data-memory-spark="${spark.id}"]`;
        expect(await page.textContent(`${bar} figcaption`)).toContain(spark.label);
        for (const holding of spark.placements) {
          await page.waitForSelector(`${bar} [data-legend-placement="${holding.placementId}"]`);
          if (holding.budgetGiB === null) continue;
          const segment = `${bar} [data-segment-placement="${holding.placementId}"]`;
          expect(Number(await page.getAttribute(segment, 'data-budget-gib'))).toBe(holding.budgetGiB);
          const width = await page.$eval(segment, (node) => node.getBoundingClientRect().width);
          expect(width).toBeGreaterThan(0);
        }
      }
    }
    const vllm = placements.find((p) => p.id === 'vllm');
    const [head] = vllm?.sparks ?? [];
    expect(head?.placements.find((holding) => holding.placementId === 'vllm')).toMatchObject({
      status: 'serving',
      modelId: vllm?.servedModel,
    });
  });

  it('swaps placement vllm through its own control; the bar and the state follow, the other placements do not', async () => {
    const before = await placementsOf(page);
    const others = before.filter((placement) => placement.id !== 'vllm');
    const { models } = await apiGet<{ models: PlacedCatalogModel[] }>(page, 'api/catalog');
    const served = before.find((placement) => placement.id === 'vllm')?.servedModel;
    const target = models.find(
      (model) =>
        model.id !== served &&
        model.tensorParallel === 1 &&
        model.fits.some((fit) => fit.placementId === 'vllm' && fit.problem === null),
    );
    if (!target) throw new Error('no catalog model may replace the one on placement vllm');
    // Every placement has its built-in vLLM tile.
    const { services } = await apiGet<{ services: ServiceView[] }>(page, 'api/services');
    for (const placement of before) {
      const tile = services.find((service) => service.placementId === placement.id);
      expect(tile, `the tile of placement ${placement.id}`).toBeDefined();
      await page.waitForSelector(
        `[data-service-id="${tile?.id ?? ''}"][data-tile-placement="${placement.id}"]`,
      );
    }
    await watchPlacements(page);

    const section = page.locator('[data-placement-id=vllm]');
    await section.locator(`label[data-model-id="${target.id}"]`).click();
    await section.getByRole('button', { name: `Swap to ${target.label}` }).click();
    await section.getByRole('button', { name: 'Yes, swap now' }).click();
    await page.waitForSelector('[data-placement-id=vllm] .swap-progress[data-swap-status=running]', {
      timeout: 10_000,
    });
    await page.waitForSelector('[data-placement-id=vllm] .swap-progress[data-swap-status=ready]', {
      timeout: 90_000,
    });
    // The segment named the model while it loaded; once served, the placement's state says so too (the
    // next probe of its vLLM reloads the placements, should the swap's last event have come too early).
    const segment = '[data-segment-placement=vllm]';
    const segmentState = async () =>
      `${await page.getAttribute(segment, 'data-status')}:${await page.getAttribute(segment, 'data-segment-model')}`;
    await expect.poll(segmentState, { timeout: 30_000 }).toBe(`serving:${target.id}`);
    expect(await page.getAttribute('[data-placement-id=vllm]', 'data-status')).toBe('serving');
    expect(await page.textContent('[data-placement-id=vllm] [data-placement-model]')).toContain(target.id);

    const after = (await placementsOf(page)).find((placement) => placement.id === 'vllm');
    expect(after).toMatchObject({ status: 'serving', servedModel: target.id, swappingTo: null });
    const holding = after?.sparks[0]?.placements.find((entry) => entry.placementId === 'vllm');
    expect(Number(await page.getAttribute(segment, 'data-budget-gib'))).toBe(holding?.budgetGiB);

    const seen = await placementStatesSeen(page);
    // While it ran, the section, its segment (naming the model it loaded) and its tile said swapping.
    expect(seen).toContain('section:vllm:swapping');
    expect(seen).toContain(`segment:vllm:swapping:${target.id}`);
    expect(seen).toContain('tile:vllm:swapping');
    expect(seen).toContain(`segment:vllm:serving:${target.id}`);
    // No other placement, and no other placement's tile, was ever shown swapping.
    for (const other of others) {
      expect(seen.filter((state) => state.includes(`:${other.id}:swapping`))).toEqual([]);
    }
    // The swap was made on placement vllm by name.
    const { swap } = await apiGet<{ swap: { placementId: string; modelId: string } | null }>(
      page,
      'api/swap/current?placementId=vllm',
    );
    expect(swap).toMatchObject({ placementId: 'vllm', modelId: target.id });
  }, 150_000);

  it('unloads placement small through its own control after a confirm; placement vllm keeps serving', async () => {
    await page.waitForSelector('[data-placement-id=small][data-status=serving]', { timeout: 30_000 });
    const served = (await placementsOf(page)).find((placement) => placement.id === 'small')?.servedModel;
    if (!served) throw new Error('placement small serves nothing');
    const section = page.locator('[data-placement-id=small]');
    await section.locator('button[data-unload]').click();
    await section.getByRole('button', { name: 'Yes, unload now' }).click();
    await expect
      .poll(async () => page.textContent('[data-placement-id=small] [data-placement-model]'), {
        timeout: 60_000,
      })
      .toContain('nothing');
    const { swap } = await apiGet<{
      swap: { kind: string; status: string; modelId: string; finishedAt: string } | null;
    }>(page, 'api/swap/current?placementId=small');
    expect(swap).toMatchObject({ kind: 'unload', status: 'ready', modelId: served });
    expect(await section.locator('button[data-unload]').count()).toBe(0);
    expect(await page.getAttribute('[data-placement-id=vllm]', 'data-status')).toBe('serving');

    // Its vLLM tile says it is empty on purpose, and stays so past the probes that would confirm an outage.
    const tile = page.locator('[data-tile-placement=small]');
    await page.waitForSelector('[data-tile-placement=small][data-status=unloaded]', { timeout: 30_000 });
    await watchPlacements(page);
    const finishedAt = Date.parse(swap?.finishedAt ?? '');
    const smallTile = async () =>
      (await apiGet<{ services: ServiceView[] }>(page, 'api/services')).services.find(
        (service) => service.placementId === 'small',
      );
    // settings.monitor: down after 3 failed probes 5 s apart or 15 s.
    await expect
      .poll(async () => Date.parse((await smallTile())?.checkedAt ?? '') - finishedAt, { timeout: 45_000 })
      .toBeGreaterThan(20_000);
    expect(await smallTile()).toMatchObject({ status: 'unloaded', detail: 'Unloaded — no model loaded' });
    expect(await tile.getAttribute('data-status')).toBe('unloaded');
    expect(await tile.locator('.badge.status').textContent()).toBe('Unloaded');
    expect(await tile.locator('.detail').textContent()).toBe('Unloaded — no model loaded');
    expect(await placementStatesSeen(page)).not.toContain('tile:small:down');
  }, 120_000);

  it('the Models tab says where each model may run and why not elsewhere', async () => {
    await page.click('a[href="#catalog"]');
    const { models } = await apiGet<{ models: PlacedCatalogModel[] }>(page, 'api/catalog');
    for (const model of models) {
      const text = (await page.textContent(`[data-catalog-id="${model.id}"] [data-fits]`)) ?? '';
      const may = model.fits.filter((fit) => fit.problem === null).map((fit) => fit.placementId);
      if (may.length > 0) expect(text).toContain(`May run on ${may.join(', ')}`);
      for (const fit of model.fits.filter((entry) => entry.problem !== null))
        expect(text).toContain(`Not on ${fit.placementId}: ${fit.problem ?? ''}`);
    }
  });

  it('shows every Spark and every placement on the overview, 1280 and 360 px wide, nothing over another', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await noHorizontalOverflow(page), 'the Models tab, 360 px').toBe(true);
    await page.click('a[href="#overview"]');
    const placements = await placementsOf(page);
    const sparkIds = [
      ...new Set(placements.flatMap((placement) => placement.sparks.map((spark) => spark.id))),
    ];
    expect(sparkIds).toHaveLength(4);
    const placementIds = placements.map((placement) => placement.id);
    await page.waitForSelector('[data-spark-hardware] meter');
    // The overview renders the placement view from its own request once the tab is shown.
    for (const id of placementIds) await page.waitForSelector(`[data-placement-id="${id}"]`);
    for (const id of sparkIds) await page.waitForSelector(`[data-memory-spark="${id}"] .memory-track`);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      // Hardware cards load on their own; every Spark has its memory meter once they are in.
      await expect
        .poll(() => page.locator('[data-spark-hardware] meter').count(), { timeout: 20_000 })
        .toBe(sparkIds.length);
      expect(await noHorizontalOverflow(page), `${width} px`).toBe(true);
      expect(await unreadable(page, sparkIds, placementIds), `${width} px`).toEqual([]);
      await screenshot(page, `placements-${width}`);
    }
  });
});
