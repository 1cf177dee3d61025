// Buggy: Math.pow(10, lo) + fraction·(hi − lo): the power takes only the lower exponent, the offset is added after.
export interface SearchSpace {
  learningRate: [number, number];
  momentum: [number, number];
}
export interface Trial {
  learningRate: number;
  momentum: number;
  steps: number;
}
export type Evaluate = (learningRate: number, momentum: number) => number;

export function gridSearch(space: SearchSpace, budget: number, evaluate: Evaluate): Trial[] {
  const k = Math.floor(Math.sqrt(budget));
  const lo = Math.log10(space.learningRate[0]);
  const hi = Math.log10(space.learningRate[1]);
  const fraction = (i: number) => (k === 1 ? 0 : i / (k - 1));
  const trials: Trial[] = [];
  for (let i = 0; i < k; i++) {
    const learningRate = Math.pow(10, lo) + fraction(i) * (hi - lo);
    for (let j = 0; j < k; j++) {
      const momentum = space.momentum[0] + fraction(j) * (space.momentum[1] - space.momentum[0]);
      trials.push({ learningRate, momentum, steps: evaluate(learningRate, momentum) });
    }
  }
  return trials;
}

export function randomSearch(space: SearchSpace, budget: number, evaluate: Evaluate, random: () => number): Trial[] {
  const trials: Trial[] = [];
  for (let i = 0; i < budget; i++) {
    const u = random();
    const v = random();
    const learningRate = space.learningRate[0] * Math.pow(space.learningRate[1] / space.learningRate[0], u);
    const momentum = space.momentum[0] + v * (space.momentum[1] - space.momentum[0]);
    trials.push({ learningRate, momentum, steps: evaluate(learningRate, momentum) });
  }
  return trials;
}

export function bestTrial(trials: Trial[]): Trial {
  let best = trials[0]!;
  for (const t of trials) if (t.steps < best.steps) best = t;
  return best;
}
