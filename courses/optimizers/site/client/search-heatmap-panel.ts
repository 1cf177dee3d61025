// The hyperparameter-search page's chart: steps-to-converge of the reference Momentum over learning rate (log) ×
// momentum as a heatmap, precomputed in Node, with the learner's own grid and random searches drawn on top.
import {
  Chart,
  Legend,
  LogarithmicScale,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
  type Plugin,
  type Scale,
  type TooltipItem,
} from 'chart.js';
import heatmap from 'virtual:search-heatmap';
import { SEARCH } from '../../manifest.js';
import {
  colorKeyHtml,
  colorScale,
  edges,
  HEATMAP_FRAME,
  HEATMAP_TICKS,
  INK,
  xTickLabel,
  yTickLabel,
  type ColorScale,
  type SearchHeatmap,
} from '../shared/search-heatmap.js';
import { WORKER_READY } from './learner-protocol.js';
import { measured, measuredSince } from './measured.js';
import type { SearchOutcome, SearchOutcomes, SearchTrial } from './search-protocol.js';

Chart.register(ScatterController, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

export const GRID_COLOR = '#ffffff';
export const RANDOM_COLOR = '#f472b6';
export const BEST_COLOR = '#f97316';

const RUN_LIMIT_MS = 4000;
const LOAD_LIMIT_MS = 15000;

function heatmapPlugin(data: SearchHeatmap, scale: ColorScale): Plugin<'scatter'> {
  const xEdges = edges(data.learningRates, true);
  const yEdges = edges(data.momenta, false);
  return {
    id: 'searchHeatmap',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
      ctx.clip();
      data.steps.forEach((column, i) => {
        const x0 = Math.floor(scales.x.getPixelForValue(xEdges[i]));
        const x1 = Math.ceil(scales.x.getPixelForValue(xEdges[i + 1]));
        column.forEach((steps, j) => {
          const y0 = Math.ceil(scales.y.getPixelForValue(yEdges[j]));
          const y1 = Math.floor(scales.y.getPixelForValue(yEdges[j + 1]));
          ctx.fillStyle = scale.color(steps);
          ctx.fillRect(x0, y1, x1 - x0, y0 - y1);
        });
      });
      ctx.restore();
    },
  };
}

/** The cell of the background under a point, for the hover readout. */
function cellAt(data: SearchHeatmap, learningRate: number, momentum: number): { i: number; j: number } | null {
  const xEdges = edges(data.learningRates, true);
  const yEdges = edges(data.momenta, false);
  const i = xEdges.findIndex(
    (edge, k) => k < xEdges.length - 1 && learningRate >= edge && learningRate < xEdges[k + 1],
  );
  const j = yEdges.findIndex((edge, k) => k < yEdges.length - 1 && momentum >= edge && momentum < yEdges[k + 1]);
  return i < 0 || j < 0 ? null : { i, j };
}

const stepsText = (steps: number | null): string =>
  steps === null || !Number.isFinite(steps)
    ? `never within ${SEARCH.maxSteps.toLocaleString('en')} steps`
    : `${steps.toLocaleString('en')} steps`;
const rateText = (value: number): string => value.toPrecision(3);
const momentumText = (value: number): string => value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');

type Marker = { x: number; y: number; steps: number };
type MarkerDataset = ChartDataset<'scatter', Marker[]>;

function trialsDataset(label: string, trials: SearchTrial[], style: 'rect' | 'triangle', fill: string): MarkerDataset {
  return {
    label,
    data: trials.map((trial) => ({ x: trial.learningRate, y: trial.momentum, steps: trial.steps })),
    pointStyle: style,
    pointRadius: style === 'rect' ? 5 : 6,
    pointHoverRadius: 8,
    backgroundColor: fill,
    borderColor: INK,
    borderWidth: 1.5,
    order: 1,
  };
}

function bestDataset(label: string, best: SearchTrial, style: 'rect' | 'triangle'): MarkerDataset {
  return {
    label,
    data: [{ x: best.learningRate, y: best.momentum, steps: best.steps }],
    pointStyle: style,
    pointRadius: 10,
    pointHoverRadius: 11,
    backgroundColor: BEST_COLOR,
    borderColor: INK,
    borderWidth: 2.5,
    order: 0,
  };
}

/** The colour key under the chart; the page's HTML has it already where it was built with the heatmap's data. */
function colorLegend(host: HTMLElement, scale: ColorScale): void {
  const html = colorKeyHtml(scale);
  if (host.innerHTML !== html) host.innerHTML = html;
}

