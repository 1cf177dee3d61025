// The playground's runs as plain polylines, drawn by the trajectory chart itself rather than as Chart.js data: a
// slider's new runs then cost a few thousand lineTo calls, not Chart.js's per-point elements, layout and redraw.
import type { Chart } from 'chart.js';
import type { Point } from '../shared/demo-runs.js';

export interface RunLine {
  points: readonly Point[];
  color: string;
  width: number;
}

/** Draws each line inside the plot area (as Chart.js clips a line: half its width beyond the edge). */
export function drawRunLines(chart: Chart, lines: readonly RunLine[]): void {
  const { ctx, chartArea: area } = chart;
  const [xs, ys] = [chart.scales.x, chart.scales.y];
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
    ctx.beginPath();
    ctx.moveTo(xs.getPixelForValue(points[0]![0]), ys.getPixelForValue(points[0]![1]));
    for (let k = 1; k < points.length; k++)
      ctx.lineTo(xs.getPixelForValue(points[k]![0]), ys.getPixelForValue(points[k]![1]));
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.lineCap = 'butt';
    ctx.lineJoin = 'miter';
    ctx.setLineDash([]);
    ctx.stroke();
    ctx.restore();
  }
}
