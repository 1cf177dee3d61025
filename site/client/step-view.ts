// Shows one scrubbed step everywhere at once: markers and arrows on the trajectory chart, the cursor on the loss
// chart and the inner state of the learner run being inspected.
import type { LossChart } from './loss-chart.js';
import { indexAtStep, type DrawnRun } from './drawn-runs.js';
import { renderInnerState } from './inner-state-panel.js';
import type { TrajectoryChart } from './trajectory-chart.js';

/** Draws the scrubbed step on both charts and the inner state of the chosen learner run (else the first that has one). */
export function showStep(step: number, runs: readonly DrawnRun[], chart: TrajectoryChart, loss: LossChart | null, inner: HTMLElement | null, focusLabel?: string): void {
  const markers = runs.flatMap((run) => {
    const index = indexAtStep(run.steps, step);
    return index < 0 ? [] : [{ point: run.points[index], color: run.color }];
  });
  const inspectable = runs.filter((run) => run.kind === 'learner' && run.states.length > 0);
  const focus = inspectable.find((run) => run.label === focusLabel) ?? inspectable[0];
  const index = focus ? indexAtStep(focus.steps, step) : -1;
  const state = focus && index >= 0 ? focus.states[index] : undefined;
  chart.showStep({ markers, arrows: focus && state ? { from: focus.points[index], gradient: [state.gradient[0], state.gradient[1]], update: [state.update[0], state.update[1]] } : null });
  loss?.showStep(step);
  if (inner) renderInnerState(inner, focus?.label ?? '', focus ? focus.steps[index] : step, state);
}

