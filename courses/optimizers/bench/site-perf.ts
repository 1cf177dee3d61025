// The course site's speed in headless Chromium, from a build of a temporary kit copy whose exercises/ hold the
// solutions (so every optimizer and search runs): (a) playground slider input to redrawn chart with 4 optimizers ×
// 1,000 steps, measured inside the page, and (a') the chart's redraws while a slider is dragged without pause;
// (b) first chart painted after navigation on localhost, on every page of the course that has one: the first frame
// showing it, as the static picture in the page's HTML or drawn live, and the first frame showing the live chart,
// beside the page's first contentful paint; under it, (b0) the floor on the machine at hand: the first contentful
// paint of one paragraph with no style or script, and of an exercise page emptied to the site's shell (its head's
// styles, fonts and scripts, top bar and sidebar); (c) gzipped JavaScript a page loads; (d) where (b)'s time goes:
// one load per page traced (Chromium's performance trace: the main thread's scripting, style and layout, paint)
// beside the page's own User Timing measures (contour background, reference runs, learner runs, Chart.js set-up).
// (a), (a'), (b), (b0) and (d) run twice: as Chromium runs here, and with the page's CPU slowed 4× (DevTools'
// Emulation.setCPUThrottlingRate, as Lighthouse's mobile profile does), for a student's slower laptop. Prints
// medians and 95th percentiles side by side; the goals apply to the throttled figures.
// usage: node scripts/launch.mjs courses/optimizers/bench/site-perf.ts (npm run bench runs it)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  ACTIVITIES,
  mainThreadSummary,
  TRACE_CATEGORIES,
  type MainThreadSummary,
  type TraceEvent,
} from '../../../bench/chromium-trace.js';
import { buildSolvedKit } from '../../../tests/solved-kit.js';
import { serveSite } from '../../../tests/static-site-server.js';

/** The course whose pages are measured, as the site lays it out: one folder per course. */
const COURSE = 'optimizers/';
const INPUTS = 50;
/** Steps per playground run: 1,000 by default, as in the goal. */
const PLAYGROUND_STEPS = Number(process.env.BENCH_PLAYGROUND_STEPS ?? 1000);
const WARMUP = 5;
const LOADS = Number(process.env.BENCH_RUNS ?? 7) + 2;
const GOALS = { inputMs: 16, firstChartMs: 500, gzipKB: 150 };
/** The CPU slowdowns measured: none, and Lighthouse's mobile profile's 4×. */
const RATES = [1, 4] as const;

/** Slows the page's CPU `rate` times (1: as it is), before it loads anything. */
async function throttle(page: Page, rate: number): Promise<void> {
  if (rate === 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the value at or below which q of the samples lie.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Latency {
  /** From the input event to the trajectory chart redrawn with the new runs, ready for the next frame. */
  chart: number;
  /** From the input event to the end of the first frame painted after it, the wait for that frame included. */
  painted: number;
  /** Whether the chart was redrawn before that first frame began (so the frame shows the new runs). */
  inFirstFrame: boolean;
  /** From the input event to every view updated (loss chart, 3-D view, summary follow one frame later). */
  all: number;
  /** The chart's parts: reading the input and running the learner's code, then drawing the chart. */
  parts: Record<string, number>;
}

// As a string, like the probes below: tsx would wrap the named functions in a helper (__name) the page lacks.
const PLAYGROUND_PROBE = `
  window.samples = [];
  const host = document.querySelector('[data-playground]');
  const mark = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? NaN;
  let sample = { at: 0 };
  document.addEventListener('input', (event) => {
    sample = { at: event.timeStamp };
    const mine = sample;
    requestAnimationFrame(() => {
      const frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const chartAt = mark('playground:chart');
        Object.assign(mine, {
          chart: chartAt - mine.at,
          painted: performance.now() - mine.at,
          inFirstFrame: chartAt >= mine.at && chartAt <= frameAt,
          parts: { 'input → learner code run': mark('playground:ran') - mine.at, 'trajectory chart drawn': chartAt - mark('playground:ran') },
        });
      };
      channel.port2.postMessage(null);
    });
  }, { capture: true });
  // data-revision changes once every view has been updated.
  new MutationObserver(() => {
    if (sample.at === 0 || sample.all !== undefined) return;
    sample.all = mark('playground:summary') - sample.at;
    window.samples.push(sample);
  }).observe(host, { attributes: true, attributeFilter: ['data-revision'] });
`;

/** The playground, slowed `rate` times, with the four optimizers' runs of PLAYGROUND_STEPS steps drawn. */
async function openPlayground(browser: Browser, url: string, rate: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await throttle(page, rate);
  await page.goto(
    `${url}${COURSE}playground.html?f=banana&x=-1&y=2&n=${PLAYGROUND_STEPS}&show=sgd,momentum,rmsprop,adam`,
  );
  await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 30_000 });
  return page;
}

