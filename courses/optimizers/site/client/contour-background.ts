// Chart.js plugin that paints a function's contour map under the chart: filled bands between its levels plus thin
// contour lines, from a map traced beforehand (at build time, or once for a typed formula); each paint only maps
// the bands to pixels, once per chart size.
import type { Chart, Plugin, Scale } from 'chart.js';
import { unpackRing, type ContourMap } from '../shared/contour-map.js';
import { measured } from './measured.js';

export interface ContourStyle {
  /** Fill for the band above levels[k], given t = k / (levels.length − 1). */
  fill(t: number): string;
  line: string;
}

function bandPath(xScale: Scale, yScale: Scale, map: ContourMap, rings: readonly number[][]): Path2D {
  const path = new Path2D();
  for (const ring of rings) {
    let first = true;
    unpackRing(map, ring, (x, y) => {
      const [px, py] = [xScale.getPixelForValue(x), yScale.getPixelForValue(y)];
      if (first) path.moveTo(px, py);
      else path.lineTo(px, py);
      first = false;
    });
    path.closePath();
  }
  return path;
}

/**
 * `map(redraw)` gives the map, or null while it is not known yet (the plot's background then stays plain) and calls
 * `redraw` once it is.
 */
export function contourBackground(
  map: (redraw: () => void) => ContourMap | null,
  style: ContourStyle,
): Plugin<'scatter'> {
  // The map painted once per chart size into a canvas of its own: a redraw (every slider input in the
  // playground) then copies pixels instead of filling thousands of ring points again.
  const painted = new WeakMap<Chart, { key: string; image: HTMLCanvasElement }>();
  const paint = (chart: Chart, contours: ContourMap): HTMLCanvasElement => {
    const { chartArea: area, currentDevicePixelRatio: ratio } = chart;
    const image = document.createElement('canvas');
    [image.width, image.height] = [chart.canvas.width, chart.canvas.height];
    const ctx = image.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.beginPath();
    ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
    ctx.clip();
    ctx.fillStyle = style.fill(0);
    ctx.fillRect(area.left, area.top, area.right - area.left, area.bottom - area.top);
    const paths = contours.bands.map((rings) => bandPath(chart.scales.x, chart.scales.y, contours, rings));
    paths.forEach((path, index) => {
      ctx.fillStyle = style.fill(index / Math.max(1, paths.length - 1));
      ctx.fill(path, 'evenodd');
    });
    ctx.strokeStyle = style.line;
    ctx.lineWidth = 0.75;
    for (const path of paths) ctx.stroke(path);
    return image;
  };
  return {
    id: 'contourBackground',
    // beforeDraw runs after layout but before the grid, so grid lines stay visible on top of the bands.
    beforeDraw(chart) {
      const contours = map(() => chart.draw());
      if (!contours) return;
      const { chartArea: area, canvas } = chart;
      const key = [
        canvas.width,
        canvas.height,
        area.left,
        area.top,
        area.right,
        area.bottom,
        chart.scales.x.min,
        chart.scales.x.max,
        chart.scales.y.min,
        chart.scales.y.max,
      ].join();
      let known = painted.get(chart);
      if (known?.key !== key)
        painted.set(chart, (known = { key, image: measured('contour background', () => paint(chart, contours)) }));
      const { ctx } = chart;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(known.image, 0, 0);
      ctx.restore();
    },
  };
}
