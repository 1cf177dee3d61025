// The backprop course's widgets in headless Chromium, on three builds of the site: the kit as it is (the learner's
// files are the stubs), a copy whose learner files are the solutions, and a copy with a buggy engine (mul's local
// backward assigns instead of adding), a tanh that throws and a trainingStep that never returns (the backprop
// mistakes in tests/site-builds.ts). The expected numbers are PyTorch's, from the grader's fixtures.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, type ExpressionCase } from '../grader/backprop/fixtures.js';
import { close, EXPRESSION, NETWORK } from '../grader/backprop/tolerance.js';
import { GRAPHS } from '../courses/backprop/site/shared/graph-catalog.js';
import { PagePool } from './page-pool.js';
import { sharedSite } from './site-builds.js';
import { serveSite } from './static-site-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const COURSE = 'backprop';
const GRAPH_PAGES = ['index', 'value', 'backward', 'nonlinearities'];
/** Every page's scripts, workers included, gzipped. */
const PAGE_SCRIPT_BUDGET = 150 * 1024;

interface Visit {
  page: Page;
  problems: string[];
  /** Gzipped bytes of every script the page loaded, its workers' included. */
  scriptBytes: number;
}

interface Served {
  url: string;
  dir: string;
}

/** Opens a course page, recording console errors (page and workers), failed requests and the scripts' weight. */
async function visit(site: Served, name: string): Promise<Visit> {
  const page = await pages.open({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const scripts = new Set<string>();
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
    else if (new URL(response.url()).pathname.endsWith('.js')) scripts.add(new URL(response.url()).pathname);
  });
  const response = await page.goto(`${site.url}${COURSE}/${name}.html`);
  expect(response?.status()).toBe(200);
  // Every widget settles, whatever the learner's code does: ready means it has shown what it will show.
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll<HTMLElement>('figure[data-graph], figure[data-network]')];
      return widgets.length > 0 && widgets.every((figure) => figure.dataset.state === 'ready');
    },
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() => document.fonts.ready);
  // The sticky top bar would cover the upper part of a widget's screenshot.
  await page.addStyleTag({ content: '.topbar { position: static !important; }' });
  // Worker scripts' bodies are not available to the page's listeners: their weight is read from the built files.
  const sizes = [...scripts].map((path) => gzipSync(readFileSync(join(site.dir, path.slice(1)))).length);
  return { page, problems, scriptBytes: sizes.reduce((a, b) => a + b, 0) };
}

interface DrawnNode {
  key: string;
  name: string;
  verdict: string;
  data: number;
  grad: number;
  /** The words in the box, so a mark is more than a colour. */
  text: string;
  outline: string;
}

function drawnNodes(page: Page, graph: string): Promise<DrawnNode[]> {
  return page.evaluate((id) => {
    const figure = document.querySelector(`figure[data-graph="${id}"]`)!;
    return [...figure.querySelectorAll<SVGGElement>('g.graph-node')].map((g) => ({
      key: g.dataset.node!,
      name: g.dataset.name!,
      verdict: g.dataset.verdict!,
      data: Number(g.dataset.data),
      grad: Number(g.dataset.grad),
      text: g.textContent ?? '',
      outline: getComputedStyle(g.querySelector('rect')!).stroke,
    }));
  }, graph);
}

const statusOf = (page: Page, figure: string): Promise<string> => page.locator(`${figure} [role="status"]`).innerText();

/** PyTorch's data and grad of each named value of a case: its leaves' and its steps'. */
function pytorch(c: ExpressionCase): Map<string, { data: number; grad: number }> {
  const named = new Map<string, { data: number; grad: number }>();
  for (const [name, x] of Object.entries(c.leaves)) named.set(name, { data: x, grad: c.expected.grads[name]! });
  for (const [name] of c.steps) named.set(name, { data: c.expected.values[name]!, grad: c.expected.stepGrads[name]! });
  return named;
}

function caseOf(graphId: string): ExpressionCase {
  const graph = GRAPHS.find((g) => g.id === graphId)!;
  return fixtures[graph.fixture.exercise].find((c) => c.name === graph.fixture.name)!;
}

