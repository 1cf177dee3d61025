// Every optimizer's hyperparameters as the playground offers them: symbol, range and scale (learning rates and
// ε span orders of magnitude, so their sliders move in log10).
import type { OptimizerId, OptionsByOptimizer } from './demo-runs.js';

export interface HyperparameterSpec {
  name: string;
  symbol: string;
  description: string;
  min: number;
  max: number;
  scale: 'log' | 'linear';
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

export const HYPERPARAMETERS: { [K in OptimizerId]: HyperparameterSpec[] } = {
  sgd: [learningRate],
  momentum: [
    learningRate,
    { name: 'momentum', symbol: 'μ', description: 'momentum', min: 0, max: 0.999, scale: 'linear' },
  ],
  rmsprop: [
    learningRate,
    { name: 'momentum', symbol: 'μ', description: 'decay of the average of g²', min: 0, max: 0.999, scale: 'linear' },
    epsilon,
  ],
  adam: [
    learningRate,
    {
      name: 'momentumGrad',
      symbol: 'μ₁',
      description: 'decay of the average of g',
      min: 0,
      max: 0.999,
      scale: 'linear',
    },
    {
      name: 'momentumGradSquared',
      symbol: 'μ₂',
      description: 'decay of the average of g²',
      min: 0.5,
      max: 0.9999,
      scale: 'linear',
    },
    epsilon,
  ],
};

export const STEP_RANGE = { min: 1, max: 2000 } as const;

export type OptionsFor<K extends OptimizerId> = OptionsByOptimizer[K];
