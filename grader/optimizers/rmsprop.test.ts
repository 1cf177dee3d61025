// The RMSprop exercise (the workshop's test_RMSprop, widened): exercises/optimizers/rmsprop.ts must reproduce torch.optim.RMSprop step for step.
import { defineOptimizerSuite } from './harness/optimizer-suite.js';

defineOptimizerSuite({ id: 'rmsprop', file: 'rmsprop.ts', className: 'RMSprop' });
