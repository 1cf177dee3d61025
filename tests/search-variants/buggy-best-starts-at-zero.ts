// Buggy: bestTrial keeps the fewest steps so far in a number that starts at 0, so no trial ever beats it.
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
  const trials: Trial[] = [];
  const lo = Math.log10(space.learningRate[0]);
  const hi = Math.log10(space.learningRate[1]);
  for (let i = 0; i < k; i++) {
    const learningRate = Math.pow(10, k === 1 ? lo : lo + (i * (hi - lo)) / (k - 1));
    for (let j = 0; j < k; j++) {
      const momentum =
        k === 1 ? space.momentum[0] : space.momentum[0] + (j * (space.momentum[1] - space.momentum[0])) / (k - 1);
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
  let fewest = 0;
  let bestIndex = 0;
  trials.forEach((trial, index) => {
    if (trial.steps < fewest) {
      fewest = trial.steps;
      bestIndex = index;
    }
  });
  return trials[bestIndex]!;
}
