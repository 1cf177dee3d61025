// The course site: builds it, serves the output under a sub-path on 127.0.0.1 and opens every page in headless
// Chromium (no errors, charts drawn, stubs reported, math typeset, screenshots saved), then proves that no
// solution code reached the output, by scanning every file and by reading the bundler's module graph.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../grader/course/course-metadata.js';
import { findLeaks, hiddenLines } from '../scripts/stubs/hidden-text.js';
import { OPTIMIZER_COLORS } from '../site/client/optimizer-colors.js';
import { buildSite, type SiteBuild } from '../site/scripts/build.js';
import { COURSE_ID } from '../site/scripts/render-pages.js';
import { isOptimizerId } from '../site/shared/demo-runs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
// Served below a sub-path, as on GitHub Pages, to prove the relative base works.
const SUB_PATH = '/optimizers-kit/';
const course = loadCourse(ROOT, COURSE_ID);
const PAGES = ['index', 'concepts', ...course.exercises.map((exercise) => exercise.id)];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function serveStatic(dir: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const inside = path.startsWith(SUB_PATH) ? path.slice(SUB_PATH.length) : null;
    const file = inside === null ? null : normalize(join(dir, inside === '' ? 'index.html' : inside));
    if (!file || !file.startsWith(dir + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}${SUB_PATH}` });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

interface ChartPixels {
  width: number;
  height: number;
  painted: number;
  matches: number[];
}

/** Counts, in the page's first chart canvas, painted pixels and pixels close to each of the given colours. */
function chartPixels(page: Page, colors: [number, number, number][]): Promise<ChartPixels> {
  return page.evaluate((targets) => {
    const canvas = document.querySelector<HTMLCanvasElement>('figure[data-chart] canvas');
    if (!canvas) throw new Error('no chart canvas on the page');
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    const matches = targets.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0 || (r > 250 && g > 250 && b > 250)) continue;
      painted++;
      targets.forEach(([tr, tg, tb], k) => {
        if (Math.abs(r - tr) <= 12 && Math.abs(g - tg) <= 12 && Math.abs(b - tb) <= 12) matches[k]++;
      });
    }
    return { width: canvas.width, height: canvas.height, painted, matches };
  }, colors);
}

let browser: Browser;
let server: Server;
let baseUrl: string;
let site: SiteBuild;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'course-site-'));
  [site, browser] = await Promise.all([
    buildSite({ outDir, logLevel: 'warn' }),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  ]);
  ({ server, baseUrl } = await serveStatic(site.outDir));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (site) rmSync(site.outDir, { recursive: true, force: true });
});

describe('course site pages in Chromium', () => {
  it('builds one page per exercise, in info.toml order, plus the overview and concepts', () => {
    const built = readdirSync(site.outDir).filter((name) => name.endsWith('.html'));
    expect(built.sort()).toEqual(PAGES.map((name) => `${name}.html`).sort());
    const index = readFileSync(join(site.outDir, 'index.html'), 'utf8');
    const positions = course.exercises.map((exercise) => index.indexOf(`href="${exercise.id}.html"`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Every link to an exercise (sidebar and card) carries a bonus tag exactly when info.toml says so.
    for (const exercise of course.exercises) {
      const links = [...index.matchAll(new RegExp(`<a[^>]*href="${exercise.id}\\.html"[^>]*>([\\s\\S]*?)</a>`, 'g'))];
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const [, content] of links) expect(content.includes('tag--bonus'), `${exercise.id} bonus tag`).toBe(exercise.bonus);
    }
  });

  it.each(PAGES)('%s renders without errors, with its chart, notes and math', async (name) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const outside: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('worker', (worker) =>
      worker.on('console', (message) => {
        if (message.type() === 'error') problems.push(`worker console error: ${message.text()}`);
      }),
    );
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });

    try {
      const response = await page.goto(`${baseUrl}${name === 'index' ? '' : `${name}.html`}`);
      expect(response?.status()).toBe(200);
      await page.waitForSelector('figure[data-chart][data-state="ready"]', { timeout: 15_000 });
      await page.evaluate(() => document.fonts.ready);

      // The chart: contours cover the plot, and each reference trajectory shows in its own colour.
      const optimizers = ((await page.getAttribute('figure[data-chart]', 'data-optimizers')) ?? '').split(',').filter(isOptimizerId);
      const pixels = await chartPixels(page, optimizers.map((id) => rgb(OPTIMIZER_COLORS[id].reference)));
      expect(pixels.width).toBeGreaterThan(200);
      expect(pixels.painted / (pixels.width * pixels.height)).toBeGreaterThan(0.3);
      pixels.matches.forEach((count, k) => expect(count, `pixels of the reference ${optimizers[k]} line`).toBeGreaterThan(40));

      // The learner's lines: the stubs throw 'not implemented yet', which each note must say.
      const chartKind = await page.getAttribute('figure[data-chart]', 'data-chart');
      const notes = await page.locator('.run-status__item').allTextContents();
      const expectedNotes = chartKind === 'challenge' ? 1 : chartKind === 'landscape' ? 0 : optimizers.length;
      expect(notes).toHaveLength(expectedNotes);
      for (const note of notes) expect(note).toContain('not implemented yet');

      // Math typeset at build time, with KaTeX's own fonts served from the site.
      if (name !== 'index') {
        expect(await page.locator('.katex').count()).toBeGreaterThan(0);
        expect(await page.locator('.katex-error').count()).toBe(0);
        const katexFontLoaded = await page.evaluate(() =>
          [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded'),
        );
        expect(katexFontLoaded).toBe(true);
      }

      const exercise = course.exercises.find((candidate) => candidate.id === name);
      if (exercise) {
        expect(await page.locator('details.hint').count()).toBe(exercise.hints.length);
        expect(await page.locator('details.hint[open]').count()).toBe(0);
        expect(await page.textContent('main')).toContain(`npm run grade ${exercise.id}`);
      }

      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${baseUrl}momentum.html`);
      await page.waitForSelector('figure[data-chart][data-state="ready"]', { timeout: 15_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'momentum-phone.png'), fullPage: false });
    } finally {
      await page.close();
    }
  });
});

describe('course site output holds no solution', () => {
  it('has no hidden solution line in any file, source maps included', () => {
    const lines = hiddenLines(ROOT, course);
    expect(lines.length).toBeGreaterThan(10);
    const files = filesUnder(site.outDir);
    expect(files.some((file) => file.endsWith('.js.map'))).toBe(true);
    const leaks = files.flatMap((file) =>
      findLeaks(readFileSync(file, 'latin1'), lines).map((line) => `${file}: ${line.file}:${line.line} ${line.text}`),
    );
    expect(leaks).toEqual([]);
  });

  it('bundles no module from solutions/, by the bundler’s module graph and the source maps', () => {
    const solutionsDir = join(ROOT, 'solutions') + sep;
    expect(site.modules.some((id) => id.startsWith(join(ROOT, 'exercises', COURSE_ID)))).toBe(true);
    expect(site.modules.some((id) => id.includes('virtual:reference-trajectories'))).toBe(true);
    expect(site.modules.filter((id) => normalize(id.replace(/^\0/, '')).startsWith(solutionsDir))).toEqual([]);

    const sources = filesUnder(site.outDir)
      .filter((file) => file.endsWith('.map'))
      .flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { sources: string[] }).sources);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => /(^|\/)solutions\//.test(source))).toEqual([]);
  });
});
