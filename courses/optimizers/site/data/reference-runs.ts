// Runs the reference solutions at the demo settings, in Node only: the browser receives the resulting numbers,
// never the code that made them. Only the instructor's repository has solutions/ to run.
import { Adam } from '../../../../solutions/optimizers/adam.js';
import { banana, BANANA_START } from '../../../../solutions/optimizers/banana.js';
import { Momentum } from '../../../../solutions/optimizers/momentum.js';
import { createParameter } from '../../../../solutions/optimizers/parameter.js';
import { RMSprop } from '../../../../solutions/optimizers/rmsprop.js';
import { SGD } from '../../../../solutions/optimizers/sgd.js';
import { optimizeFunction, type Optimizer } from '../../../../solutions/optimizers/train.js';
import { DEMO_RUNS, DEMO_STEPS, type DemoRun, type OptimizerId, type Point } from '../shared/demo-runs.js';

export type ReferenceTrajectories = Record<OptimizerId, Point[]>;

function referenceOptimizer(run: DemoRun, parameter: ReturnType<typeof createParameter>): Optimizer {
  switch (run.id) {
    case 'sgd':
      return new SGD(parameter, run.options);
    case 'momentum':
      return new Momentum(parameter, run.options);
    case 'rmsprop':
      return new RMSprop(parameter, run.options);
    case 'adam':
      return new Adam(parameter, run.options);
  }
}

export function runReferences(): ReferenceTrajectories {
  const entries = DEMO_RUNS.map((run) => {
    const parameter = createParameter(BANANA_START);
    return [run.id, optimizeFunction(banana, parameter, referenceOptimizer(run, parameter), DEMO_STEPS)] as const;
  });
  return Object.fromEntries(entries) as ReferenceTrajectories;
}
