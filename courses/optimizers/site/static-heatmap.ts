// A static picture of the hyperparameter-search heatmap, written into the page's HTML at build time (plain strings: no
// browser, no canvas): the background's cells in the live chart's colours, the axes' labels and titles, laid over the
// canvas's place so the page shows the chart in its first paint. The page's script replaces it with the live Chart.js
// chart (client/search-heatmap-panel.ts) once that chart is drawn; the live chart is first drawn without markers or
// legend, and its frame is fixed (shared/search-heatmap.ts: HEATMAP_FRAME), so both put the plot at the same pixels.
import { CHART_FONT } from './shared/chart-frame.js';
import {
  colorKeyHtml,
  colorScale,
  edges,
  HEATMAP_FRAME,
  HEATMAP_TICKS,
  INK,
  xTickLabel,
  yTickLabel,
  type SearchHeatmap,
} from './shared/search-heatmap.js';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]!};`);
const round = (value: number, digits: number): string => String(Number(value.toFixed(digits)));
const percent = (share: number): string => `${round(share * 100, 3)}%`;

/**
 * The cells, one unit each in a columns × rows box (y down), as one path per colour: each column's runs of cells of
 * one colour are a single rectangle, and the colour most cells have (usually "never") is the box's background.
 */
function cells(data: SearchHeatmap): string {
  const scale = colorScale(data);
  const columns = data.steps.length;
  const rows = data.momenta.length;
  const runs = new Map<string, string[]>();
  const count = new Map<string, number>();
  data.steps.forEach((column, i) => {
    let j = 0;
    while (j < rows) {
      const color = scale.color(column[j] ?? null);
      let end = j + 1;
      while (end < rows && scale.color(column[end] ?? null) === color) end++;
      // Row j of the data is the (rows − 1 − j)th from the top.
      (runs.get(color) ?? runs.set(color, []).get(color)!).push(`M${i} ${rows - end}h1v${end - j}h-1z`);
      count.set(color, (count.get(color) ?? 0) + end - j);
      j = end;
    }
  });
  const background = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  const paths = [...runs]
    .filter(([color]) => color !== background)
    .map(([color, d]) => `<path fill="${color}" d="${d.join('')}"/>`);
  return (
    `<svg viewBox="0 0 ${columns} ${rows}" preserveAspectRatio="none" width="100%" height="100%" shape-rendering="crispEdges">` +
    (background ? `<rect width="${columns}" height="${rows}" fill="${background}"/>` : '') +
    `${paths.join('')}</svg>`
  );
}

/**
 * The picture's HTML, a box over the canvas's place (widgets.css: .static-chart), and the colour key that goes under
 * the chart; null for a heatmap without cells.
 */
export function staticHeatmap(data: SearchHeatmap): { picture: string; key: string } | null {
  if (data.steps.length === 0 || data.momenta.length === 0) return null;
  const frame = HEATMAP_FRAME;
  const xEdges = edges(data.learningRates, true);
  const yEdges = edges(data.momenta, false);
  const [lx0, lx1] = [Math.log10(xEdges[0]!), Math.log10(xEdges.at(-1)!)];
  const [y0, y1] = [yEdges[0]!, yEdges.at(-1)!];
  const xShare = (x: number): string => percent((Math.log10(x) - lx0) / (lx1 - lx0));
  const yShare = (y: number): string => percent((y1 - y) / (y1 - y0));
  const xTicks = HEATMAP_TICKS.x.filter((x) => Math.log10(x) >= lx0 && Math.log10(x) <= lx1);
  const yTicks = HEATMAP_TICKS.y.filter((y) => y >= y0 && y <= y1);
  const left = frame.yAxisWidth;
  const bottom = frame.xAxisHeight;
  const labels = [
    ...xTicks.map(
      (x) =>
        `<text x="${xShare(x)}" y="100%" dy="${round(frame.xLabelOffset, 2)}" text-anchor="middle">${escape(xTickLabel(x))}</text>`,
    ),
    ...yTicks.map((y) => `<text x="-${frame.tick}" y="${yShare(y)}" text-anchor="end">${escape(yTickLabel(y))}</text>`),
    `<text x="50%" y="100%" dy="${round(bottom - frame.titleOffset, 2)}" text-anchor="middle">${escape(frame.xTitle)}</text>`,
    `<text class="static-chart__y-title" x="${round(frame.titleOffset - left, 2)}" y="50%" text-anchor="middle">${escape(frame.yTitle)}</text>`,
  ];
  const plot =
    `<svg class="static-chart__plot" style="left:${left}px;top:${frame.padding.top}px;width:calc(100% - ${left + frame.padding.right}px);height:calc(100% - ${frame.padding.top + bottom}px)" overflow="visible" font-family="${escape(CHART_FONT)}">` +
    cells(data) +
    `<g fill="${INK}" font-size="${frame.fontSize}" dominant-baseline="central">${labels.join('')}</g>` +
    `</svg>`;
  return {
    picture: `<div class="static-chart static-chart--heatmap" data-static-chart aria-hidden="true">${plot}</div>`,
    key: colorKeyHtml(colorScale(data)),
  };
}
