// Buggy: gridSearch pushes one trial object again and again, changing it in place, so every entry is the last setting.
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
  const current: Trial = { learningRate: 0, momentum: 0, steps: 0 };
  const [lo, hi] = space.learningRate.map(Math.log10) as [number, number];
  const [m0, m1] = space.momentum;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      current.learningRate = 10 ** (lo + (k > 1 ? i / (k - 1) : 0) * (hi - lo));
      current.momentum = m0 + (k > 1 ? j / (k - 1) : 0) * (m1 - m0);
      current.steps = evaluate(current.learningRate, current.momentum);
      trials.push(current);
    }
  return trials;
}

export function randomSearch(space: SearchSpace, budget: number, evaluate: Evaluate, random: () => number): Trial[] {
  const [a, b] = space.learningRate;
  const [m, n] = space.momentum;
  return Array.from({ length: budget }, () => {
    const [u, v] = [random(), random()];
    const learningRate = a * (b / a) ** u;
    const momentum = m + v * (n - m);
    return { learningRate, momentum, steps: evaluate(learningRate, momentum) };
  });
}

export function bestTrial(trials: Trial[]): Trial {
  let best = trials[0]!;
  for (const t of trials) if (t.steps < best.steps) best = t;
  return best;
}
