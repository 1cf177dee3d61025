// A static picture of a trajectory chart, written into the page's HTML at build time (plain strings: no browser, no
// canvas): the same axes, ticks, contour map, reference runs, markers, legend and colour key the Chart.js chart
// will draw, laid over the canvas's place so the page shows a chart in its first paint. The page's script replaces
// it with the live chart (client/trajectory-panel.ts, client/playground.ts) once that chart is drawn. Positions are
// the live chart's fixed layout (shared/chart-frame.ts), in CSS pixels and percentages of the plot, so the picture
// matches at any width; only the legend's rows are estimated from its text.
import {
  BORDER_COLOR,
  CHART_FONT,
  CONTOUR_LINE_COLOR,
  GRID_COLOR,
  INK,
  LEGEND,
  legendHeight,
  minimumLabel,
  PADDING,
  startLabel,
  TICK_COLOR,
  TICK_FONT_SIZE,
  TICK_LENGTH,
  TICK_PADDING,
  tickLabels,
  tickStep,
  TITLE_FONT_SIZE,
  TITLE_OFFSET,
  X_AXIS_HEIGHT,
  X_LABEL_OFFSET,
  yAxisWidth,
} from './shared/chart-frame.js';
import { QUANTUM, type ContourMap } from './shared/contour-map.js';
import { contourKey, rampColor } from './shared/contour-ramp.js';
import type { Point } from './shared/demo-runs.js';
import type { SiteObjective } from './shared/objectives.js';

export interface StaticLine {
  label: string;
  color: string;
  points: readonly Point[];
}

export interface StaticChart {
  /** The region shown (a panel's view of the function). */
  objective: SiteObjective;
  /** Its contour map, traced at build time. */
  map: ContourMap;
  /** The reference runs, in the chart's order (the first drawn on top). */
  lines: readonly StaticLine[];
  start: Point;
  /** The canvas's usual width on a laptop, for the legend's rows (the rest of the layout fits any width). */
  width: number;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]!};`);
const round = (value: number, digits = 1): string => String(Number(value.toFixed(digits)));
const percent = (share: number): string => `${round(share * 100, 3)}%`;

/** Chart.js's reference-line and point widths (trajectory-chart.ts): a 2.75 px line, points of radius 2 with that border. */
const LINE_WIDTH = 2.75;
const DOT_DIAMETER = 2 * (2 + LINE_WIDTH / 2);

type Swatch = { kind: 'line'; color: string } | { kind: 'start' } | { kind: 'minimum' };

/** The legend's symbols, as legendSwatch() in client/trajectory-chart.ts draws them on a 28 × 22 canvas. */
function swatch(look: Swatch): string {
  const [w, h] = [LEGEND.swatchWidth, LEGEND.swatchHeight];
  const [cx, cy] = [w / 2, h / 2];
  let body: string;
  if (look.kind === 'line') body = `<path d="M2 ${cy}H${w - 2}" stroke="${look.color}" stroke-width="3"/>`;
  else if (look.kind === 'start')
    body = `<circle cx="${cx}" cy="${cy}" r="6" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`;
  else {
    const rays = [0, 1, 2, 3].map((ray) => {
      const [dx, dy] = [8 * Math.cos((ray * Math.PI) / 4), 8 * Math.sin((ray * Math.PI) / 4)];
      return `M${round(cx - dx, 2)} ${round(cy - dy, 2)}L${round(cx + dx, 2)} ${round(cy + dy, 2)}`;
    });
    body = `<path d="${rays.join('')}" stroke="#b91c1c" stroke-width="2.5"/>`;
  }
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" fill="none">${body}</svg>`;
}

/**
 * How many rows Chart.js's legend takes at `width`: its rule (a row ends when the next item and twice the padding
 * would pass the width), with each label's width estimated generously at 7.2 px a character (12 px text).
 */
export function legendRows(labels: readonly string[], width: number): number {
  let [rows, used] = [0, 0];
  labels.forEach((label, index) => {
    const item = LEGEND.swatchWidth + LEGEND.fontSize / 2 + label.length * 7.2;
    if (index === 0 || used + item + 2 * LEGEND.padding > width) [rows, used] = [rows + 1, 0];
    used += item + LEGEND.padding;
  });
  return rows;
}

