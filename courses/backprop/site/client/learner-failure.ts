// What can go wrong when the page runs the learner's code, as data the worker sends back, and the one place where
// an exception from that code becomes such a failure: the stubs' own "not implemented yet", any other throw, or a
// loop the loop guard stopped.
import { StillRunning } from '../../../../site/client/loop-guard.js';

export type LearnerFailure =
  /** The stub's own throw: its message names what to write ("not implemented yet: write Value.mul()"). */
  | { status: 'not-implemented'; message: string; during: string }
  | { status: 'threw'; message: string; during: string }
  | { status: 'timed-out'; afterMs: number; during: string };

/** Thrown inside the worker to carry a failure out of nested calls. */
export class LearnerProblem extends Error {
  constructor(readonly failure: LearnerFailure) {
    super(failure.status === 'timed-out' ? `still running during ${failure.during}` : failure.message);
  }
}

/** The stubs' generated throws start with these words (scripts/stubs writes them). */
const STUB_PREFIX = 'not implemented yet';

export function failureOf(error: unknown, during: string): LearnerFailure {
  if (error instanceof LearnerProblem) return error.failure;
  if (error instanceof StillRunning) return { status: 'timed-out', afterMs: error.afterMs, during };
  const message =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.startsWith(STUB_PREFIX)
    ? { status: 'not-implemented', message, during }
    : { status: 'threw', message: message.slice(0, 500), during };
}

/** Runs one call into the learner's code; whatever it throws leaves as a LearnerProblem that says during what. */
export function learnerCall<T>(during: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new LearnerProblem(failureOf(error, during));
  }
}
