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

/** What happened, with no advice: on an exercise page the learner cannot change the settings, only the code. */
export function divergenceNote(step: number): string {
  return `diverged at step ${step}: the parameters left the plot (or stopped being finite numbers).`;
}

/**
 * The note and what to do, where the learner sets the hyperparameters (the playground, the challenge). On a
 * function without a minimum (the saddle) running off is the expected outcome, not a mistake to fix.
 */
export function divergenceAdvice(step: number, objective?: Pick<SiteObjective, 'minima'>): string {
  if (objective && objective.minima.length === 0)
    return `escaped at step ${step}: it ran off the plot down the falling direction, as expected on a function with no minimum.`;
  return `${divergenceNote(step)} Try a smaller learning rate.`;
}
