// The optimizers' trajectory charts open with a static picture of the chart in the page's HTML (written at build time
// by courses/optimizers/site/static-chart.ts): it is there in the first paint, without any script; it sits exactly
// where the live Chart.js chart draws (its box, and its plot at the live chart's plot area), so nothing moves when
// the live chart replaces it; it is gone once that chart is drawn; and it holds no solution code. The
// hyperparameter-search page's heatmap has one too (courses/optimizers/site/static-heatmap.ts).
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../grader/course/course-metadata.js';
import { findLeaks, hiddenLines } from '../scripts/stubs/hidden-text.js';
import { sharedSite } from './site-builds.js';
import { serveSite } from './static-site-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const COURSE_ID = 'optimizers';
/** Pages with a trajectory chart: an exercise's (zoomed view), the race, the challenge and the playground. */
const PAGES = ['momentum', 'sgd', 'index', 'challenge', 'playground'];
const PLOT = '.trajectory-panel__plot';

/** The picture's box and its plot's, relative to the plot container, in CSS px. */
const pictureGeometry = (page: Page) =>
  page.evaluate((plot) => {
    const host = document.querySelector(plot)!.getBoundingClientRect();
    const box = (selector: string): number[] => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return [r.left - host.left, r.top - host.top, r.right - host.left, r.bottom - host.top];
    };
    const canvas = box(`${plot} > canvas`);
    const picture = box('.static-chart');
    const inner = box('.static-chart__plot');
    return { canvas, picture, plot: inner.map((v, i) => v - picture[i % 2]) };
  }, PLOT);

