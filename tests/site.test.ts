// The course site: builds it, serves the output under a sub-path on 127.0.0.1 and opens every page in headless
// Chromium (no errors, charts drawn, stubs reported, math typeset, screenshots saved), then proves that no
// solution code reached the output, by scanning every file and by reading the bundler's module graph.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse, loadCourses } from '../grader/course/course-metadata.js';
import { findLeaks, hiddenLines } from '../scripts/stubs/hidden-text.js';
import { isOptimizerId, optimizer, RACE } from '../courses/optimizers/manifest.js';
import { runTrajectory, type OptimizerClass } from '../grader/optimizers/harness/run-optimizer.js';
import type { SiteBuild } from '../site/scripts/build.js';
import { PagePool } from './page-pool.js';
import { sharedSite } from './site-builds.js';
import { serveSite } from './static-site-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
// Served below a sub-path, as on GitHub Pages, to prove the relative base works.
const SUB_PATH = '/optimizers-kit/';
type Served = Awaited<ReturnType<typeof serveSite>>;
const COURSE_ID = 'optimizers';
const course = loadCourse(ROOT, COURSE_ID);
/** The course's pages, under its own folder of the site. */
const COURSE_PAGES = ['index', 'concepts', ...course.exercises.map((exercise) => exercise.id), 'playground'];
/** Every page checked in Chromium, relative to the site's root: the home page, then the course's. */
const PAGES = ['index.html', ...COURSE_PAGES.map((name) => `${COURSE_ID}/${name}.html`)];
/** Every page of the kit's other courses, whatever their plug-ins draw: each must open without an error. */
const OTHER_COURSE_PAGES = loadCourses(ROOT)
  .filter((other) => other.id !== COURSE_ID)
  .flatMap((other) =>
    ['index', 'concepts', ...other.exercises.map((e) => e.id)].map((name) => `${other.id}/${name}.html`),
  );
/** A page of the course, relative to the site's root. */
const coursePage = (name: string): string => `${COURSE_ID}/${name}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
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
function chartPixels(
  page: Page,
  colors: [number, number, number][],
  selector = 'figure[data-chart] canvas',
): Promise<ChartPixels> {
  return page.evaluate(
    ([targets, selector]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector);
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
    },
    [colors, selector] as const,
  );
}

/**
 * The sidebar's words that are split across two lines ("Hyperparame" / "ter"): each word of a link's title is a
 * range of text, and a word laid out on one line has one box.
 */
function splitSidebarWords(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.sidebar__label')].flatMap((label) => {
      const text = label.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      return [...(text.textContent ?? '').matchAll(/\S+/g)]
        .filter((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return range.getClientRects().length > 1;
        })
        .map((word) => word[0]);
    }),
  );
}

/**
 * Text on the page set outside the site's type scale (site.css: --size-xs to --size-xl, the page's h1, weights 400,
 * 600 and 700), as "element.class size weight". Formulas (KaTeX's own sizes) and SVG drawings are not counted.
 */
async function offScaleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    const rem = parseFloat(root.fontSize);
    const sizes = ['xs', 'sm', 'md', 'body', 'lg', 'xl'].map(
      (step) => parseFloat(root.getPropertyValue(`--size-${step}`)) * rem,
    );
    sizes.push(...[...document.querySelectorAll('h1')].map((h1) => parseFloat(getComputedStyle(h1).fontSize)));
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!;
      if (!node.textContent?.trim() || element.closest('.katex, svg') || element.getClientRects().length === 0)
        continue;
      const { fontSize, fontWeight } = getComputedStyle(element);
      const onScale = sizes.some((size) => Math.abs(size - parseFloat(fontSize)) < 0.01);
      if (!onScale || !['400', '600', '700'].includes(fontWeight))
        found.add(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${fontSize} ${fontWeight}`);
    }
    return [...found];
  });
}

let browser: Browser;
let pages: PagePool;
let server: Served;
let baseUrl: string;
let site: SiteBuild;
let instructorSite: SiteBuild;

