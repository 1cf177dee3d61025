// The SGD exercise (the workshop's test_SGD, widened): exercises/optimizers/sgd.ts must reproduce torch.optim.SGD step for step.
import { defineOptimizerSuite } from './harness/optimizer-suite.js';

defineOptimizerSuite({ id: 'sgd', file: 'sgd.ts', className: 'SGD' });
