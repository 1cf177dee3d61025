// The workshop's demo runs (100 steps from (−1, 2)), read both by the Node build, which draws the reference
// trajectories from them, and by the browser, which runs the learner's own classes with the very same settings.
import type { AdamOptions } from '../../exercises/optimizers/adam.js';
import type { MomentumOptions } from '../../exercises/optimizers/momentum.js';
import type { RMSpropOptions } from '../../exercises/optimizers/rmsprop.js';
import type { SGDOptions } from '../../exercises/optimizers/sgd.js';

export interface OptionsByOptimizer {
  sgd: SGDOptions;
  momentum: MomentumOptions;
  rmsprop: RMSpropOptions;
  adam: AdamOptions;
}

export type OptimizerId = keyof OptionsByOptimizer;

export type DemoRun = {
  [K in OptimizerId]: { id: K; name: string; options: OptionsByOptimizer[K] };
}[OptimizerId];

export type Point = [number, number];

export const DEMO_STEPS = 100;

export const DEMO_RUNS: readonly DemoRun[] = [
  { id: 'sgd', name: 'SGD', options: { learningRate: 0.001 } },
  { id: 'momentum', name: 'Momentum', options: { learningRate: 0.01, momentum: 0.9 } },
  { id: 'rmsprop', name: 'RMSprop', options: { learningRate: 0.2, momentum: 0.9, epsilon: 1e-8 } },
  {
    id: 'adam',
    name: 'Adam',
    options: { learningRate: 0.9, momentumGrad: 0.9, momentumGradSquared: 0.999, epsilon: 1e-8 },
  },
];

export function isOptimizerId(value: string): value is OptimizerId {
  return DEMO_RUNS.some((run) => run.id === value);
}

export function demoRun(id: OptimizerId): DemoRun {
  const run = DEMO_RUNS.find((candidate) => candidate.id === id);
  if (!run) throw new Error(`no demo run for optimizer "${id}"`);
  return run;
}
