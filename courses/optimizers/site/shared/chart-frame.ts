// The trajectory chart's frame, shared by the live Chart.js chart (client/trajectory-chart.ts) and the static picture
// of it written into the page at build time (../static-chart.ts): fonts, colours and a layout fixed in pixels, so the
// plot area, ticks and legend land where the live chart puts them whatever fonts the learner's machine has.
import type { SiteObjective } from './objectives.js';
import { tickLabel } from './tick-label.js';

/** The page's own system font stack, rather than Chart.js's Helvetica default. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
export const INK = '#0f172a';
export const TICK_COLOR = '#475569';
export const GRID_COLOR = 'rgba(15, 23, 42, 0.07)';
/** Chart.js's default colour for an axis's border line. */
export const BORDER_COLOR = 'rgba(0, 0, 0, 0.1)';
export const CONTOUR_LINE_COLOR = 'rgba(51, 65, 85, 0.22)';

/**
 * Room above and right of the plot, in CSS pixels: what Chart.js's automatic padding gives the largest marker (the
 * minimum's star, radius 11 and its border), fixed so the plot's edges never depend on which markers are shown.
 */
export const PADDING = { top: 14.5, right: 14.5 } as const;
/** Chart.js's defaults for a linear axis: tick marks outside the plot and the gap to their labels. */
export const TICK_LENGTH = 8;
export const TICK_PADDING = 3;
/** Sizes of the site's type scale (its --size-xs), so the page's picture of a chart shares the text's fonts. */
export const TICK_FONT_SIZE = 12;
export const TITLE_FONT_SIZE = 12;
/** Chart.js's line height (1.2 em) and its title padding (4 px above and below). */
const lineHeight = (size: number): number => size * 1.2;
export const TITLE_OFFSET = lineHeight(TITLE_FONT_SIZE) / 2 + 4;
/** The x axis under the plot: tick marks, labels, title. */
export const X_AXIS_HEIGHT = Math.ceil(TICK_LENGTH + TICK_PADDING + lineHeight(TICK_FONT_SIZE) + 2 * TITLE_OFFSET);
/** Where an x tick label's middle lies under the plot. */
export const X_LABEL_OFFSET = TICK_LENGTH + TICK_PADDING + lineHeight(TICK_FONT_SIZE) / 2;

export const LEGEND = { fontSize: TICK_FONT_SIZE, padding: 14, swatchWidth: 28, swatchHeight: 22 } as const;
/** Chart.js's legend under the chart: rows of items a font size high, 14 px apart and around, plus 10 px. */
export const legendHeight = (rows: number): number => rows * (LEGEND.fontSize + LEGEND.padding) + 10;

/** The axis's ticks, as Chart.js makes them from min, max and a step (rounded to the step's decimals). */
export function axisTicks([min, max]: readonly [number, number], step: number): number[] {
  const factor = 10 ** Math.max(0, -Math.floor(Math.log10(step)) + 3);
  const count = Math.round((max - min) / step);
  return Array.from({ length: count + 1 }, (_, k) => Math.round((min + k * step) * factor) / factor);
}

/** Both axes step their ticks by the x range's eighth (the built-in regions are square). */
export const tickStep = (objective: Pick<SiteObjective, 'x'>): number => (objective.x[1] - objective.x[0]) / 8;

/** The ticks' labels as the chart writes them. */
export function tickLabels(range: readonly [number, number], step: number): { value: number; label: string }[] {
  const ticks = axisTicks(range, step).map((value) => ({ value }));
  return ticks.map(({ value }, index) => ({ value, label: tickLabel(value, index, ticks) }));
}

/**
 * The y axis's width: its title, its widest label (allowing 6.5 px a character, what a usual sans-serif
 * takes at 12 px) and the tick marks. Fixed from the labels' text, not measured, so both charts agree.
 */
export function yAxisWidth(objective: Pick<SiteObjective, 'x' | 'y'>): number {
  const widest = Math.max(...tickLabels(objective.y, tickStep(objective)).map(({ label }) => label.length));
  return Math.ceil(2 * TITLE_OFFSET + widest * 6.5 + TICK_PADDING + TICK_LENGTH);
}

/** Typographic minus signs in labels, as in the text of the pages. */
const formatNumber = (value: number): string => String(value).replace('-', '−');
const formatCoordinate = (value: number): string => formatNumber(Number(value.toFixed(3)));

/** The legend's names of the start and minimum markers. */
export const startLabel = ([x, y]: readonly [number, number]): string =>
  `Start (${formatCoordinate(x)}, ${formatCoordinate(y)})`;
export const minimumLabel = (minima: readonly (readonly [number, number])[]): string =>
  minima.length === 1
    ? `Minimum (${formatCoordinate(minima[0]![0])}, ${formatCoordinate(minima[0]![1])})`
    : `Minima (${minima.length})`;