const graphsOn = (name: string) => GRAPHS.filter((graph) => graph.page === name);

/** Each named value of the drawing carries PyTorch's numbers. */
function expectPyTorchNumbers(nodes: DrawnNode[], graphId: string): void {
  const expected = pytorch(caseOf(graphId));
  for (const [name, { data, grad }] of expected) {
    const node = nodes.find((n) => n.name === name);
    expect(node, `value ${name} of ${graphId} is drawn`).toBeDefined();
    expect(close(node!.data, data, EXPRESSION), `${graphId}: ${name}.data ${node!.data} vs PyTorch ${data}`).toBe(true);
    expect(close(node!.grad, grad, EXPRESSION), `${graphId}: ${name}.grad ${node!.grad} vs PyTorch ${grad}`).toBe(true);
  }
}

/** The colour class under each training point of a boundary map: +1 where orange dominates, −1 where blue does. */
function classesUnderPoints(page: Page, map: 'learner' | 'reference'): Promise<number[]> {
  return page.evaluate(
    ({ map, points }) => {
      const element = document.querySelector<HTMLElement>(`.boundary-map[data-map="${map}"]`)!;
      const canvas = element.querySelector<HTMLCanvasElement>('.boundary-map__field')!;
      const { xMin, xMax, yMin, yMax } = element.dataset;
      const context = canvas.getContext('2d')!;
      return points.map(([x, y]) => {
        const px = Math.round(((x! - Number(xMin)) / (Number(xMax) - Number(xMin))) * canvas.width);
        const py = Math.round(((Number(yMax) - y!) / (Number(yMax) - Number(yMin))) * canvas.height);
        const [r, , b, a] = context.getImageData(px, py, 1, 1).data;
        return a === 0 ? 0 : r! > b! ? 1 : -1;
      });
    },
    { map, points: fixtures.mlp.train.points },
  );
}

const share = (classes: number[]): number =>
  classes.filter((c, i) => c === fixtures.mlp.train.labels[i]).length / classes.length;

let browser: Browser;
let pages: PagePool;
const servers: Array<Awaited<ReturnType<typeof serveSite>>> = [];
const sites: Record<'stubs' | 'solved' | 'broken', Served> = {
  stubs: { url: '', dir: '' },
  solved: { url: '', dir: '' },
  broken: { url: '', dir: '' },
};

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const [stubs, solved, broken, launched] = await Promise.all([
    sharedSite('student'),
    sharedSite('solved'),
    sharedSite('faulty'),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  ]);
  browser = launched;
  pages = new PagePool(browser);
  for (const [which, dir] of [
    ['stubs', stubs.outDir],
    ['solved', solved.outDir],
    ['broken', broken.outDir],
  ] as const) {
    const server = await serveSite(dir);
    servers.push(server);
    sites[which] = { url: server.url, dir };
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

describe('backprop pages with the stubs (nothing written yet)', () => {
  it.each(GRAPH_PAGES)('%s shows the reference graph with PyTorch’s numbers and says what to write', async (name) => {
    const { page, problems, scriptBytes } = await visit(sites.stubs, name);
    try {
      for (const graph of graphsOn(name)) {
        const figure = `figure[data-graph="${graph.id}"]`;
        expect(await page.getAttribute(figure, 'data-source')).toBe('reference');
        // The engine's first operation is a mul in every graph, so every one names Value.mul.
        expect(await statusOf(page, figure)).toContain('not implemented yet: write Value.mul()');
        const nodes = await drawnNodes(page, graph.id);
        expect(nodes.every((node) => node.verdict === 'reference')).toBe(true);
        expectPyTorchNumbers(nodes, graph.id);
        await page.locator(figure).screenshot({ path: join(SCREENSHOTS, `backprop-${name}-stub.png`) });
      }
      expect(problems).toEqual([]);
      expect(scriptBytes).toBeGreaterThan(0);
      expect(scriptBytes).toBeLessThanOrEqual(PAGE_SCRIPT_BUDGET);
    } finally {
      await pages.release(page);
    }
  });

  it('mlp shows the reference run and boundary and says what to write', async () => {
    const { page, problems, scriptBytes } = await visit(sites.stubs, 'mlp');
    try {
      expect(await page.getAttribute('figure[data-network]', 'data-source')).toBe('reference');
      expect(await statusOf(page, 'figure[data-network]')).toContain('not implemented yet: write the MLP constructor');
      // The caption puts the loss above the maps, as the page lays them out.
      expect(await page.locator('.network-panel__caption').textContent()).toMatch(/^Above: the loss .* Below: /);
      const loss = (await page.locator('.network-panel__loss').boundingBox())!;
      expect(loss.y + loss.height).toBeLessThanOrEqual((await page.locator('.network-panel__maps').boundingBox())!.y);
      // The reference network separates the moons, and the learner's map stays empty.
      expect(share(await classesUnderPoints(page, 'reference'))).toBeGreaterThanOrEqual(0.95);
      expect(new Set(await classesUnderPoints(page, 'learner'))).toEqual(new Set([0]));
      // The reference's first steps are PyTorch's, as the grader checks them.
      const referenceLosses = await page
        .locator('.loss-table tbody tr td:nth-child(2)')
        .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)));
      const pytorchLosses = fixtures.mlp.train.expected.history.map((h) => h.loss);
      pytorchLosses.forEach((loss, k) =>
        expect(close(referenceLosses[k]!, loss, NETWORK), `reference loss at step ${k}`).toBe(true),
      );
      await page.locator('figure[data-network]').screenshot({ path: join(SCREENSHOTS, 'backprop-mlp-stub.png') });
      expect(problems).toEqual([]);
      expect(scriptBytes).toBeLessThanOrEqual(PAGE_SCRIPT_BUDGET);
    } finally {
      await pages.release(page);
    }
  });
});

