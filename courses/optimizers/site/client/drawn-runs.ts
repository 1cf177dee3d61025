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

type RanOutcome = Extract<LearnerOutcome, { status: 'ran' }>;
type DrawablePart = { points: Point[]; steps: number[]; states: StepStates; divergedAt: number | null };

/**
 * Kept per outcome: the playground keeps the outcomes of the runs an input left alone, and their parts (the same
 * arrays) let the chart draw those runs from the lines it kept.
 */
const parts = new WeakMap<RanOutcome, { objective: SiteObjective; part: DrawablePart }>();

/**
 * The drawable part of a learner's run and the step where it diverged, if it did: not finite (found by the
 * worker) or far outside the plot (found here, since only the page knows the plotted region).
 */
export function drawablePart(outcome: RanOutcome, objective: SiteObjective): DrawablePart {
  const kept = parts.get(outcome);
  if (kept?.objective === objective) return kept.part;
  const cut = divergenceStep(outcome.trajectory, objective);
  const part =
    cut === null
      ? { points: outcome.trajectory, steps: outcome.steps, states: outcome.states, divergedAt: outcome.divergedAt }
      : {
          points: outcome.trajectory.slice(0, cut),
          steps: outcome.steps.slice(0, cut),
          states: outcome.states,
          divergedAt: outcome.steps[cut] ?? outcome.divergedAt,
        };
  parts.set(outcome, { objective, part });
  return part;
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
