// The hyperparameter-search page's heatmap: the region, its grid, its colours and frame, and the searches run on top.
// Shared by the Node side (which precomputes the background from the reference Momentum and writes a static picture
// of the chart into the page, ../static-heatmap.ts) and the browser (which draws it live and runs yours). The space,
// budget, seed and step limit are the manifest's SEARCH, as in the grader.
import { SEARCH } from '../../manifest.js';

/** Heatmap cells per axis. */
export const HEATMAP_SIZE = 24;

export interface SearchHeatmap {
  /** Cell centres along x, log-spaced. */
  learningRates: number[];
  /** Cell centres along y. */
  momenta: number[];
  /** steps[i][j]: steps at learningRates[i], momenta[j]; null when the run never came within reach in SEARCH.maxSteps. */
  steps: (number | null)[][];
}

/** mulberry32, the grader's own seeded generator: the page draws the same random trials the grader checks. */
export { seededRandom as mulberry32 } from '../../../../grader/optimizers/harness/seeded-random.js';

export const INK = '#0f172a';
/** Cells whose run never came within reach. */
export const NEVER_COLOR = '#d4d4d8';
/** Viridis, reversed so that few steps (good) are bright: from few steps to many. */
export const PALETTE = ['#fde725', '#90d743', '#35b779', '#21918c', '#31688e', '#443983', '#440154'];

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

/** Colour of t ∈ [0, 1] along the palette. */
function paletteColor(t: number): string {
  const scaled = Math.min(1, Math.max(0, t)) * (PALETTE.length - 1);
  const k = Math.min(PALETTE.length - 2, Math.floor(scaled));
  const [a, b] = [hexToRgb(PALETTE[k]!), hexToRgb(PALETTE[k + 1]!)];
  const f = scaled - k;
  return `rgb(${a.map((value, i) => Math.round(value + f * (b[i]! - value))).join(',')})`;
}

export interface ColorScale {
  min: number;
  max: number;
  color(steps: number | null): string;
}

/** The background's colours: steps on a log scale from the fewest any cell needs to the step limit. */
export function colorScale(data: SearchHeatmap): ColorScale {
  const finite = data.steps.flat().filter((value): value is number => value !== null);
  const min = finite.length ? Math.min(...finite) : 1;
  const max = SEARCH.maxSteps;
  const [l0, l1] = [Math.log(min), Math.log(max)];
  return {
    min,
    max,
    color: (steps) => (steps === null ? NEVER_COLOR : paletteColor(l1 === l0 ? 0 : (Math.log(steps) - l0) / (l1 - l0))),
  };
}

/** Cell edges around log-spaced (x) or linear (y) centres: midway between neighbours, half a step beyond the ends. */
export function edges(centres: readonly number[], log: boolean): number[] {
  const to = log ? Math.log10 : (v: number) => v;
  const from = log ? (v: number) => 10 ** v : (v: number) => v;
  const c = centres.map(to);
  if (c.length < 2) return c.length ? [from(c[0]!), from(c[0]!)] : [];
  return [
    c[0]! - (c[1]! - c[0]!) / 2,
    ...c.slice(1).map((v, k) => (v + c[k]!) / 2),
    c.at(-1)! + (c.at(-1)! - c.at(-2)!) / 2,
  ].map(from);
}

/**
 * The heatmap chart's frame, fixed in CSS pixels rather than measured from its labels, so that the static picture in
 * the page's HTML puts the plot where the live Chart.js chart draws it (first drawn without markers, so without a
 * legend): the canvas's aspect ratio, the room above and right of the plot, and the axes' sizes from Chart.js's
 * defaults (12 px text 1.2 em high, tick marks 8 px and labels 3 px beyond, titles 4 px above and below).
 */
export const HEATMAP_FRAME = (() => {
  const lineHeight = 12 * 1.2;
  const tick = 8 + 3;
  const titleOffset = lineHeight / 2 + 4;
  return {
    aspectRatio: 1.25,
    padding: { top: 12, right: 16 },
    fontSize: 12,
    /** From the plot's edge to the middle of an x label, and to the right end of a y label. */
    tick,
    xLabelOffset: tick + lineHeight / 2,
    /** From the axis box's outer edge to its title's middle. */
    titleOffset,
    xAxisHeight: Math.ceil(tick + lineHeight + 2 * titleOffset),
    /** Room for labels of up to 4 characters (6.5 px each at 12 px), as the y axis's longest, "0.98". */
    yAxisWidth: Math.ceil(2 * titleOffset + 4 * 6.5 + tick),
    xTitle: 'learning rate α (log scale)',
    yTitle: 'momentum μ',
  } as const;
})();

/** The axes' ticks: learning rates on the log axis, momenta on the linear one, where they fall within its range. */
export const HEATMAP_TICKS = {
  x: [0.001, 0.002, 0.003, 0.005, 0.007, 0.01],
  y: [0.5, 0.6, 0.7, 0.8, 0.9, 0.98],
} as const;
export const xTickLabel = (value: number): string => String(Number(Number(value).toPrecision(3)));
export const yTickLabel = (value: number): string => String(value);

/** The heatmap's colour key (the steps' scale and the colour of "never"), as HTML: under the chart, live or not. */
export function colorKeyHtml(scale: ColorScale): string {
  const stops = PALETTE.map((color, k) => `${color} ${((k / (PALETTE.length - 1)) * 100).toFixed(0)}%`).join(', ');
  const mid = Math.round(Math.sqrt(scale.min * scale.max));
  const ticks = [scale.min, mid, scale.max].map((value) => `<span>${value.toLocaleString('en')}</span>`).join('');
  return (
    `<div class="search-legend__scale"><span class="search-legend__title">Steps to within 0.01 of (1, 1), log scale</span>` +
    `<div class="search-legend__bar" style="background: linear-gradient(to right, ${stops});"></div>` +
    `<div class="search-legend__ticks">${ticks}</div></div>` +
    `<div class="search-legend__never"><span class="search-legend__swatch" style="background: ${NEVER_COLOR};"></span>` +
    `never within ${SEARCH.maxSteps.toLocaleString('en')} steps</div>`
  );
}