/**
 * (a) Slider input to repainted chart, in the page's clock, from the input event's own timestamp: to the chart
 * redrawn (the playground marks it), to the end of the next frame (a task queued from that frame's rAF runs
 * after its paint), and to every view updated. Inputs are real key presses on the focused slider.
 */
async function playgroundLatency(browser: Browser, url: string, rate: number): Promise<Latency[]> {
  const page = await openPlayground(browser, url, rate);
  await page.evaluate(PLAYGROUND_PROBE);
  await page.focus('#playground-momentum-learningRate');
  for (let press = 0; press < WARMUP + INPUTS; press++) {
    await page.keyboard.press(press % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((n) => (window as unknown as { samples: unknown[] }).samples.length > n, press, {
      timeout: 10_000,
    });
  }
  const samples = await page.evaluate(() => (window as unknown as { samples: Latency[] }).samples);
  await page.close();
  return samples.slice(WARMUP);
}

/** How long the slider is dragged for (a'), and how often it would move if the page kept up: once a frame. */
const DRAG_MS = 3000;
const FRAME_MS = 16;

/**
 * (a') A slider dragged without pause: the page itself moves it once a frame (a timer, which runs late when the
 * page is busy, as a pointer's events wait for a busy page) for DRAG_MS, and the gaps between the trajectory
 * chart's redraws are measured. Unlike (a), an input does not wait for the views drawn after the last one.
 */
async function dragGaps(browser: Browser, url: string, rate: number): Promise<number[]> {
  const page = await openPlayground(browser, url, rate);
  const charts = (await page.evaluate(`new Promise((resolve) => {
    const charts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'playground:chart') charts.push(entry.startTime);
    }).observe({ type: 'mark' });
    const slider = document.querySelector('#playground-momentum-learningRate');
    const [low, high] = [Number(slider.min), Number(slider.max)];
    const started = performance.now();
    let move = 0;
    const timer = setInterval(() => {
      move++;
      // Back and forth across the slider's range, a sixtieth of it per move.
      slider.value = String(low + (Math.abs((move % 120) - 60) / 60) * (high - low));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (performance.now() - started > ${DRAG_MS}) {
        clearInterval(timer);
        setTimeout(() => resolve(charts), 200);
      }
    }, ${FRAME_MS});
  })`)) as number[];
  await page.close();
  return charts.slice(1).map((at, k) => at - charts[k]!);
}

/** The first chart of a page: its first trajectory chart, the heatmap, or the playground's trajectories. */
const FIRST_CHART =
  'figure[data-chart] canvas, figure[data-heatmap] canvas, [data-playground] .trajectory-panel__plot canvas';
/** What a page shows once every chart has its learner runs (or searches) drawn. */
const PAGE_READY =
  'figure[data-chart][data-state="ready"], figure[data-heatmap][data-state="ready"], [data-playground][data-state="ready"]';
const FIRST_CHART_MARK = 'bench:first-chart';

/** The static picture of a chart the page's HTML shows until its live chart is drawn (the course's static-chart.ts). */
const STATIC_CHART = '.static-chart[data-static-chart]';

// Polls every frame from the document's first for the first chart: its static picture laid out with the page's
// styles (its box sized, positioned by widgets.css), or its live canvas with paint at its centre, whichever comes
// first; then goes on until the live canvas has paint. (A chart parsed and painted while the rest of the page still
// loads is on screen then: polling from the end of parsing, as this probe once did, saw it up to ~100 ms late at 4×.
// The end of parsing starts a poll too, in case the first frame's callback was lost; two in one frame count once.)
// A frame callback runs in the frame whose paint shows what it found, before that frame's style, layout and paint:
// a picture found in the frame that is the page's first contentful paint is on screen only at that paint, whose time
// (Paint Timing) the probe records too. The first chart's mark places the traced window of (d), which ends at the
// later of the two, as (b) counts it: a picture laid out in a frame that paints nothing contentful is not on screen.
const FIRST_CHART_PROBE = `
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.firstPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  let lastFrame;
  const check = (frame) => {
    if (frame === lastFrame) return;
    lastFrame = frame;
    const now = performance.now();
    const canvas = document.querySelector(${JSON.stringify(FIRST_CHART)});
    let live = false;
    if (canvas && canvas.width > 0) {
      const pixel = canvas.getContext('2d').getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
      live = pixel[3] > 0;
    }
    const picture = document.querySelector(${JSON.stringify(STATIC_CHART)});
    const shown = picture && picture.getBoundingClientRect().width > 0 && getComputedStyle(picture).position === 'absolute';
    if ((live || shown) && window.firstChart === undefined) {
      window.firstChart = now;
      window.firstChartWas = live ? 'live' : 'static';
      performance.mark(${JSON.stringify(FIRST_CHART_MARK)});
    }
    if (live) return void (window.liveChart = now);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  document.addEventListener('readystatechange', () => document.readyState === 'interactive' && lastFrame === undefined && requestAnimationFrame(check));
`;

interface FirstChart {
  /**
   * Navigation start to the first frame showing the chart: its static picture or the live chart, and never before the
   * page's first contentful paint (a frame's callback runs before the frame is laid out and painted).
   */
  first: number;
  /** To the first frame showing the live Chart.js chart. */
  live: number;
  /** To the page's first contentful paint. */
  paint: number;
}

/**
 * `LOADS` loads of a page, each in a fresh context (cold cache) with the first-chart probe, until `read` finds what it
 * waits for in the page; the first load only warms the server's file cache and is left out.
 */
async function coldLoads<T>(
  browser: Browser,
  url: string,
  path: string,
  rate: number,
  read: () => unknown,
): Promise<T[]> {
  const found: T[] = [];
  for (let load = 0; load < LOADS; load++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // As a string: tsx would wrap a named function in a helper (__name) the page does not have.
    await context.addInitScript(FIRST_CHART_PROBE);
    const page = await context.newPage();
    await throttle(page, rate);
    await page.goto(`${url}${path}`);
    found.push((await (await page.waitForFunction(read, undefined, { timeout: 15_000 })).jsonValue()) as T);
    await context.close();
  }
  return found.slice(1);
}

/** (b) Navigation start to the first frames showing the chart. */
function firstChart(browser: Browser, url: string, path: string, rate: number): Promise<FirstChart[]> {
  return coldLoads<FirstChart>(browser, url, path, rate, () => {
    const probe = window as unknown as { firstChart?: number; liveChart?: number; firstPaint?: number };
    return (
      probe.liveChart !== undefined &&
      probe.firstPaint !== undefined && {
        first: Math.max(probe.firstChart!, probe.firstPaint),
        live: Math.max(probe.liveChart, probe.firstPaint),
        paint: probe.firstPaint,
      }
    );
  });
}

/** (b0) Navigation start to the first contentful paint of a page with no chart. */
function firstPaint(browser: Browser, url: string, path: string, rate: number): Promise<number[]> {
  return coldLoads<number>(browser, url, path, rate, () => (window as unknown as { firstPaint?: number }).firstPaint);
}

/**
 * (b0) Two pages beside the course's, for the floor under (b) on the machine at hand: one paragraph with no style
 * or script (what the browser alone takes to show a page), and `exercise` with its article emptied (its head's
 * styles, fonts and scripts, its top bar and sidebar: what the site's shell takes). Written into the build's folder
 * (a temporary copy), next to the page so that its relative links hold. Returns their paths.
 */
function floorPages(outDir: string, exercise: string): { blank: string; shell: string } {
  const blank = `${COURSE}bench-floor-blank.html`;
  const shell = `${COURSE}bench-floor-shell.html`;
  writeFileSync(
    join(outDir, blank),
    '<!doctype html>\n<html lang="en"><title>Floor</title><p>One paragraph.</p></html>\n',
  );
  const html = readFileSync(join(outDir, exercise), 'utf8');
  const emptied = html.replace(
    /(<main\b[^>]*>)[\s\S]*(<\/main>)/,
    '$1<article class="prose"><p>One paragraph.</p></article>$2',
  );
  if (emptied === html) throw new Error(`${exercise} has no <main> element to empty for the shell's floor`);
  writeFileSync(join(outDir, shell), emptied);
  return { blank, shell };
}

interface TracedLoad {
  main: MainThreadSummary;
  /** The page's own User Timing measures, in the order they ended: name, start and duration (ms). */
  measures: Array<{ name: string; start: number; duration: number }>;
}

/**
 * (d) One load traced by Chromium, from navigation to the first chart painted, then left to finish its learner runs
 * so that the page's own measures of them are there too.
 */
async function tracedLoad(browser: Browser, url: string, path: string, rate: number): Promise<TracedLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(FIRST_CHART_PROBE);
  const page = await context.newPage();
  await throttle(page, rate);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(`${url}${path}`);
  const marked = await page.waitForFunction(
    () => {
      const probe = window as unknown as { firstChart?: number; firstPaint?: number };
      return probe.firstChart !== undefined && probe.firstPaint !== undefined && [probe.firstChart, probe.firstPaint];
    },
    undefined,
    { timeout: 15_000 },
  );
  const [markedAt, firstPaint] = (await marked.jsonValue()) as [number, number];
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.waitForSelector(PAGE_READY, { timeout: 30_000 });
  const measures = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .map(({ name, startTime, duration }) => ({ name, start: startTime, duration }))
      .sort((a, b) => a.start + a.duration - (b.start + b.duration)),
  );
  await context.close();
  return {
    main: mainThreadSummary(trace.traceEvents, FIRST_CHART_MARK, markedAt, Math.max(markedAt, firstPaint)),
    measures,
  };
}

