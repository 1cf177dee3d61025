// The messages between the hyperparameter-search page and the worker that runs the learner's searches.
export interface SearchTrial {
  learningRate: number;
  momentum: number;
  /** Infinity: never came within reach. */
  steps: number;
}

export type SearchOutcome =
  | { status: 'ran'; trials: SearchTrial[]; best: SearchTrial | null; bestMessage: string | null }
  | { status: 'not-implemented'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'timed-out'; afterMs: number };

export interface SearchOutcomes {
  grid: SearchOutcome;
  random: SearchOutcome;
}