/** The background as a table, for keyboard and screen-reader users. */
function valuesTable(host: HTMLElement, data: SearchHeatmap): void {
  const table = document.createElement('table');
  table.className = 'search-table';
  const caption = Object.assign(document.createElement('caption'), {
    textContent:
      'Steps of the reference Momentum; rows: momentum μ, columns: learning rate α (— never within 3,000 steps)',
  });
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: 'μ \\ α', scope: 'col' }));
  for (const rate of data.learningRates)
    head.append(Object.assign(document.createElement('th'), { textContent: rateText(rate), scope: 'col' }));
  const body = document.createElement('tbody');
  [...data.momenta.keys()].reverse().forEach((j) => {
    const row = document.createElement('tr');
    row.append(
      Object.assign(document.createElement('th'), { textContent: momentumText(data.momenta[j]), scope: 'row' }),
    );
    data.learningRates.forEach((_, i) =>
      row.append(Object.assign(document.createElement('td'), { textContent: data.steps[i][j]?.toString() ?? '—' })),
    );
    body.append(row);
  });
  table.append(caption, Object.assign(document.createElement('thead'), {}), body);
  table.tHead!.append(head);
  host.append(table);
}

function runSearches(): Promise<SearchOutcomes> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      type: 'module',
      name: 'learner-search',
    });
    const both = (outcome: SearchOutcome): SearchOutcomes => ({ grid: outcome, random: outcome });
    let timer = setTimeout(
      () => finish(both({ status: 'failed', message: `your code did not load within ${LOAD_LIMIT_MS / 1000} s` })),
      LOAD_LIMIT_MS,
    );
    const finish = (outcomes: SearchOutcomes): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcomes);
    };
    worker.addEventListener('message', (event: MessageEvent<SearchOutcomes | typeof WORKER_READY>) => {
      if (event.data !== WORKER_READY) return finish(event.data);
      clearTimeout(timer);
      timer = setTimeout(() => finish(both({ status: 'timed-out', afterMs: RUN_LIMIT_MS })), RUN_LIMIT_MS);
      worker.postMessage('run');
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(
        both({ status: 'failed', message: event.message || 'your code could not be loaded (see the browser console)' }),
      );
    });
  });
}

function describe(outcome: SearchOutcome): { tone: string; badge: string; detail: string } {
  switch (outcome.status) {
    case 'not-implemented':
      return {
        tone: 'todo',
        badge: 'not implemented yet',
        detail: `${outcome.message.replace(/^not implemented yet:\s*/, '')} in exercises/optimizers/hyperparameter-search.ts`,
      };
    case 'failed':
      return { tone: 'error', badge: 'error', detail: outcome.message };
    case 'timed-out':
      return {
        tone: 'error',
        badge: 'timed out',
        detail: `stopped after ${outcome.afterMs / 1000} s: an endless loop?`,
      };
    case 'ran': {
      const reached = outcome.trials.filter((trial) => Number.isFinite(trial.steps)).length;
      const best = outcome.best
        ? `best: α = ${rateText(outcome.best.learningRate)}, μ = ${momentumText(outcome.best.momentum)}, ${stepsText(outcome.best.steps)}`
        : `bestTrial(): ${outcome.bestMessage ?? 'no trial'}`;
      return {
        tone: outcome.best ? 'ok' : 'todo',
        badge: `${outcome.trials.length} trials`,
        detail: `${reached} reached the target; ${best}`,
      };
    }
  }
}

function statusItem(list: HTMLElement, label: string, swatch: string, outcome: SearchOutcome): void {
  const { tone, badge, detail } = describe(outcome);
  const item = Object.assign(document.createElement('li'), { className: `run-status__item run-status__item--${tone}` });
  item.style.setProperty('--swatch', swatch);
  item.append(
    Object.assign(document.createElement('span'), { className: 'run-status__name', textContent: label }),
    Object.assign(document.createElement('span'), { className: 'run-status__badge', textContent: badge }),
    Object.assign(document.createElement('span'), { className: 'run-status__detail', textContent: detail }),
  );
  list.append(item);
}

/** Each axis's size is fixed (shared/search-heatmap.ts), not measured from its labels; their overhang is in the padding. */
function fixedFrame(scale: Scale): void {
  if (scale.axis === 'x') scale.height = HEATMAP_FRAME.xAxisHeight;
  else scale.width = HEATMAP_FRAME.yAxisWidth;
  [scale.paddingLeft, scale.paddingRight, scale.paddingTop, scale.paddingBottom] = [0, 0, 0, 0];
}

/** Where the plot lies in the canvas (CSS px), for the tests that compare it with the page's static picture. */
const plotAreaPlugin: Plugin<'scatter'> = {
  id: 'plotArea',
  afterLayout: ({ canvas, chartArea: { left, top, right, bottom } }) => {
    canvas.dataset.plotArea = [left, top, right, bottom].map((v) => Math.round(v * 100) / 100).join(' ');
  },
};