beforeAll(async () => {
  [site, instructorSite, browser] = await Promise.all([
    sharedSite('student'),
    sharedSite('instructor'),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  ]);
  pages = new PagePool(browser);
  server = await serveSite(site.outDir, SUB_PATH);
  baseUrl = server.url;
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('course site pages in Chromium', () => {
  it('builds one page per exercise, in info.toml order, plus the overview and concepts, and a home page', () => {
    const built = readdirSync(join(site.outDir, COURSE_ID)).filter((name) => name.endsWith('.html'));
    expect(built.sort()).toEqual(COURSE_PAGES.map((name) => `${name}.html`).sort());
    // The home page lists every course when there are several, and is the course's overview when it is the only one.
    const home = readFileSync(join(site.outDir, 'index.html'), 'utf8');
    expect(home).toContain(`href="${COURSE_ID}/index.html"`);
    const index = readFileSync(join(site.outDir, COURSE_ID, 'index.html'), 'utf8');
    const positions = course.exercises.map((exercise) => index.indexOf(`href="${exercise.id}.html"`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Every link to an exercise (sidebar and card) carries a bonus tag exactly when info.toml says so.
    for (const exercise of course.exercises) {
      const links = [...index.matchAll(new RegExp(`<a[^>]*href="${exercise.id}\\.html"[^>]*>([\\s\\S]*?)</a>`, 'g'))];
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const [, content] of links)
        expect(content.includes('tag--bonus'), `${exercise.id} bonus tag`).toBe(exercise.bonus);
    }
  });

  it.each(PAGES)('%s renders without errors, with its chart, notes and math', async (path) => {
    const name = path.startsWith(`${COURSE_ID}/`) ? path.slice(COURSE_ID.length + 1, -'.html'.length) : 'home';
    const page = await pages.open({ viewport: { width: 1280, height: 900 } });
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
    const fontsFetched: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
      if (url.endsWith('.woff2')) fontsFetched.push(url);
    });

    try {
      const response = await page.goto(`${baseUrl}${path === 'index.html' ? '' : path}`);
      expect(response?.status()).toBe(200);
      // Not every exercise has a chart (one that searches hyperparameters, say); those that do must draw it.
      const hasChart = (await page.locator('figure[data-chart]').count()) > 0;
      if (hasChart) await page.waitForSelector('figure[data-chart][data-state="ready"]', { timeout: 15_000 });
      await page.evaluate(() => document.fonts.ready);

      // The chart: contours cover the plot, and each reference trajectory shows in its own colour.
      if (hasChart) {
        const optimizers = ((await page.getAttribute('figure[data-chart]', 'data-optimizers')) ?? '')
          .split(',')
          .filter(isOptimizerId);
        const pixels = await chartPixels(
          page,
          optimizers.map((id) => rgb(optimizer(id).colors.reference)),
        );
        expect(pixels.width).toBeGreaterThan(200);
        expect(pixels.painted / (pixels.width * pixels.height)).toBeGreaterThan(0.3);
        pixels.matches.forEach((count, k) =>
          expect(count, `pixels of the reference ${optimizers[k]} line`).toBeGreaterThan(40),
        );

        // The learner's lines: the stubs throw 'not implemented yet', which each note must say.
        const chartKind = await page.getAttribute('figure[data-chart]', 'data-chart');
        const notes = await page.locator('.run-status__item').allTextContents();
        const expectedNotes = chartKind === 'challenge' ? 1 : chartKind === 'landscape' ? 0 : optimizers.length;
        expect(notes).toHaveLength(expectedNotes);
        for (const note of notes) expect(note).toContain('not implemented yet');

        // Beside the trajectories (not on the concepts page's plain landscape): a loss chart with lines and a scrubber.
        if (chartKind !== 'landscape') {
          const lossPainted = await page.evaluate(() => {
            const canvas = document.querySelector<HTMLCanvasElement>('.trajectory-panel__loss canvas')!;
            const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
            return painted;
          });
          expect(lossPainted).toBeGreaterThan(1000);
          expect(await page.getByLabel('Step', { exact: true }).count()).toBe(1);
        }
      }

      // Math typeset at build time, with KaTeX's own fonts served from the site.
      const markdownFile = join(ROOT, 'courses', COURSE_ID, `${name}.md`);
      const markdown =
        name === 'index' || name === 'home' || !existsSync(markdownFile) ? '' : readFileSync(markdownFile, 'utf8');
      if (markdown.includes('$')) {
        expect(await page.locator('.katex').count()).toBeGreaterThan(0);
        expect(await page.locator('.katex-error').count()).toBe(0);
        const katexFontLoaded = await page.evaluate(() =>
          [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded'),
        );
        expect(katexFontLoaded).toBe(true);
        // The two faces every formula here uses are asked for from the <head>, before layout needs them; each is
        // fetched once (a preload whose CORS mode differed from the font's own request would be fetched twice)
        // and used.
        const preloaded = await page.$$eval('head link[rel="preload"][as="font"]', (links) =>
          links.map((link) => (link as HTMLLinkElement).href),
        );
        expect(preloaded.map((href) => /\/(KaTeX_\w+-\w+)-[\w-]+\.woff2$/.exec(href)?.[1])).toEqual([
          'KaTeX_Main-Regular',
          'KaTeX_Math-Italic',
        ]);
        for (const href of preloaded)
          expect(
            fontsFetched.filter((url) => url === href),
            href,
          ).toHaveLength(1);
        const facesLoaded = await page.evaluate(() =>
          [...document.fonts].filter((font) => font.status === 'loaded').map((font) => `${font.family} ${font.style}`),
        );
        expect(facesLoaded).toEqual(expect.arrayContaining(['KaTeX_Main normal', 'KaTeX_Math italic']));
        // Held back for the first paint only: then laid out, and in the tree screen readers read.
        await page.waitForFunction(() => !document.documentElement.classList.contains('first-paint'));
        const mathml = page.locator('.katex-mathml').first();
        expect(await mathml.evaluate((element) => getComputedStyle(element).display)).not.toBe('none');
        expect(await mathml.ariaSnapshot()).toMatch(/^- math/);
      } else if ((await page.locator('.katex').count()) === 0) {
        // No formula, no font of KaTeX's asked for.
        expect(await page.locator('link[rel="preload"][as="font"]').count()).toBe(0);
      }

      if (name === 'playground') {
        await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 15_000 });
        const rows = await page.locator('.run-summary tbody tr').allTextContents();
        expect(rows).toHaveLength(4);
        for (const row of rows) expect(row).toContain('implement it to play with it');
      }

      // The built site cannot watch files: its top bar says how to see one's own code live (the dev server's says it is live).
      expect(await page.textContent('.topbar__hint')).toContain('npm run site');

      const exercise = course.exercises.find((candidate) => candidate.id === name);
      if (exercise) {
        expect(await page.locator('details.hint').count()).toBe(exercise.hints.length);
        expect(await page.locator('details.hint[open]').count()).toBe(0);
        expect(await page.textContent('main')).toContain(`npm run grade ${exercise.id}`);
      }

      // Each size or weight outside the type scale is one more font to prepare before the first frame.
      expect(await offScaleText(page)).toEqual([]);

      // A title in the sidebar wraps between its words, its bonus tag moving under it where they do not fit.
      if (name !== 'home')
        expect(await page.locator('.sidebar__label').count()).toBeGreaterThan(course.exercises.length);
      expect(await splitSidebarWords(page)).toEqual([]);
      // One line sets the sidebar's groups apart: the course's own pages from its exercises, the home link from the
      // courses (never one course from the next).
      const setApart = await page.evaluate(() =>
        [...document.querySelectorAll('.sidebar__list > li')]
          .filter((item) => parseFloat(getComputedStyle(item).borderBottomWidth) > 0)
          .map((item) => item.textContent?.trim()),
      );
      expect(setApart).toEqual([name === 'home' ? 'All courses' : 'Concepts']);

      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('draws the hyperparameter-search heatmap, with a colour legend, and says the stub searches are not implemented', async () => {
    const page = await pages.open({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${baseUrl}${coursePage('hyperparameter-search.html')}`);
      await page.waitForSelector('figure[data-heatmap][data-state="ready"]', { timeout: 15_000 });
      // Viridis ends: bright yellow (few steps) and dark purple (many), plus the neutral grey of "never".
      const pixels = await chartPixels(
        page,
        [rgb('#d4d4d8'), [253, 231, 37], [68, 1, 84]],
        'figure[data-heatmap] canvas',
      );
      expect(pixels.width).toBeGreaterThan(200);
      expect(pixels.painted / (pixels.width * pixels.height)).toBeGreaterThan(0.5);
      expect(pixels.matches[0], 'grey cells: never within 3000 steps').toBeGreaterThan(5000);
      expect(pixels.matches[1] + pixels.matches[2], 'coloured cells').toBeGreaterThan(500);
      expect(await page.locator('.search-legend__bar').count()).toBe(1);
      expect(await page.locator('.search-table td').count()).toBe(24 * 24);
      const notes = await page.locator('figure[data-heatmap] .run-status__item').allTextContents();
      expect(notes).toHaveLength(2);
      for (const note of notes) expect(note).toContain('not implemented yet');
      expect(await page.getAttribute('figure[data-heatmap]', 'data-markers')).toBe('0');
      await page
        .locator('figure[data-heatmap]')
        .screenshot({ path: join(SCREENSHOTS, 'hyperparameter-search-heatmap.png') });
    } finally {
      await pages.release(page);
    }
  });

  it.each(OTHER_COURSE_PAGES)('%s, a page of another course, opens with its text, pager and no error', async (path) => {
    const page = await pages.open({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    try {
      expect((await page.goto(`${baseUrl}${path}`))?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main h1').count()).toBe(1);
      if (!path.endsWith('/index.html')) expect(await page.locator('nav.pager').count()).toBe(1);
      expect(await splitSidebarWords(page)).toEqual([]);
      expect(await offScaleText(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it.each([
    ['momentum', 'figure[data-chart][data-state="ready"]'],
    ['playground', '[data-playground][data-state="ready"]'],
    // The longest file path and command of the course, in its task card.
    ['hyperparameter-search', 'figure[data-heatmap][data-state="ready"]'],
  ])('%s fits a phone screen without sideways scrolling', async (name, ready) => {
    const page = await pages.open({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${baseUrl}${coursePage(`${name}.html`)}`);
      await page.waitForSelector(ready, { timeout: 15_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Nothing runs out of its card, and the sidebar, now a strip, keeps its links on one line.
      const layout = await page.evaluate(() => ({
        cards: [...document.querySelectorAll('.task-card')].map((card) => card.scrollWidth - card.clientWidth),
        linkMiddles: [...document.querySelectorAll('.sidebar__link')].map((link) => {
          const box = link.getBoundingClientRect();
          return (box.top + box.bottom) / 2;
        }),
      }));
      for (const spill of layout.cards) expect(spill).toBeLessThanOrEqual(0);
      expect(layout.linkMiddles.length).toBeGreaterThan(course.exercises.length);
      expect(Math.max(...layout.linkMiddles) - Math.min(...layout.linkMiddles)).toBeLessThan(1);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: name === 'playground' });
    } finally {
      await pages.release(page);
    }
  });
});

describe('course site output holds no solution', () => {
  it('hands the next test a page only if it kept nothing: no storage, cookie or database (tests/page-pool.ts)', async () => {
    const viewport = { width: 1280, height: 900 };
    const clean = await pages.open({ viewport });
    await clean.goto(baseUrl);
    await pages.release(clean);
    const again = await pages.open({ viewport });
    expect(again).toBe(clean);
    await again.goto(baseUrl);
    await again.evaluate(() => localStorage.setItem('left', 'behind'));
    await pages.release(again);
    expect(again.isClosed()).toBe(true);
    const fresh = await pages.open({ viewport });
    try {
      await fresh.goto(baseUrl);
      expect(await fresh.evaluate(() => localStorage.length)).toBe(0);
    } finally {
      await pages.release(fresh);
    }
  });

  it('has no hidden solution line in any file, source maps included', () => {
    const lines = hiddenLines(ROOT, course);
    expect(lines.length).toBeGreaterThan(10);
    const files = filesUnder(site.outDir);
    expect(files.some((file) => file.endsWith('.js.map'))).toBe(true);
    const leaks = files.flatMap((file) =>
      findLeaks(readFileSync(file, 'latin1'), lines).map((line) => `${file}: ${line.file}:${line.line} ${line.text}`),
    );
    expect(leaks).toEqual([]);
    expect(files.filter((file) => readFileSync(file, 'latin1').includes('Show solution'))).toEqual([]);
  });

  it('finds the solutions in the instructor build, which proves the scan above can see them', () => {
    const lines = hiddenLines(ROOT, course);
    const html = filesUnder(instructorSite.outDir).filter((file) => file.endsWith('.html'));
    // Highlighting wraps tokens in <span>s and escapes entities: scan the text as a reader would see it.
    const text = html.map((file) => decodeHtml(readFileSync(file, 'utf8').replace(/<[^>]+>/g, ''))).join('\n');
    // The exercises' own files are shown; hidden lines elsewhere (helpers no exercise asks for) need not be.
    const shown = new Set(
      course.exercises.flatMap((exercise) => exercise.files.map((file) => join('solutions', COURSE_ID, file))),
    );
    const codeLines = lines.filter((line) => shown.has(line.file));
    const found = findLeaks(text, codeLines);
    expect(codeLines.length).toBeGreaterThan(10);
    expect(found.map((line) => `${line.file}:${line.line}`)).toEqual(
      codeLines.map((line) => `${line.file}:${line.line}`),
    );
    for (const exercise of course.exercises) {
      const page = readFileSync(join(instructorSite.outDir, COURSE_ID, `${exercise.id}.html`), 'utf8');
      expect(page, exercise.id).toContain('Show solution');
      expect(page).toMatch(/<details class="solution__file">/);
    }
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

describe('course site with working optimizers (exercises/ replaced by the solutions, in a temporary copy)', () => {
  let solvedServer: Served;
  let solvedUrl: string;

  beforeAll(async () => {
    solvedServer = await serveSite((await sharedSite('solved')).outDir, SUB_PATH);
    solvedUrl = solvedServer.url;
  });

  afterAll(async () => {
    solvedServer?.close();
  });

  async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await pages.open({ viewport: { width: 1280, height: 1000 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${solvedUrl}${coursePage(path)}`);
    // The sticky top bar would be drawn across a screenshot of a figure taller than the window.
    await page.addStyleTag({ content: '.topbar { position: static !important; }' });
    return { page, problems };
  }

  const summaryOf = (page: Page) => page.locator('.run-summary tbody').textContent();
  const revisionOf = (page: Page) => page.getAttribute('[data-playground]', 'data-revision');
  /** Does `act`, then waits until the playground has drawn again (its revision moved on). */
  const redrawn = async (page: Page, act: () => Promise<unknown>): Promise<void> => {
    const old = await revisionOf(page);
    await act();
    await page.waitForFunction(
      (seen) => document.querySelector('[data-playground]')?.getAttribute('data-revision') !== seen,
      old,
    );
  };

  it('challenge mode counts the steps to (1, 1) and writes an entry that the reference optimizer wins with', async () => {
    const settings =
      'show=adam&adam.learningRate=0.2&adam.momentumGrad=0.9&adam.momentumGradSquared=0.9&adam.epsilon=1e-8';
    const { page, problems } = await openPage(`playground.html?${settings}`);
    try {
      await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 15_000 });
      await page.click('.challenge-mode__count');
      await page.waitForSelector('.challenge-mode[data-state="counted"]');
      const row = await page.locator('.challenge-mode__row[data-optimizer="adam"]').textContent();
      const steps = Number(/(\d+) steps/.exec(row ?? '')?.[1]);
      expect(steps).toBeGreaterThan(0);
      const code = (await page.locator('.challenge-mode__entry').textContent()) ?? '';
      expect(code).toContain(`nSteps: ${steps},`);
      expect(code).toContain("optimizer: 'adam',");
      // The entry, pasted into challenge.ts, ends within the goal radius with the instructor's Adam.
      const entry = new Function(`return ${/return (\{[\s\S]*\});/.exec(code)![1]}`)() as {
        options: Record<string, number>;
        nSteps: number;
      };
      const { Adam } = (await import('../solutions/optimizers/adam.js')) as unknown as { Adam: OptimizerClass };
      const path = runTrajectory(Adam, [...RACE.start], entry.options, entry.nSteps);
      const [x, y] = path[path.length - 1]!;
      expect(Math.hypot(x - RACE.goal[0], y - RACE.goal[1])).toBeLessThanOrEqual(RACE.goalRadius);
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('runs every optimizer on the playground, and a slider moved with the keyboard changes the runs', async () => {
    const { page, problems } = await openPage('playground.html');
    try {
      await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 15_000 });
      const before = await summaryOf(page);
      expect(before).not.toContain('implement it');
      expect(await page.locator('.run-summary tbody tr').count()).toBe(4);
      const pixels = await chartPixels(
        page,
        (['sgd', 'momentum', 'rmsprop', 'adam'] as const).map((id) => rgb(optimizer(id).colors.learner)),
        '.playground__panel .trajectory-panel__plot canvas',
      );
      pixels.matches.forEach((count, k) => expect(count, `pixels of learner run ${k}`).toBeGreaterThan(40));
      // Every run has a best distance and a loss: nothing is left blank.
      expect(before).not.toContain('—');
      // The contour map's colour key: the banana's levels, above its minimum, on a log scale.
      expect(await page.locator('.playground__panel .contour-legend').getAttribute('aria-label')).toMatch(
        /^Contour colours: f − f\* from 0\.\d+ \(lightest\) to \d+ \(darkest\), levels spaced on a log scale$/,
      );

      const canvasBefore = await page
        .locator('.playground__panel .trajectory-panel__plot canvas')
        .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
      const revision = await revisionOf(page);
      await page.focus('#playground-momentum-learningRate');
      for (let press = 0; press < 40; press++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (old) =>
          document.querySelector('[data-playground]')?.getAttribute('data-revision') !== old &&
          document.querySelector('[data-playground]')?.getAttribute('data-state') === 'ready',
        revision,
      );
      await page.waitForFunction(
        (old) =>
          document.querySelector('[data-playground]')?.getAttribute('data-state') === 'ready' &&
          document.querySelector('.run-summary tbody')?.textContent !== old,
        before,
      );
      const canvasAfter = await page
        .locator('.playground__panel .trajectory-panel__plot canvas')
        .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
      expect(canvasAfter).not.toBe(canvasBefore);
      expect(await summaryOf(page)).not.toBe(before);
      // The URL follows once the input has settled, so a shared link holds the new setting.
      await expect.poll(() => new URL(page.url()).searchParams.get('momentum.learningRate')).not.toBe('0.01');

      // A click moves the start; two clicks give the pixel ↔ data mapping, then the start marker is dragged.
      const plot = page.locator('.playground__panel .trajectory-panel__plot canvas');
      const box = (await plot.boundingBox())!;
      const startNow = async (): Promise<[number, number]> => [
        Number(await page.inputValue('#playground-start-x')),
        Number(await page.inputValue('#playground-start-y')),
      ];
      const pixel = (fx: number, fy: number): [number, number] => [box.x + fx * box.width, box.y + fy * box.height];
      // (Away from the start marker at (−1, 2): pressing on the marker grabs it instead.)
      /** Clicks the plot, waits for the runs from that start, and reads the start back from its inputs. */
      const clickAt = async (fx: number, fy: number): Promise<[number, number]> => {
        await redrawn(page, () => page.mouse.click(...pixel(fx, fy)));
        return startNow();
      };
      const a = await clickAt(0.55, 0.2);
      const b = await clickAt(0.8, 0.5);
      expect(b[0]).toBeGreaterThan(a[0]);
      expect(b[1]).toBeLessThan(a[1]);
      const dataAt = (fx: number, fy: number): [number, number] => [
        a[0] + ((fx - 0.55) / 0.25) * (b[0] - a[0]),
        a[1] + ((fy - 0.2) / 0.3) * (b[1] - a[1]),
      ];
      const beforeDrag = Number(await revisionOf(page));
      await page.mouse.move(...pixel(0.8, 0.5));
      await page.mouse.down();
      await page.mouse.move(...pixel(0.6, 0.7), { steps: 6 });
      await page.mouse.up();
      const dropped = await startNow();
      const expected = dataAt(0.6, 0.7);
      expect(Math.abs(dropped[0] - expected[0])).toBeLessThan(0.02);
      expect(Math.abs(dropped[1] - expected[1])).toBeLessThan(0.02);
      // The runs followed the pointer, not only its release.
      await page.waitForFunction(
        (old) => Number(document.querySelector('[data-playground]')?.getAttribute('data-revision')) >= old + 2,
        beforeDrag,
      );
      await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBe(String(dropped[0]));

      // The start can be typed too (the keyboard's way to move it).
      await redrawn(page, () => page.fill('#playground-start-x', '-1.5'));
      await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBe('-1.5');

      // The 3-D surface is drawn and turns with the arrow keys.
      const surface = page.locator('.surface__canvas');
      const surfaceBefore = await surface.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
      expect(surfaceBefore.length).toBeGreaterThan(10_000);
      await surface.focus();
      await page.keyboard.press('ArrowLeft');
      expect(await surface.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL())).not.toBe(surfaceBefore);
      await surface.screenshot({ path: join(SCREENSHOTS, 'playground-surface.png') });
      await page.screenshot({ path: join(SCREENSHOTS, 'playground-solved.png'), fullPage: true });

      // The preset menu follows the settings: a preset chosen names itself until a slider moves away from it.
      await redrawn(page, () => page.selectOption('#playground-preset', 'bowl'));
      expect(await page.inputValue('#playground-preset')).toBe('bowl');
      await page.focus('#playground-sgd-learningRate');
      await redrawn(page, () => page.keyboard.press('ArrowRight'));
      expect(await page.inputValue('#playground-preset')).toBe('');
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('reads its settings from the URL and says where a run diverged instead of drawing it off the chart', async () => {
    const { page, problems } = await openPage('playground.html?f=bowl&x=-2.5&y=1.5&n=50&show=sgd&sgd.learningRate=0.5');
    try {
      await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 15_000 });
      expect(await page.inputValue('#playground-function')).toBe('bowl');
      const summary = await summaryOf(page);
      expect(summary).toMatch(/diverged at step \d+/);
      expect(summary).toContain('smaller learning rate');
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('runs the learner’s optimizers on a formula they type, differentiated symbolically, and keeps it in the URL', async () => {
    const { page, problems } = await openPage('playground.html');
    try {
      await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 15_000 });
      const revision = await revisionOf(page);
      await page.selectOption('#playground-function', 'formula');
      await page.fill('#playground-formula', '(x^2 + y - 11)^2 + (x + y^2 - 7)^2');
      for (const [k, value] of ['-5', '5', '-5', '5'].entries()) await page.fill(`#playground-region-${k}`, value);
      await page.waitForFunction(
        () => document.querySelector('.playground__function')?.textContent?.includes('(x ^ 2 + y - 11) ^ 2'),
        undefined,
        { timeout: 10_000 },
      );
      await page.waitForFunction(
        (old) => document.querySelector('[data-playground]')?.getAttribute('data-revision') !== old,
        revision,
      );
      // Himmelblau's gradient, as mathjs writes it, and one of its minima found numerically.
      expect(await page.locator('.playground__formula-note').textContent()).toBe(
        '∂f/∂x = 4 * x * (x ^ 2 + y - 11) + 2 * (x + y ^ 2 - 7);  ∂f/∂y = 2 * (x ^ 2 + y - 11) + 4 * y * (x + y ^ 2 - 7)',
      );
      expect(await page.locator('.playground__function').textContent()).toMatch(
        /found numerically: f ≈ 0 at \((3, 2|-2\.805, 3\.131|-3\.779, -3\.283|3\.584, -1\.848)\)/,
      );
      const pixels = await chartPixels(
        page,
        (['sgd', 'momentum', 'rmsprop', 'adam'] as const).map((id) => rgb(optimizer(id).colors.learner)),
        '.playground__panel .trajectory-panel__plot canvas',
      );
      pixels.matches.forEach((count, k) => expect(count, `pixels of learner run ${k}`).toBeGreaterThan(40));
      // The formula and its region reach the URL one after the other: wait for both, as a slow machine may lag.
      await expect
        .poll(() => {
          const params = new URL(page.url()).searchParams;
          return [params.get('formula'), params.get('region')];
        })
        .toEqual(['(x^2 + y - 11)^2 + (x + y^2 - 7)^2', '-5,5,-5,5']);
      await page.screenshot({ path: join(SCREENSHOTS, 'playground-formula.png'), fullPage: true });

      // A formula that cannot be one says why, and the last good one keeps running.
      await page.fill('#playground-formula', '(x^2 + y');
      await page.waitForFunction(() =>
        document.querySelector('.playground__formula-note--error')?.textContent?.includes('does not parse'),
      );
      expect(await page.locator('.playground__function').textContent()).toContain('11');

      // The shared link opens the same function.
      const shared = await pages.open({ viewport: { width: 1280, height: 1000 } });
      await shared.goto(
        `${solvedUrl}${coursePage('playground.html')}?f=formula&formula=${encodeURIComponent('x^2 + 3 y^2')}&region=-2,2,-2,2&x=1.5&y=1.5`,
      );
      await shared.waitForFunction(
        () => document.querySelector('.playground__function')?.textContent?.includes('x ^ 2 + 3 y ^ 2'),
        undefined,
        { timeout: 10_000 },
      );
      expect(await shared.inputValue('#playground-formula')).toBe('x^2 + 3 y^2');
      await pages.release(shared);
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('draws the learner’s grid and random searches and their best trials on the hyperparameter-search heatmap', async () => {
    const { page, problems } = await openPage('hyperparameter-search.html');
    try {
      await page.waitForSelector('figure[data-heatmap][data-state="ready"]', { timeout: 15_000 });
      // 25 grid trials + their best, 25 random trials + their best.
      expect(await page.getAttribute('figure[data-heatmap]', 'data-markers')).toBe('52');
      const notes = await page.locator('figure[data-heatmap] .run-status__item').allTextContents();
      expect(notes).toHaveLength(2);
      for (const note of notes) expect(note).toMatch(/25 trials.*best: α = /);
      // Markers on top: pixels of the random search's pink and of the best trials' orange.
      const pixels = await chartPixels(page, [rgb('#f472b6'), rgb('#f97316')], 'figure[data-heatmap] canvas');
      expect(pixels.matches[0], 'random-search markers').toBeGreaterThan(200);
      expect(pixels.matches[1], 'best-trial markers').toBeGreaterThan(100);
      await page
        .locator('figure[data-heatmap]')
        .screenshot({ path: join(SCREENSHOTS, 'hyperparameter-search-solved.png') });
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('shows the learner optimizer’s inner state and arrows at the scrubbed step', async () => {
    const { page, problems } = await openPage('adam.html');
    try {
      await page.waitForSelector('figure[data-chart][data-state="ready"]', { timeout: 15_000 });
      expect(await page.locator('.run-status__item').first().textContent()).toContain('matches the reference');
      const scrubber = page.getByLabel('Step', { exact: true });
      await scrubber.focus();
      for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowRight');
      const state = page.locator('.inner-state');
      await expect.poll(() => state.isVisible()).toBe(true);
      const text = (await state.textContent()) ?? '';
      expect(text).toContain('at step 5');
      // Step 5 is the sixth call of step(): the panel says so, and Adam's own count of its steps agrees.
      expect(text).toContain('call 6 of step()');
      expect(text).toMatch(/this\.t6(?!\d)/);
      expect(text).toContain('gradient');
      expect(text).toContain('step taken');
      // Whatever the learner named them, Adam's two running averages are numeric arrays on the instance.
      expect((text.match(/this\.\w+/g) ?? []).length).toBeGreaterThanOrEqual(4);
      await page.locator('figure[data-chart]').screenshot({ path: join(SCREENSHOTS, 'adam-solved-step5.png') });
      await page.getByRole('button', { name: /play/i }).click();
      await expect.poll(() => scrubber.inputValue(), { timeout: 10_000 }).toBe('99');
      await page.locator('figure[data-chart]').screenshot({ path: join(SCREENSHOTS, 'adam-solved-played.png') });
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });
});

// The learner files are the optimizers' mistakes in tests/site-builds.ts: a Momentum that loops forever once the
// learning rate is large, an adam.ts that does not parse, an RMSprop class exported as RmsProp. The site must still
// build, say what is wrong with each, and run the learner's other optimizers.
describe('course site with learner files mid-work (an endless loop, a syntax error, a renamed class)', () => {
  let kitServer: Served;
  let kitUrl: string;

  beforeAll(async () => {
    kitServer = await serveSite((await sharedSite('faulty')).outDir, SUB_PATH);
    kitUrl = kitServer.url;
  });

  afterAll(async () => {
    kitServer?.close();
  });

  it('builds, runs the working optimizer on the playground and says what is wrong with each of the others', async () => {
    const page = await pages.open({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(
        `${kitUrl}${coursePage('playground.html')}?f=banana&x=-1&y=2&n=200&show=sgd,momentum,rmsprop,adam&momentum.learningRate=0.1`,
      );
      await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 15_000 });
      const rows = await page.locator('.run-summary tbody tr').allInnerTexts();
      expect(rows[0]).toMatch(/^SGD\s+ran/);
      expect(rows[1]).toContain('still running after 1 s');
      expect(rows[2]).toContain('exercises/optimizers/rmsprop.ts has no exported RMSprop');
      expect(rows[3]).toMatch(/exercises\/optimizers\/adam\.ts:4:10: Expected identifier/);
      // The loop was stopped, not left running: the page still answers, and a smaller rate lets Momentum run.
      await page.fill('#playground-momentum-learningRate ~ input[type="number"]', '0.01');
      await page.waitForFunction(
        () => document.querySelectorAll('.run-summary tbody tr')[1]?.textContent?.includes('ran'),
        undefined,
        { timeout: 5_000 },
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'playground-mid-work.png'), fullPage: true });
    } finally {
      await pages.release(page);
    }
  });
});
