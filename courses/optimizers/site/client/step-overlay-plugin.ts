// Chart.js plugin that draws, over a trajectory chart, the scrubbed step: a ring on each run's point at that
// step and, for the run whose inner state is shown, arrows for the (scaled) negative gradient and the update taken.
import type { Chart, Plugin } from 'chart.js';
import type { Point } from '../shared/demo-runs.js';

export interface StepMarker {
  point: Point;
  color: string;
}

export interface StepArrows {
  from: Point;
  gradient: [number, number];
  update: [number, number];
}

export interface StepOverlay {
  markers: StepMarker[];
  arrows: StepArrows | null;
}

/** Length of the gradient arrow in pixels: gradients span orders of magnitude, so only their direction is to scale. */
const GRADIENT_ARROW_PX = 48;
export const GRADIENT_ARROW_COLOR = '#dc2626';
export const UPDATE_ARROW_COLOR = '#0f172a';

function arrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string): void {
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (!(length > 0.5)) return;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = Math.min(9, Math.max(5, length / 3));
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2.25;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45));
  ctx.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fill();
}

/** Draws the scrubbed step on the chart as it stands (called by the plugin, and by a chart's quick redraw). */
export function drawStepOverlay(chart: Chart, { markers, arrows }: StepOverlay): void {
  const { ctx, chartArea: area } = chart;
  const [xs, ys] = [chart.scales.x, chart.scales.y];
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();
  for (const { point, color } of markers) {
    ctx.beginPath();
    ctx.arc(xs.getPixelForValue(point[0]), ys.getPixelForValue(point[1]), 6, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  if (arrows) {
    const [px, py] = [xs.getPixelForValue(arrows.from[0]), ys.getPixelForValue(arrows.from[1])];
    // −∇f points downhill; in pixels y grows downwards, hence the sign flip on the second coordinate.
    const [gx, gy] = [-arrows.gradient[0], arrows.gradient[1]];
    const norm = Math.hypot(gx, gy);
    if (norm > 0 && Number.isFinite(norm)) {
      arrow(
        ctx,
        px,
        py,
        px + (gx / norm) * GRADIENT_ARROW_PX,
        py + (gy / norm) * GRADIENT_ARROW_PX,
        GRADIENT_ARROW_COLOR,
      );
    }
    const to = [arrows.from[0] + arrows.update[0], arrows.from[1] + arrows.update[1]];
    if (to.every(Number.isFinite))
      arrow(ctx, px, py, xs.getPixelForValue(to[0]), ys.getPixelForValue(to[1]), UPDATE_ARROW_COLOR);
  }
  ctx.restore();
}

export function stepOverlayPlugin(overlay: () => StepOverlay): Plugin<'scatter'> {
  return {
    id: 'stepOverlay',
    afterDatasetsDraw(chart: Chart) {
      drawStepOverlay(chart, overlay());
    },
  };
}
