// The messages between a page and the worker that runs the learner's code.
import type { OptimizerId, Point } from '../shared/demo-runs.js';

export type LearnerRequest = { kind: 'demo'; optimizer: OptimizerId } | { kind: 'challenge' };

export type LearnerOutcome =
  | {
      status: 'ran';
      optimizer: OptimizerId;
      nSteps: number;
      /** At most a few thousand points, evenly thinned from the full run; always ends with the run's last point. */
      trajectory: Point[];
      last: Point;
      /** First step whose parameters were not finite, or null. */
      divergedAt: number | null;
    }
  | { status: 'not-implemented'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'timed-out'; afterMs: number };

/** Sent by the worker once its modules, the learner's included, have loaded. */
export const WORKER_READY = 'ready';
