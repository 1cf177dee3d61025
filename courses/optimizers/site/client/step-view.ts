// Shows one scrubbed step everywhere at once: markers and arrows on the trajectory chart, the cursor on the loss
// chart and the inner state of the learner run being inspected.
import type { LossChart } from './loss-chart.js';
import { indexAtStep, type DrawnRun } from './drawn-runs.js';
import { renderInnerState } from './inner-state-panel.js';
import { stateAt, type StepState } from './step-states.js';
import type { StepOverlay } from './step-overlay-plugin.js';
import type { TrajectoryChart } from './trajectory-chart.js';

export interface StepView {
  overlay: StepOverlay;
  /** The learner run whose inner state is shown, its step and state there (none when no run has states). */
  focus: { label: string; step: number; state: StepState | undefined };
}

/** What the scrubbed step shows: the chosen learner run (else the first that has inner states) and every run's marker. */
export function stepView(step: number, runs: readonly DrawnRun[], focusLabel?: string): StepView {
  const markers = runs.flatMap((run) => {
    const index = indexAtStep(run.steps, step);
    return index < 0 ? [] : [{ point: run.points[index], color: run.color }];
  });
  const inspectable = runs.filter((run) => run.kind === 'learner' && run.states.count > 0);
  const focus = inspectable.find((run) => run.label === focusLabel) ?? inspectable[0];
  const index = focus ? indexAtStep(focus.steps, step) : -1;
  const state = focus && index >= 0 ? stateAt(focus.states, index) : undefined;
  return {
    overlay: {
      markers,
      arrows:
        focus && state
          ? {
              from: focus.points[index],
              gradient: [state.gradient[0], state.gradient[1]],
              update: [state.update[0], state.update[1]],
            }
          : null,
    },
    focus: { label: focus?.label ?? '', step: focus ? focus.steps[index] : step, state },
  };
}

/** Draws the scrubbed step on both charts and the inner state of the chosen learner run. */
export function showStep(
  step: number,
  runs: readonly DrawnRun[],
  chart: TrajectoryChart,
  loss: LossChart | null,
  inner: HTMLElement | null,
  focusLabel?: string,
): void {
  const view = stepView(step, runs, focusLabel);
  chart.showStep(view.overlay);
  loss?.showStep(step);
  if (inner) renderInnerState(inner, view.focus.label, view.focus.step, view.focus.state);
}