/** The contour bands as Chart.js's background plugin paints them: fills lowest first, then every line. */
function contours(map: ContourMap, id: string): string {
  const [w, h] = [map.cells[0] * QUANTUM, map.cells[1] * QUANTUM];
  const n = map.bands.length;
  // Each band's path once, then used twice: filled in order, and outlined once every band is filled.
  const paths = map.bands.map((rings, index) => {
    const d = rings.map((ring) => `M${ring[0]} ${ring[1]}l${ring.slice(2).join(' ')}z`).join('');
    return `<path id="${id}-${index}" d="${d.replace(/ -/g, '-')}" vector-effect="non-scaling-stroke"/>`;
  });
  const fills = map.bands.map(
    (_, index) => `<use href="#${id}-${index}" fill="${rampColor(index / Math.max(1, n - 1))}"/>`,
  );
  const lines = map.bands.map((_, index) => `<use href="#${id}-${index}"/>`);
  return (
    `<svg viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" width="100%" height="100%">` +
    `<g transform="matrix(1 0 0 -1 0 ${h})"><defs>${paths.join('')}</defs>` +
    `<rect width="${w}" height="${h}" fill="${rampColor(0)}"/>` +
    `<g fill-rule="evenodd">${fills.join('')}</g>` +
    `<g fill="none" stroke="${CONTOUR_LINE_COLOR}" stroke-width="0.75">${lines.join('')}</g></g></svg>`
  );
}

/** The reference runs in the plot's own units (1000 × 1000, y up), each a line with its points, first on top. */
function runLines(objective: SiteObjective, lines: readonly StaticLine[]): string {
  const [x0, x1] = objective.x;
  const [y0, y1] = objective.y;
  const at = ([x, y]: Point): string =>
    `${round(((x - x0) / (x1 - x0)) * 1000)} ${round(((y1 - y) / (y1 - y0)) * 1000)}`;
  const drawn = [...lines].reverse().map(({ color, points }) => {
    const finite = points.filter((point) => point.every(Number.isFinite));
    const path = finite.map((point, k) => `${k === 0 ? 'M' : 'L'}${at(point)}`).join('');
    const dots = finite.map((point) => `M${at(point)}h0`).join('');
    return (
      `<path d="${path}" stroke="${color}" stroke-width="${LINE_WIDTH}"/>` +
      `<path d="${dots}" stroke="${color}" stroke-width="${round(DOT_DIAMETER, 2)}" stroke-linecap="round"/>`
    );
  });
  return `<svg viewBox="0 0 1000 1000" preserveAspectRatio="none" width="100%" height="100%" fill="none">${drawn.join('')}</svg>`;
}

let made = 0;

