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
  // Hide: all
  const k = Math.floor(Math.sqrt(budget));
  const spaced = (lo: number, hi: number) =>
    Array.from({ length: k }, (_, i) => (k === 1 ? lo : lo + ((hi - lo) * i) / (k - 1)));
  const [lrMin, lrMax] = space.learningRate;
  const learningRates = spaced(Math.log10(lrMin), Math.log10(lrMax)).map((e) => 10 ** e);
  const momenta = spaced(...space.momentum);
  return learningRates.flatMap((learningRate) =>
    momenta.map((momentum) => ({ learningRate, momentum, steps: evaluate(learningRate, momentum) })),
  );
  // Hide: none
}

/**
 * `budget` trials, each drawing two numbers from `random` (uniform in [0, 1)): the first places the learning rate
 * in log10 between the ends of the space, the second places the momentum between its ends.
 */
export function randomSearch(space: SearchSpace, budget: number, evaluate: Evaluate, random: () => number): Trial[] {
  // Hide: all
  const [lrMin, lrMax] = space.learningRate;
  const [muMin, muMax] = space.momentum;
  return Array.from({ length: budget }, () => {
    const learningRate = 10 ** (Math.log10(lrMin) + random() * (Math.log10(lrMax) - Math.log10(lrMin)));
    const momentum = muMin + random() * (muMax - muMin);
    return { learningRate, momentum, steps: evaluate(learningRate, momentum) };
  });
  // Hide: none
}

/** The trial with the fewest steps; the earliest one on a tie. */
export function bestTrial(trials: Trial[]): Trial {
  // Hide: all
  if (trials.length === 0) throw new Error('no trials to choose from');
  return trials.reduce((best, trial) => (trial.steps < best.steps ? trial : best));
  // Hide: none
}
