// Runs as the charts draw them: points with their step numbers, cut where a learner's run diverged, and the
// lookup from a scrubbed step to the point shown for it.
import type { Point } from '../shared/demo-runs.js';
import type { SiteObjective } from '../shared/objectives.js';
import { divergenceStep } from './divergence.js';
import type { LearnerOutcome } from './learner-protocol.js';
import type { StepStates } from './step-states.js';

/** A run as the panel draws it: points with their step numbers, cut where the run diverged. */
export interface DrawnRun {
  label: string;
  color: string;
  points: Point[];
  steps: number[];
  /** Inner states, row k for point k (rows past a cut are never read). */
  states: StepStates;
  kind: 'reference' | 'learner';
  rank: number;
}

/**
 * The drawable part of a learner's run and the step where it diverged, if it did: not finite (found by the
 * worker) or far outside the plot (found here, since only the page knows the plotted region).
 */
export function drawablePart(
  outcome: Extract<LearnerOutcome, { status: 'ran' }>,
  objective: SiteObjective,
): { points: Point[]; steps: number[]; states: StepStates; divergedAt: number | null } {
  const cut = divergenceStep(outcome.trajectory, objective);
  if (cut === null)
    return { points: outcome.trajectory, steps: outcome.steps, states: outcome.states, divergedAt: outcome.divergedAt };
  return {
    points: outcome.trajectory.slice(0, cut),
    steps: outcome.steps.slice(0, cut),
    states: outcome.states,
    divergedAt: outcome.steps[cut] ?? outcome.divergedAt,
  };
}

/** Index of the last point at or before `step` (runs are thinned, so indices and steps can differ). */
export function indexAtStep(steps: readonly number[], step: number): number {
  let low = 0;
  let high = steps.length - 1;
  if (high < 0 || steps[0] > step) return -1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (steps[mid] <= step) low = mid;
    else high = mid - 1;
  }
  return low;
}
