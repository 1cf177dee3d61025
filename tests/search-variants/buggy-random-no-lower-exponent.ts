// Buggy: randomSearch raises 10 to u · (log10(hi) − log10(lo)) alone, leaving out log10(lo), so rates run from 1 up.
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
  const span = Math.log10(space.learningRate[1]) - Math.log10(space.learningRate[0]);
  const trials: Trial[] = [];
  for (let t = 0; t < budget; t++) {
    const learningRate = Math.pow(10, random() * span);
    const momentum = space.momentum[0] + random() * (space.momentum[1] - space.momentum[0]);
    trials.push({ learningRate, momentum, steps: evaluate(learningRate, momentum) });
  }
  return trials;
}

export function bestTrial(trials: Trial[]): Trial {
  let best = trials[0]!;
  for (const t of trials) if (t.steps < best.steps) best = t;
  return best;
}