/** Every page of the course with a chart on it, from the built site: exercise pages, the playground, the others. */
function chartPages(outDir: string): string[] {
  return readdirSync(join(outDir, COURSE))
    .filter((file) => file.endsWith('.html'))
    .filter((file) => /data-chart=|data-heatmap|data-playground/.test(readFileSync(join(outDir, COURSE, file), 'utf8')))
    .sort()
    .map((file) => `${COURSE}${file}`);
}

/** (c) Every JavaScript file the page and its workers load, each gzipped (level 9) as a server would send it. */
async function gzippedScripts(
  browser: Browser,
  url: string,
  outDir: string,
  path: string,
  ready: string,
): Promise<{ files: number; raw: number; gzip: number }> {
  const page = await browser.newPage();
  const paths = new Set<string>();
  // Every .js URL the page or its workers requested; sizes come from the built files (a worker's response body
  // may be gone by the time it is asked for).
  const record = (request: import('playwright-core').Request): void => {
    const pathname = new URL(request.url()).pathname;
    if (pathname.endsWith('.js')) paths.add(pathname);
  };
  page.context().on('request', record);
  await page.goto(`${url}${path}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForTimeout(300);
  page.context().off('request', record);
  await page.close();
  const files = [...paths].map((pathname) => readFileSync(join(outDir, decodeURIComponent(pathname))));
  return {
    files: files.length,
    raw: files.reduce((s, b) => s + b.length, 0) / 1024,
    gzip: files.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) / 1024,
  };
}

const site = await buildSolvedKit('optimizers');
const server = await serveSite(site.outDir);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const pages = chartPages(site.outDir);
  /** A page's kind, as the site's layout marks its main element (`page--exercise`, `page--playground`, …). */
  const kinds = new Map(
    pages.map((path) => [path, /class="page page--([\w-]+)"/.exec(readFileSync(join(site.outDir, path), 'utf8'))?.[1]]),
  );
  // The goal is about the pages a learner works on: the exercises and the playground.
  const hasGoal = (path: string): boolean => ['exercise', 'playground'].includes(kinds.get(path) ?? '');
  const shellOf = pages.find((path) => kinds.get(path) === 'exercise')!;
  const floor = floorPages(site.outDir, shellOf);
  const runs: Array<{
    rate: number;
    latency: Latency[];
    drag: number[];
    first: Map<string, FirstChart[]>;
    floor: { blank: number[]; shell: number[] };
    traced: Map<string, TracedLoad>;
  }> = [];
  for (const rate of RATES) {
    const first = new Map<string, FirstChart[]>();
    const traced = new Map<string, TracedLoad>();
    for (const path of pages) first.set(path, await firstChart(browser, server.url, path, rate));
    const blank = await firstPaint(browser, server.url, floor.blank, rate);
    const shell = await firstPaint(browser, server.url, floor.shell, rate);
    for (const path of pages) traced.set(path, await tracedLoad(browser, server.url, path, rate));
    const latency = await playgroundLatency(browser, server.url, rate);
    runs.push({
      rate,
      latency,
      drag: await dragGaps(browser, server.url, rate),
      first,
      floor: { blank, shell },
      traced,
    });
  }
  const sizes = [
    ...pages.map((path) => [path, PAGE_READY] as const),
    // mathjs loads only once a formula is chosen: reported, though the goal is about the pages as they open.
    [`${COURSE}playground.html?f=formula`, '[data-playground][data-state="ready"]'],
  ] as const;

  const verdict = (value: number, goal: number): string => (value <= goal ? 'met' : 'NOT met');
  const cells = (values: number[]) =>
    `${median(values).toFixed(1).padStart(8)} ${quantile(values, 0.95).toFixed(1).padStart(8)}`;
  console.log('course site in headless Chromium (solutions-as-exercises build, localhost)\n');
  console.log(
    `${'measure'.padEnd(66)} ${RATES.map((r) => `${`${r}× median`.padStart(8)} ${`${r}× p95`.padStart(8)}`).join(' ')}  goal (at ${RATES.at(-1)}×)`,
  );
  /** One row: median and p95 at each slowdown, and the goal judged on the slowest. */
  const row = (name: string, pick: (run: (typeof runs)[number]) => number[], goal = ''): void => {
    console.log(`${name.padEnd(66)} ${runs.map((run) => cells(pick(run))).join(' ')}  ${goal}`);
  };
  const slowest = runs.at(-1)!;
  const inputs = slowest.latency.map((s) => s.chart);
  row(
    `(a) playground input → chart redrawn, ms (${slowest.latency.length} inputs, 4 × ${PLAYGROUND_STEPS} steps)`,
    (run) => run.latency.map((s) => s.chart),
    `p95 ≤ ${GOALS.inputMs} ms: ${verdict(quantile(inputs, 0.95), GOALS.inputMs)}`,
  );
  for (const part of Object.keys(slowest.latency[0]!.parts))
    row(`      ${part}, ms`, (run) => run.latency.map((s) => s.parts[part]!));
  row('    input → first frame after it painted (waits for the frame), ms', (run) => run.latency.map((s) => s.painted));
  for (const run of runs)
    console.log(
      `    at ${run.rate}×, that first frame showed the new chart: ${run.latency.filter((s) => s.inFirstFrame).length} of ${run.latency.length} inputs`,
    );
  row('    input → loss chart, 3-D view and summary too (a frame later), ms', (run) => run.latency.map((s) => s.all));
  row(
    `(a') slider dragged ${DRAG_MS / 1000} s without pause: ms between chart redraws`,
    (run) => run.drag,
    `(one frame is ${FRAME_MS} ms; no goal)`,
  );
  for (const run of runs)
    console.log(`    at ${run.rate}×: ${run.drag.length + 1} redraws of the trajectory chart in ${DRAG_MS / 1000} s`);
  // The floor under (b): what this browser and machine take before any page of the course can show its chart.
  row(
    '(b0) first contentful paint, one paragraph, no style or script, ms',
    (run) => run.floor.blank,
    '(the floor under (b); no goal)',
  );
  row(
    `(b0) first contentful paint, ${shellOf.slice(COURSE.length)} emptied to its shell, ms`,
    (run) => run.floor.shell,
    '(the floor under (b); no goal)',
  );
  for (const path of pages) {
    const times = slowest.first.get(path)!.map((load) => load.first);
    row(
      `(b) first chart, ${path.slice(COURSE.length)}, ms (${times.length} loads)`,
      (run) => run.first.get(path)!.map((load) => load.first),
      hasGoal(path)
        ? `median ≤ ${GOALS.firstChartMs} ms: ${verdict(median(times), GOALS.firstChartMs)}`
        : '(not an exercise page; no goal)',
    );
    row('      live chart painted, ms', (run) => run.first.get(path)!.map((load) => load.live));
    row('      first contentful paint, ms', (run) => run.first.get(path)!.map((load) => load.paint));
  }
  for (const [path, ready] of sizes) {
    const size = await gzippedScripts(browser, server.url, site.outDir, path, ready);
    console.log(
      `${`(c) gzip JS, ${path.slice(COURSE.length)} (${size.files} files, ${size.raw.toFixed(0)} KB raw), KB`.padEnd(66)} ${size.gzip.toFixed(1).padStart(8)} ${''.padStart(8)} ${''.padStart(8)}  ${path.includes('?') ? '(after choosing a formula; no goal)' : `≤ ${GOALS.gzipKB} KB: ${verdict(size.gzip, GOALS.gzipKB)}`}`,
    );
  }

  // (d): one traced load per page and slowdown; the main thread's time to the first chart, by activity.
  const columns = ['window', ...ACTIVITIES, 'idle'];
  console.log(
    `\n(d) navigation → first chart, one traced load per page: the main thread's time by activity (Chromium trace), ms`,
  );
  console.log(`${'page'.padEnd(30)} ${'rate'.padStart(4)} ${columns.map((c) => c.padStart(14)).join('')}`);
  for (const path of pages)
    for (const run of runs) {
      const { main } = run.traced.get(path)!;
      const values = [main.window, ...ACTIVITIES.map((activity) => main.busy[activity]), main.idle];
      console.log(
        `${path.slice(COURSE.length).padEnd(30)} ${`${run.rate}×`.padStart(4)} ${values.map((v) => v.toFixed(0).padStart(14)).join('')}`,
      );
    }
  console.log(`\n    the pages' own measures in the same loads (ms: duration @ start; * after the first chart):`);
  for (const path of pages)
    for (const run of runs) {
      const { main, measures } = run.traced.get(path)!;
      const listed = measures.map(
        (m) =>
          `${m.name} ${m.duration.toFixed(0)} @ ${m.start.toFixed(0)}${m.start + m.duration > main.window ? '*' : ''}`,
      );
      console.log(`    ${path.slice(COURSE.length)} at ${run.rate}×: ${listed.join(' · ') || '(none)'}`);
    }
} finally {
  await browser.close();
  server.close();
  rmSync(site.kit, { recursive: true, force: true });
}