describe('static chart pictures in the optimizers pages', () => {
  let outDir: string;
  let server: Awaited<ReturnType<typeof serveSite>>;
  let url: string;
  let browser: Browser;
  // One page without scripts (what the first paint shows) and one with, each reused by every test: a new page starts
  // new renderer processes, most of what a test here costs (tests/page-pool.ts).
  let still: Page;
  let live: Page;
  /** The page with scripts, emptied, its learner runs (or searches) blocked where `blocked` says. */
  const liveWithout = async (blocked?: RegExp): Promise<Page> => {
    await live.context().unrouteAll({ behavior: 'ignoreErrors' });
    await live.goto('about:blank');
    if (blocked) await live.context().route(blocked, (route) => route.abort());
    return live;
  };

  beforeAll(async () => {
    ({ outDir } = await sharedSite('solved'));
    server = await serveSite(outDir);
    url = `${server.url}${COURSE_ID}/`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    still = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })
    ).newPage();
    live = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.each(PAGES)(
    '%s.html: the picture is in the first paint, where the live chart goes, and is replaced by it',
    async (name) => {
      // Without scripts: what the first paint shows, from the HTML and styles alone.
      const before = still;
      await before.goto(`${url}${name}.html`);
      const picture = before.locator('.static-chart[data-static-chart]');
      await expect(picture.count()).resolves.toBe(1);
      // A contour map, axes with their labels and, beside the references' legend, the start and the minimum.
      expect(await before.locator('.static-chart__plot use').count()).toBeGreaterThan(20);
      expect(await before.locator('.static-chart__plot text').count()).toBeGreaterThan(10);
      const legend = await before.locator('.static-chart__legend li').allTextContents();
      expect(legend.slice(-2)).toEqual(['Start (−1, 2)', 'Minimum (1, 1)']);
      if (name === 'momentum') expect(legend[0]).toBe('Reference Momentum');
      await expect(before.locator(`${PLOT} .contour-legend[data-static-chart]`).count()).resolves.toBe(1);
      const geometry = await pictureGeometry(before);
      // Over the canvas's own square, which already has its final size.
      expect(geometry.picture).toEqual(geometry.canvas);
      expect(geometry.canvas[2] - geometry.canvas[0]).toBeCloseTo(geometry.canvas[3] - geometry.canvas[1], 0);
      const heightBefore = (await before.locator(PLOT).boundingBox())!.height;
      await before.locator(PLOT).screenshot({ path: join(SCREENSHOTS, `static-chart-${name}-before.png`) });

      // With scripts: the live chart replaces the picture, in the same place.
      // Learner runs would change the legend (and so the plot's height): the live chart is compared as first drawn.
      const after = await liveWithout(name === 'playground' ? undefined : /learner-worker/);
      await after.goto(`${url}${name}.html`);
      const canvas = after.locator(`${PLOT} > canvas`);
      await expect
        .poll(() => canvas.getAttribute('data-plot-area'), { timeout: 20_000 })
        .toMatch(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
      await expect(after.locator('[data-static-chart]').count()).resolves.toBe(0);
      await expect(after.locator(`${PLOT} .contour-legend`).count()).resolves.toBe(1);
      if (name !== 'playground') {
        const area = (await canvas.getAttribute('data-plot-area'))!.split(' ').map(Number);
        area.forEach((value, i) => expect(value).toBeCloseTo(geometry.plot[i]!, 0));
      }
      // No layout shift: the plot container keeps its height (the colour key included).
      expect((await after.locator(PLOT).boundingBox())!.height).toBeCloseTo(heightBefore, 0);
      await after.locator(PLOT).screenshot({ path: join(SCREENSHOTS, `static-chart-${name}-after.png`) });
    },
    60_000,
  );

  it("hyperparameter-search.html: the heatmap's picture is in the first paint, where the live chart goes, and is replaced by it", async () => {
    const PANEL = 'figure[data-heatmap] .search-panel__plot';
    const heatmapGeometry = (page: Page) =>
      page.evaluate((plot) => {
        const host = document.querySelector(plot)!.getBoundingClientRect();
        const box = (selector: string): number[] => {
          const r = document.querySelector(`${plot} ${selector}`)!.getBoundingClientRect();
          return [r.left - host.left, r.top - host.top, r.right - host.left, r.bottom - host.top];
        };
        const picture = box('.static-chart');
        return { canvas: box('canvas'), picture, plot: box('.static-chart__plot').map((v, i) => v - picture[i % 2]!) };
      }, PANEL);
    const before = still;
    await before.goto(`${url}hyperparameter-search.html`);
    await expect(before.locator(`${PANEL} .static-chart[data-static-chart]`).count()).resolves.toBe(1);
    // The background's cells (one path per colour over the commonest one), the axes' labels and titles.
    expect(await before.locator(`${PANEL} .static-chart__plot path`).count()).toBeGreaterThan(20);
    const texts = await before.locator(`${PANEL} .static-chart__plot text`).allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['0.001', '0.01', '0.5', '0.98', 'momentum μ']));
    // The colour key under the chart is there too, with the scale's ends.
    const key = (await before.locator('figure[data-heatmap] .search-legend').textContent()) ?? '';
    expect(key).toMatch(/Steps to within .*3,000.*never within 3,000 steps/);
    const geometry = await heatmapGeometry(before);
    expect(geometry.picture).toEqual(geometry.canvas);
    expect((geometry.canvas[2]! - geometry.canvas[0]!) / (geometry.canvas[3]! - geometry.canvas[1]!)).toBeCloseTo(
      1.25,
      2,
    );
    // What follows the chart and its colour key starts where it will once the live chart and key are drawn.
    const below = (page: Page) =>
      page.evaluate(
        () =>
          document.querySelector('figure[data-heatmap] .search-readout')!.getBoundingClientRect().top -
          document.querySelector('figure[data-heatmap]')!.getBoundingClientRect().top,
      );
    const belowBefore = await below(before);
    await before
      .locator(PANEL)
      .screenshot({ path: join(SCREENSHOTS, 'static-chart-hyperparameter-search-before.png') });

    // The searches' markers bring a legend (and so move the plot): the live chart is compared as first drawn.
    const after = await liveWithout(/search-worker/);
    await after.goto(`${url}hyperparameter-search.html`);
    const canvas = after.locator(`${PANEL} > canvas`);
    await expect
      .poll(() => canvas.getAttribute('data-plot-area'), { timeout: 20_000 })
      .toMatch(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
    await expect(after.locator('[data-static-chart]').count()).resolves.toBe(0);
    // Chart.js gives the canvas whole pixels (the panel is 38rem wide at most): within a pixel of the picture's plot.
    const area = (await canvas.getAttribute('data-plot-area'))!.split(' ').map(Number);
    area.forEach((value, i) => expect(Math.abs(value - geometry.plot[i]!)).toBeLessThanOrEqual(1));
    // No layout shift: the chart and its colour key keep their height.
    expect(Math.abs((await below(after)) - belowBefore)).toBeLessThan(1);
    await after.locator(PANEL).screenshot({ path: join(SCREENSHOTS, 'static-chart-hyperparameter-search-after.png') });
    const html = readFileSync(join(outDir, COURSE_ID, 'hyperparameter-search.html'), 'utf8');
    const picture = /<div class="static-chart static-chart--heatmap" data-static-chart[\s\S]*?<\/svg><\/div>/.exec(
      html,
    );
    expect(findLeaks(picture![0], hiddenLines(ROOT, loadCourse(ROOT, COURSE_ID)))).toEqual([]);
    expect(picture![0]).not.toMatch(/class\s+\w+|=>|function|this\.|<script/);
  }, 60_000);

  it('the playground drops the picture when its address asks for another function or start', async () => {
    const page = await liveWithout(/\.js$/);
    await page.goto(`${url}playground.html?f=himmelblau&x=0&y=0`);
    await expect(page.locator('[data-static-chart]').count()).resolves.toBe(0);
    await page.goto(`${url}playground.html?f=banana&x=-1&y=2`);
    await expect(page.locator('.static-chart[data-static-chart]').count()).resolves.toBe(1);
  });

  it('the pictures hold no solution code', () => {
    const lines = hiddenLines(ROOT, loadCourse(ROOT, COURSE_ID));
    expect(lines.length).toBeGreaterThan(10);
    for (const name of PAGES) {
      const html = readFileSync(join(outDir, COURSE_ID, `${name}.html`), 'utf8');
      const pictures = [...html.matchAll(/<div class="static-chart" data-static-chart[\s\S]*?<\/ul><\/div>/g)];
      expect(pictures.length, name).toBe(1);
      // Numbers, labels and markup only: no hidden line of any solution file, and nothing that looks like code.
      expect(findLeaks(pictures[0]![0], lines)).toEqual([]);
      expect(pictures[0]![0]).not.toMatch(/class\s+\w+|=>|function|this\.|step\(|<script/);
    }
  });
});
