// The nonlinearities exercise: tanh, relu, exp and log of exercises/backprop/nonlinearities.ts, amid the grader's
// own values and arithmetic, must give PyTorch's values and gradients (relu's at exactly 0 included).
import { defineExpressionSuite, outputOf } from './expression-suite.js';
import { gradsProblem, linkProblem, valuesProblem, type ExpressionOutput } from './expression-verdict.js';
import { EXPRESSION } from './tolerance.js';

defineExpressionSuite({
  exercise: 'nonlinearities',
  files: ['nonlinearities.ts', 'value.ts'],
  tolerance: EXPRESSION,
  hiddenIs: 'builds another expression with tanh, relu, exp and log and runs its local backward steps',
  checks: [
    {
      title: (c) => `values and gradients follow PyTorch: ${c.name}`,
      jobs: [{ suffix: 'expression', driver: 'nonlinearityExpression' }],
      judge(c, result) {
        const output = outputOf<ExpressionOutput>(result('expression'));
        return (
          valuesProblem(c, output.values) ??
          linkProblem(c, output.linked) ??
          gradsProblem(
            c,
            output,
            'nonlinearities',
            EXPRESSION,
            `after the local backward steps, from out.grad = ${c.outputGrad ?? 1}`,
          )
        );
      },
    },
  ],
});
