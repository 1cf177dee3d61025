// The Momentum exercise (the workshop's test_momentum, widened): exercises/optimizers/momentum.ts must reproduce torch.optim.SGD(momentum) step for step.
import { defineOptimizerSuite } from './harness/optimizer-suite.js';

defineOptimizerSuite({ id: 'momentum', file: 'momentum.ts', className: 'Momentum' });
