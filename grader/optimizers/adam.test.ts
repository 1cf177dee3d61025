// The Adam exercise (the workshop's test_Adam, widened): exercises/optimizers/adam.ts must reproduce torch.optim.Adam step for step.
import { defineOptimizerSuite } from './harness/optimizer-suite.js';

defineOptimizerSuite({ id: 'adam', file: 'adam.ts', className: 'Adam' });