describe('backprop pages with the solutions as the learner’s code', () => {
  it.each(GRAPH_PAGES)(
    '%s draws the learner’s graph, every grad equal to the reference’s and PyTorch’s',
    async (name) => {
      const { page, problems } = await visit(sites.solved, name);
      try {
        for (const graph of graphsOn(name)) {
          const figure = `figure[data-graph="${graph.id}"]`;
          expect(await page.getAttribute(figure, 'data-source')).toBe('learner');
          const nodes = await drawnNodes(page, graph.id);
          expect(nodes.map((node) => [node.key, node.verdict])).toEqual(nodes.map((node) => [node.key, 'same']));
          expectPyTorchNumbers(nodes, graph.id);
          expect(await statusOf(page, figure)).toContain(`all ${nodes.length} values match the reference`);
          await page.locator(figure).screenshot({ path: join(SCREENSHOTS, `backprop-${name}-solved.png`) });
        }
        expect(problems).toEqual([]);
      } finally {
        await pages.release(page);
      }
    },
  );

  it('mlp trains the learner’s network step for step like PyTorch, and its boundary separates the moons', async () => {
    const { page, problems } = await visit(sites.solved, 'mlp');
    try {
      const figure = 'figure[data-network]';
      expect(await page.getAttribute(figure, 'data-source')).toBe('learner');
      expect(await statusOf(page, figure)).toContain('Your network trained for 100 steps');
      const learnerLosses = await page
        .locator('.loss-table tbody td[data-learner-loss]')
        .evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.learnerLoss)));
      expect(learnerLosses).toHaveLength(100);
      fixtures.mlp.train.expected.history.forEach((h, k) =>
        expect(close(learnerLosses[k]!, h.loss, NETWORK), `learner loss at step ${k}`).toBe(true),
      );
      expect(share(await classesUnderPoints(page, 'learner'))).toBeGreaterThanOrEqual(0.95);
      await page.locator(figure).screenshot({ path: join(SCREENSHOTS, 'backprop-mlp-solved.png') });
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });
});

