// The playground's runs as plain polylines, drawn by the trajectory chart itself rather than as Chart.js data: a
// slider's new run then costs a thousand lineTo calls, not Chart.js's per-point elements, layout and redraw.
import type { Chart } from 'chart.js';
import type { Point } from '../shared/demo-runs.js';

export interface RunLine {
  points: readonly Point[];
  color: string;
  width: number;
}

/**
 * Each run's line in canvas pixels, kept with the scales it was laid out for: a slider's input changes one
 * optimizer's run, and the other runs (the same arrays) are drawn again from their kept paths.
 */
const paths = new WeakMap<readonly Point[], { scales: string; path: Path2D }>();

function pathOf(chart: Chart, points: readonly Point[]): Path2D {
  const [xs, ys] = [chart.scales.x, chart.scales.y];
  const scales = [xs.left, xs.right, xs.min, xs.max, ys.top, ys.bottom, ys.min, ys.max].join(' ');
  const kept = paths.get(points);
  if (kept?.scales === scales) return kept.path;
  const path = new Path2D();
  path.moveTo(xs.getPixelForValue(points[0]![0]), ys.getPixelForValue(points[0]![1]));
  for (let k = 1; k < points.length; k++)
    path.lineTo(xs.getPixelForValue(points[k]![0]), ys.getPixelForValue(points[k]![1]));
  paths.set(points, { scales, path });
  return path;
}

/** Draws each line inside the plot area (as Chart.js clips a line: half its width beyond the edge). */
export function drawRunLines(chart: Chart, lines: readonly RunLine[]): void {
  const { ctx, chartArea: area } = chart;
  for (const { points, color, width } of lines) {
    if (points.length < 2) continue;
    ctx.save();
    ctx.beginPath();
    ctx.rect(
      area.left - width / 2,
      area.top - width / 2,
      area.right - area.left + width,
      area.bottom - area.top + width,
    );
    ctx.clip();
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.lineCap = 'butt';
    ctx.lineJoin = 'miter';
    ctx.setLineDash([]);
    ctx.stroke(pathOf(chart, points));
    ctx.restore();
  }
}