function createChart(
  canvas: HTMLCanvasElement,
  scale: ColorScale,
  xEdges: number[],
  yEdges: number[],
  readout: HTMLElement | null,
): Chart<'scatter', Marker[]> {
  return new Chart<'scatter', Marker[]>(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    plugins: [heatmapPlugin(heatmap, scale), plotAreaPlugin],
    options: {
      animation: false,
      maintainAspectRatio: true,
      aspectRatio: HEATMAP_FRAME.aspectRatio,
      // With the axes' sizes fixed (fixedFrame), the plot lies where the page's static picture of the chart has it.
      layout: { padding: { ...HEATMAP_FRAME.padding } },
      scales: {
        x: {
          type: 'logarithmic',
          min: xEdges[0] ?? SEARCH.learningRates[0],
          max: xEdges.at(-1) ?? SEARCH.learningRates[1],
          title: { display: true, text: 'learning rate α (log scale)', color: INK },
          afterBuildTicks: (axis) => {
            axis.ticks = HEATMAP_TICKS.x.filter((v) => v >= axis.min && v <= axis.max).map((value) => ({ value }));
          },
          afterFit: fixedFrame,
          ticks: { color: INK, callback: (value) => xTickLabel(Number(value)) },
          grid: { display: false },
        },
        y: {
          min: yEdges[0] ?? SEARCH.momenta[0],
          max: yEdges.at(-1) ?? SEARCH.momenta[1],
          title: { display: true, text: 'momentum μ', color: INK },
          afterBuildTicks: (axis) => {
            axis.ticks = HEATMAP_TICKS.y.filter((v) => v >= axis.min && v <= axis.max).map((value) => ({ value }));
          },
          afterFit: fixedFrame,
          ticks: { color: INK, callback: (value) => yTickLabel(Number(value)) },
          grid: { display: false },
        },
      },
      plugins: {
        // Shown once the searches' markers are drawn; the first drawing, with the background alone, has none.
        legend: { display: false, position: 'bottom', labels: { usePointStyle: true, color: INK } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'scatter'>) => {
              const point = item.raw as Marker;
              return `${item.dataset.label}: α = ${rateText(point.x)}, μ = ${momentumText(point.y)}, ${stepsText(point.steps)}`;
            },
          },
        },
      },
      onHover: (_event, _elements, c) => {
        if (!readout || !_event.x || !_event.y) return;
        const rate = c.scales.x.getValueForPixel(_event.x);
        const momentum = c.scales.y.getValueForPixel(_event.y);
        const cell = rate === undefined || momentum === undefined ? null : cellAt(heatmap, rate, momentum);
        readout.textContent = cell
          ? `α ≈ ${rateText(heatmap.learningRates[cell.i])}, μ ≈ ${momentumText(heatmap.momenta[cell.j])}: the reference Momentum needs ${stepsText(heatmap.steps[cell.i][cell.j])}.`
          : 'Point at the map to read a cell.';
      },
    },
  });
}

export async function mountSearchHeatmap(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas');
  const list = figure.querySelector<HTMLElement>('.run-status');
  const legendHost = figure.querySelector<HTMLElement>('.search-legend');
  const readout = figure.querySelector<HTMLElement>('.search-readout');
  const tableHost = figure.querySelector<HTMLElement>('.search-values');
  if (!canvas || !list) return;
  const scale = colorScale(heatmap);
  const xEdges = edges(heatmap.learningRates, true);
  const yEdges = edges(heatmap.momenta, false);
  const chart = measured('heatmap set-up and first draw', () => createChart(canvas, scale, xEdges, yEdges, readout));
  // The live chart is drawn: it replaces the page's static picture of it in the same frame.
  figure.querySelectorAll('[data-static-chart]').forEach((picture) => picture.remove());
  if (legendHost) colorLegend(legendHost, scale);
  if (tableHost && heatmap.steps.length) measured('heatmap values table', () => valuesTable(tableHost, heatmap));

  const started = performance.now();
  const outcomes = await runSearches();
  measuredSince('learner searches (worker)', started);
  const datasets: MarkerDataset[] = [];
  const add = (outcome: SearchOutcome, name: string, style: 'rect' | 'triangle', fill: string): void => {
    if (outcome.status !== 'ran') return;
    datasets.push(trialsDataset(`Your ${name} (${outcome.trials.length} trials)`, outcome.trials, style, fill));
    if (outcome.best) datasets.push(bestDataset(`Best of your ${name}`, outcome.best, style));
  };
  add(outcomes.grid, 'grid search', 'rect', GRID_COLOR);
  add(outcomes.random, 'random search', 'triangle', RANDOM_COLOR);
  statusItem(list, 'Your grid search', INK, outcomes.grid);
  statusItem(list, `Your random search (seed ${SEARCH.seed})`, RANDOM_COLOR, outcomes.random);
  chart.data.datasets = datasets;
  chart.options.plugins!.legend!.display = datasets.length > 0;
  chart.update();
  figure.dataset.markers = String(datasets.reduce((sum, dataset) => sum + dataset.data.length, 0));
  figure.dataset.state = 'ready';
}
