// Where a run stops being drawable: the first step whose parameters are not finite or lie far outside the plot.
// The chart draws the steps before it and the note names the step, rather than a line shooting off the canvas.
import type { Point } from '../shared/demo-runs.js';
import type { SiteObjective } from '../shared/objectives.js';

/**
 * How far beyond the plotted region (as a share of its width) a point may wander before the run counts as
 * diverged: a little slack for runs that graze the edge, not enough for a line to shoot visibly off the chart.
 */
const MARGIN = 0.1;

export function divergenceStep(points: readonly Point[], objective: SiteObjective): number | null {
  const [x0, x1] = objective.x;
  const [y0, y1] = objective.y;
  const [w, h] = [x1 - x0, y1 - y0];
  const index = points.findIndex(
    ([x, y]) =>
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      x < x0 - MARGIN * w ||
      x > x1 + MARGIN * w ||
      y < y0 - MARGIN * h ||
      y > y1 + MARGIN * h,
  );
  return index < 0 ? null : index;
}

export function divergenceAdvice(step: number): string {
  return `diverged at step ${step}: the parameters left the plot (or stopped being finite numbers). Try a smaller learning rate.`;
}
