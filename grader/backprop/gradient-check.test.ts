// The gradient-check bonus: numericalGradient() of exercises/backprop/gradient-check.ts, by central differences on
// a plain function, must land within the central difference's own error of PyTorch's gradients.
import { defineExpressionSuite, outputOf } from './expression-suite.js';
import { gradsProblem, type ExpressionOutput } from './expression-verdict.js';
import type { ExpressionCase } from './fixtures.js';
import { close, FINITE_DIFFERENCE, formatNumber, SAME_ESTIMATE } from './tolerance.js';

interface CheckOutput extends ExpressionOutput {
  length: number;
  calls: number;
  unchanged: boolean;
}

/**
 * null when every estimate is the central difference at the case's h (the default, 1e-5, where it gives none), to
 * round-off: an estimate can be close to PyTorch's gradient with another h, and still not use the h it was given.
 */
function estimateProblem(c: ExpressionCase, output: CheckOutput): string | null {
  const estimates = c.expected.estimates ?? {};
  const wrong = Object.entries(estimates).find(([n, x]) => !close(output.grads[n] ?? NaN, x, SAME_ESTIMATE));
  if (!wrong) return null;
  const [leaf, expected] = wrong;
  const h = c.h === undefined ? 'the default h = 1e-5' : `h = ${c.h}`;
  return (
    `${c.name}: with ${h}, the central difference for ∂f/∂${leaf} is ${formatNumber(expected)}, got ` +
    `${formatNumber(output.grads[leaf])}: close to the exact gradient, but not from that h. ` +
    (c.h === undefined
      ? 'When no h is given, h must default to 1e-5.'
      : 'Nudge by the h the caller passes, and divide by 2h with that same h.')
  );
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
        return (
          gradsProblem(c, output, 'gradient-check', FINITE_DIFFERENCE, `with ${h}`, (leaf) => `∂f/∂${leaf}`) ??
          estimateProblem(c, output)
        );
      },
    },
  ],
});
