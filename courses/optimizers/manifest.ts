// The optimizers course's own table, read by its grader suites, sandbox drivers, site widgets, challenge and
// tests: one entry per optimizer, and the race's settings. Nothing outside this course's folders reads it.

export type Point = [number, number];

export interface HyperparameterSpec {
  /** The option's name in the learner's options object. */
  name: string;
  symbol: string;
  description: string;
  /** The playground slider's range; learning rates and ε span orders of magnitude, so they move in log10. */
  min: number;
  max: number;
  scale: 'log' | 'linear';
}

export interface OptimizerEntry {
  id: 'sgd' | 'momentum' | 'rmsprop' | 'adam';
  /** The learner's file in exercises/optimizers/ and the class it exports. */
  file: string;
  className: string;
  /** As the pages and the scorecard name it. */
  name: string;
  hyperparameters: HyperparameterSpec[];
  /** The workshop's demo settings: 100 steps from the start point. */
  demo: Record<string, number>;
  /** Solid reference line, and a darker shade of the same hue for the learner's dashed line over it. */
  colors: { reference: string; learner: string };
}

const learningRate: HyperparameterSpec = {
  name: 'learningRate',
  symbol: 'α',
  description: 'learning rate',
  min: 1e-4,
  max: 2,
  scale: 'log',
};
const epsilon: HyperparameterSpec = {
  name: 'epsilon',
  symbol: 'ε',
  description: 'keeps the division finite',
  min: 1e-10,
  max: 1e-2,
  scale: 'log',
};
const decay = (name: string, symbol: string, description: string, min = 0, max = 0.999): HyperparameterSpec => ({
  name,
  symbol,
  description,
  min,
  max,
  scale: 'linear',
});

export const OPTIMIZERS = [
  {
    id: 'sgd',
    file: 'sgd.ts',
    className: 'SGD',
    name: 'SGD',
    hyperparameters: [learningRate],
    demo: { learningRate: 0.001 },
    colors: { reference: '#3b82f6', learner: '#1e3a8a' },
  },
  {
    id: 'momentum',
    file: 'momentum.ts',
    className: 'Momentum',
    name: 'Momentum',
    hyperparameters: [learningRate, decay('momentum', 'μ', 'momentum')],
    demo: { learningRate: 0.01, momentum: 0.9 },
    colors: { reference: '#f97316', learner: '#9a3412' },
  },
  {
    id: 'rmsprop',
    file: 'rmsprop.ts',
    className: 'RMSprop',
    name: 'RMSprop',
    hyperparameters: [learningRate, decay('momentum', 'μ', 'decay of the average of g²'), epsilon],
    demo: { learningRate: 0.2, momentum: 0.9, epsilon: 1e-8 },
    colors: { reference: '#10b981', learner: '#065f46' },
  },
  {
    id: 'adam',
    file: 'adam.ts',
    className: 'Adam',
    name: 'Adam',
    hyperparameters: [
      learningRate,
      decay('momentumGrad', 'μ₁', 'decay of the average of g'),
      decay('momentumGradSquared', 'μ₂', 'decay of the average of g²', 0.5, 0.9999),
      epsilon,
    ],
    demo: { learningRate: 0.9, momentumGrad: 0.9, momentumGradSquared: 0.999, epsilon: 1e-8 },
    colors: { reference: '#d946ef', learner: '#86198f' },
  },
] as const satisfies readonly OptimizerEntry[];

export type OptimizerId = (typeof OPTIMIZERS)[number]['id'];

export function optimizer(id: OptimizerId): (typeof OPTIMIZERS)[number] {
  return OPTIMIZERS.find((entry) => entry.id === id)!;
}

export const isOptimizerId = (value: string): value is OptimizerId => OPTIMIZERS.some((entry) => entry.id === value);

/** The race: every demo run and the challenge start here and aim for the banana's minimum. */
export const RACE = {
  start: [-1, 2] as Point,
  goal: [1, 1] as Point,
  /** "Reached the goal": within this distance of it. */
  goalRadius: 1e-2,
  demoSteps: 100,
  /** The challenge's step budget, and the playground's step slider. */
  challengeMaxSteps: 100_000,
  playgroundSteps: { min: 1, max: 2000 },
} as const;

/** The hyperparameter-search exercise's space, budget and seed, shared by its suite and the site's heatmap. */
export const SEARCH = {
  learningRates: [0.001, 0.01] as [number, number],
  momenta: [0.5, 0.98] as [number, number],
  /** Runs that never come within goalRadius in this many steps count as not converging. */
  maxSteps: 3000,
  /** Training runs each search may spend, and the seed of the random search's generator. */
  budget: 25,
  seed: 1,
} as const;

export const CHALLENGE_COLOR = '#e11d48';