describe('backprop pages with a buggy engine, a throwing tanh and an endless trainingStep', () => {
  it.each(['value', 'backward'])(
    '%s marks exactly the values whose grads differ from the reference, in colour and in words',
    async (name) => {
      const [{ page, problems }, reference] = await Promise.all([visit(sites.broken, name), visit(sites.stubs, name)]);
      try {
        for (const graph of graphsOn(name)) {
          const figure = `figure[data-graph="${graph.id}"]`;
          expect(await page.getAttribute(figure, 'data-source')).toBe('learner');
          const nodes = await drawnNodes(page, graph.id);
          // The reference page draws the reference's graph: the same values at the same keys, its own grads.
          const referenceGrads = new Map((await drawnNodes(reference.page, graph.id)).map((n) => [n.key, n.grad]));
          const expectedMarked = nodes
            .filter((node) => !close(node.grad, referenceGrads.get(node.key)!, EXPRESSION))
            .map((node) => node.key);
          const marked = nodes.filter((node) => node.verdict === 'grad-differs').map((node) => node.key);
          expect(marked.length).toBeGreaterThan(0);
          expect(marked).toEqual(expectedMarked);
          // Named values against PyTorch's grads, which the reference page was checked against above.
          const torch = pytorch(caseOf(graph.id));
          const wrongByTorch = nodes
            .filter((node) => node.name !== '' && !close(node.grad, torch.get(node.name)!.grad, EXPRESSION))
            .map((node) => node.key);
          expect(marked.filter((key) => nodes.find((n) => n.key === key)!.name !== '')).toEqual(wrongByTorch);
          for (const node of nodes) {
            const isMarked = marked.includes(node.key);
            expect(node.text.includes('≠ reference'), `${node.key} says it differs`).toBe(isMarked);
            expect(node.outline === 'rgb(185, 28, 28)', `${node.key} outlined in red`).toBe(isMarked);
          }
          if (graph.id === 'two-users') {
            // c = a·b, d = c + a, e = c·d. Backward runs e, d, c: e's mul sets c.grad = d and d.grad = c, d's add
            // adds d.grad into c and a, then c's mul *sets* a.grad = b·c.grad, wiping the share d gave a. Only a
            // is used by two operations whose contributions reach it through an assignment.
            expect(marked).toEqual(['a']);
          }
          expect(await statusOf(page, figure)).toContain(
            `${marked.length} of ${nodes.length} values differ from the reference`,
          );
          await page.locator(figure).screenshot({ path: join(SCREENSHOTS, `backprop-${name}-buggy.png`) });
        }
        expect(problems).toEqual([]);
      } finally {
        await Promise.all([pages.release(page), pages.release(reference.page)]);
      }
    },
  );

  it.each(['nonlinearities', 'index'])('%s shows the reference and what threw', async (name) => {
    const { page, problems } = await visit(sites.broken, name);
    try {
      for (const graph of graphsOn(name)) {
        const figure = `figure[data-graph="${graph.id}"]`;
        expect(await page.getAttribute(figure, 'data-source')).toBe('reference');
        expect(await statusOf(page, figure)).toContain('Your code threw in tanh(q): TypeError');
        expectPyTorchNumbers(await drawnNodes(page, graph.id), graph.id);
      }
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });

  it('mlp stops the endless trainingStep, keeps the reference and stays responsive', async () => {
    const { page, problems } = await visit(sites.broken, 'mlp');
    try {
      const figure = 'figure[data-network]';
      expect(await page.getAttribute(figure, 'data-source')).toBe('reference');
      const status = await statusOf(page, figure);
      expect(status).toContain('trainingStep(model, points, labels, 0)');
      expect(status).toContain('is there a loop that never ends?');
      expect(share(await classesUnderPoints(page, 'reference'))).toBeGreaterThanOrEqual(0.95);
      const started = Date.now();
      await page.evaluate(() => document.title);
      expect(Date.now() - started).toBeLessThan(1000);
      await page.locator(figure).screenshot({ path: join(SCREENSHOTS, 'backprop-mlp-endless.png') });
      expect(problems).toEqual([]);
    } finally {
      await pages.release(page);
    }
  });
});