/** The picture's HTML: a box over the canvas's place (widgets.css: .static-chart) and the colour key under it. */
export function staticChart(chart: StaticChart): { picture: string; key: string } {
  const { objective, map, lines, start } = chart;
  const id = `static-chart-${++made}`;
  const [x0, x1] = objective.x;
  const [y0, y1] = objective.y;
  const step = tickStep(objective);
  const xShare = (x: number): string => percent((x - x0) / (x1 - x0));
  const yShare = (y: number): string => percent((y1 - y) / (y1 - y0));
  const minima = objective.minima.filter(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
  const legend: { label: string; look: Swatch }[] = [
    ...lines.map((line) => ({ label: line.label, look: { kind: 'line', color: line.color } as const })),
    { label: startLabel(start), look: { kind: 'start' } },
    ...(objective.minima.length > 0
      ? [{ label: minimumLabel(objective.minima), look: { kind: 'minimum' } as const }]
      : []),
  ];
  const rows = legendRows(
    legend.map((item) => item.label),
    chart.width,
  );
  const left = yAxisWidth(objective);
  const bottom = X_AXIS_HEIGHT + legendHeight(rows);
  const xTicks = tickLabels(objective.x, step);
  const yTicks = tickLabels(objective.y, step);
  const grid = [
    ...xTicks.map(({ value }) => `<line x1="${xShare(value)}" x2="${xShare(value)}" y1="0" y2="100%"/>`),
    ...yTicks.map(({ value }) => `<line x1="0" x2="100%" y1="${yShare(value)}" y2="${yShare(value)}"/>`),
    ...yTicks.map(({ value }) => `<line x1="-${TICK_LENGTH}" x2="0" y1="${yShare(value)}" y2="${yShare(value)}"/>`),
    `<svg y="100%" overflow="visible">${xTicks.map(({ value }) => `<line x1="${xShare(value)}" x2="${xShare(value)}" y1="0" y2="${TICK_LENGTH}"/>`).join('')}</svg>`,
  ];
  const labels = [
    ...xTicks.map(
      ({ value, label }) =>
        `<text x="${xShare(value)}" y="100%" dy="${round(X_LABEL_OFFSET, 2)}" text-anchor="middle">${escape(label)}</text>`,
    ),
    ...yTicks.map(
      ({ value, label }) =>
        `<text x="-${TICK_LENGTH + TICK_PADDING}" y="${yShare(value)}" text-anchor="end">${escape(label)}</text>`,
    ),
  ];
  const titles =
    `<text x="50%" y="100%" dy="${round(X_AXIS_HEIGHT - TITLE_OFFSET, 2)}">x</text>` +
    `<text class="static-chart__y-title" x="${round(TITLE_OFFSET - left, 2)}" y="50%">y</text>`;
  const markers = [
    ...minima.map(
      ([x, y]) =>
        `<svg x="${xShare(x)}" y="${yShare(y)}" overflow="visible"><path d="M-11 0H11M0-11V11M-7.78-7.78L7.78 7.78M-7.78 7.78L7.78-7.78" stroke="#b91c1c" stroke-width="2.5"/></svg>`,
    ),
    `<circle cx="${xShare(start[0])}" cy="${yShare(start[1])}" r="7" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`,
  ];
  const plot =
    `<svg class="static-chart__plot" style="left:${left}px;top:${PADDING.top}px;width:calc(100% - ${left + PADDING.right}px);height:calc(100% - ${PADDING.top + bottom}px)" overflow="visible" font-family="${escape(CHART_FONT)}">` +
    contours(map, id) +
    `<g stroke="${GRID_COLOR}" shape-rendering="crispEdges">${grid.join('')}</g>` +
    `<g stroke="${BORDER_COLOR}" shape-rendering="crispEdges"><line x1="0" x2="0" y1="0" y2="100%"/><line x1="0" x2="100%" y1="100%" y2="100%"/></g>` +
    runLines(objective, lines) +
    `<g>${markers.join('')}</g>` +
    `<g fill="${TICK_COLOR}" font-size="${TICK_FONT_SIZE}" dominant-baseline="central">${labels.join('')}</g>` +
    `<g fill="${INK}" font-size="${TITLE_FONT_SIZE}" font-weight="bold" text-anchor="middle" dominant-baseline="central">${titles}</g>` +
    `</svg>`;
  const items = legend.map(({ label, look }) => `<li>${swatch(look)}${escape(label)}</li>`).join('');
  const picture =
    `<div class="static-chart" data-static-chart aria-hidden="true">${plot}` +
    `<ul class="static-chart__legend" style="left:${LEGEND.padding}px;right:${LEGEND.padding + PADDING.right}px;font-family:${escape(CHART_FONT)}">${items}</ul></div>`;
  const key = contourKey(objective);
  const ticks = key.ticks.map(({ text, left: at }) => `<span style="left: ${at};">${escape(text)}</span>`).join('');
  return {
    picture,
    key:
      `<div class="contour-legend" data-static-chart role="img" aria-label="${escape(key.label)}">` +
      `<span class="contour-legend__title">${escape(key.title)}</span>` +
      `<span class="contour-legend__bar" style="background: ${key.background};"></span>` +
      `<span class="contour-legend__ticks">${ticks}</span></div>`,
  };
}
