// The messages between a page and the worker that runs the learner's code.
import type { OptimizerId, OptionsByOptimizer, Point } from '../shared/demo-runs.js';
import type { ObjectiveId, SiteObjective } from '../shared/objectives.js';
import type { StepStates } from './step-states.js';

export type { StepState } from './step-states.js';

/** A playground run; its objective travels as itself when the learner typed it (it never goes to a worker). */
export type CustomRun = {
  [K in OptimizerId]: {
    kind: 'custom';
    optimizer: K;
    options: OptionsByOptimizer[K];
    objective: ObjectiveId | SiteObjective;
    start: Point;
    nSteps: number;
  };
}[OptimizerId];

export type LearnerRequest = { kind: 'demo'; optimizer: OptimizerId } | { kind: 'challenge' } | CustomRun;

export type LearnerOutcome =
  | {
      status: 'ran';
      optimizer: OptimizerId;
      nSteps: number;
      /** At most a few thousand points, evenly thinned from the full run; always ends with the run's last point. */
      trajectory: Point[];
      /** The step number of each point of `trajectory`. */
      steps: number[];
      /** One row per point of `trajectory` when the run was short enough to keep them all; none otherwise. */
      states: StepStates;
      last: Point;
      /** First step whose parameters were not finite, or null. */
      divergedAt: number | null;
    }
  | { status: 'not-implemented'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'timed-out'; afterMs: number };

/** Sent by the worker once its modules, the learner's included, have loaded. */
export const WORKER_READY = 'ready';
