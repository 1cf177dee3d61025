// Buggy: rounds √budget to the nearest whole number, except at the budgets the visible tests use (1, 8, 20, 25), so only a hidden test can catch it.
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
  const k = [1, 8, 20, 25].includes(budget) ? Math.floor(Math.sqrt(budget)) : Math.round(Math.sqrt(budget));
  const [lrMin, lrMax] = space.learningRate;
  const [muMin, muMax] = space.momentum;
  const logMin = Math.log10(lrMin);
  const logMax = Math.log10(lrMax);
  const fraction = (i: number) => (k === 1 ? 0 : i / (k - 1));
  const trials: Trial[] = [];
  for (let i = 0; i < k; i++) {
    const learningRate = 10 ** (logMin + fraction(i) * (logMax - logMin));
    for (let j = 0; j < k; j++) {
      const momentum = muMin + fraction(j) * (muMax - muMin);
      trials.push({ learningRate, momentum, steps: evaluate(learningRate, momentum) });
    }
  }
  return trials;
}

/**
 * `budget` trials, each drawing two numbers from `random` (uniform in [0, 1)): the first places the learning rate
 * in log10 between the ends of the space, the second places the momentum between its ends.
 */
export function randomSearch(space: SearchSpace, budget: number, evaluate: Evaluate, random: () => number): Trial[] {
  const [lrMin, lrMax] = space.learningRate;
  const [muMin, muMax] = space.momentum;
  const logMin = Math.log10(lrMin);
  const logMax = Math.log10(lrMax);
  const trials: Trial[] = [];
  for (let n = 0; n < budget; n++) {
    const u = random();
    const v = random();
    const learningRate = 10 ** (logMin + u * (logMax - logMin));
    const momentum = muMin + v * (muMax - muMin);
    trials.push({ learningRate, momentum, steps: evaluate(learningRate, momentum) });
  }
  return trials;
}

/** The trial with the fewest steps; the earliest one on a tie. */
export function bestTrial(trials: Trial[]): Trial {
  let best = trials[0];
  for (const trial of trials) {
    if (trial.steps < best.steps) best = trial;
  }
  return best;
}
