// The gradient-check bonus: numericalGradient() of exercises/backprop/gradient-check.ts, by central differences on
// a plain function, must land within the central difference's own error of PyTorch's gradients.
import { defineExpressionSuite, outputOf } from './expression-suite.js';
import { gradsProblem, type ExpressionOutput } from './expression-verdict.js';
import { FINITE_DIFFERENCE } from './tolerance.js';

interface CheckOutput extends ExpressionOutput {
  length: number;
  calls: number;
  unchanged: boolean;
}

defineExpressionSuite({
  exercise: 'gradient-check',
  files: ['gradient-check.ts'],
  tolerance: FINITE_DIFFERENCE,
  hiddenIs: 'estimates the gradient of another function',
  checks: [
    {
      title: (c) => `numericalGradient() agrees with PyTorch's gradient: ${c.name}`,
      jobs: [{ suffix: 'check', driver: 'gradientCheck' }],
      judge(c, result) {
        const output = outputOf<CheckOutput>(result('check'));
        const n = Object.keys(c.leaves).length;
        if (output.length !== n)
          return `${c.name}: numericalGradient returned ${output.length} numbers for ${n} inputs; it needs one partial derivative per input.`;
        if (!output.unchanged)
          return `${c.name}: numericalGradient changed the caller's xs; nudge a copy (xs.slice()) instead.`;
        const h = c.h === undefined ? 'your default h' : `h = ${c.h}`;
        return gradsProblem(c, output, 'gradient-check', FINITE_DIFFERENCE, `with ${h}`, (leaf) => `∂f/∂${leaf}`);
      },
    },
  ],
});
