// Hyperparameter search: the outer loop around training. Grid search tries evenly spaced settings; random
// search draws them. Both spend a budget of training runs and keep every trial, so the best can be picked.

/** Where to look: learning rates on a log scale, momenta on a linear one (both ends included). */
export interface SearchSpace {
  learningRate: [min: number, max: number];
  momentum: [min: number, max: number];
}

/** One training run: the settings tried and how many steps they needed (Infinity: never got there). */
export interface Trial {
  learningRate: number;
  momentum: number;
  steps: number;
}

/** Runs training with these settings and returns the steps it needed. */
export type Evaluate = (learningRate: number, momentum: number) => number;

/**
 * A k × k grid with k = ⌊√budget⌋: k learning rates evenly spaced in log10 between the ends of the space, k momenta
 * evenly spaced between theirs. Trials come learning rate by learning rate, each with every momentum in order.
 */
export function gridSearch(space: SearchSpace, budget: number, evaluate: Evaluate): Trial[] {
  // TODO: ~64 words
  throw new Error('not implemented yet: write gridSearch()');
}

/**
 * `budget` trials, each drawing two numbers from `random` (uniform in [0, 1)): the first places the learning rate
 * in log10 between the ends of the space, the second places the momentum between its ends.
 */
export function randomSearch(space: SearchSpace, budget: number, evaluate: Evaluate, random: () => number): Trial[] {
  // TODO: ~41 words
  throw new Error('not implemented yet: write randomSearch()');
}

/** The trial with the fewest steps; the earliest one on a tie. */
export function bestTrial(trials: Trial[]): Trial {
  // TODO: ~23 words
  throw new Error('not implemented yet: write bestTrial()');
}
