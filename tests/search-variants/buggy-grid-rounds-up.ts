// Buggy: the grid size counts up to the first k whose square reaches the budget (⌈√budget⌉), so it goes over.
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
  let k = 1;
  while (k * k < budget) k += 1;
  const [lrLo, lrHi] = space.learningRate.map(Math.log10) as [number, number];
  const [muLo, muHi] = space.momentum;
  const trials: Trial[] = [];
  for (let i = 0; i < k; i++) {
    const s = k > 1 ? i / (k - 1) : 0;
    const learningRate = 10 ** (lrLo + s * (lrHi - lrLo));
    for (let j = 0; j < k; j++) {
      const momentum = muLo + (k > 1 ? j / (k - 1) : 0) * (muHi - muLo);
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
