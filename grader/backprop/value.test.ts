// The value exercise: exercises/backprop/value.ts must compute every operation's value, record its inputs, and
// give it the local backward step PyTorch's autograd agrees with. The grader's replay of the case's steps runs them.
import { defineExpressionSuite, outputOf } from './expression-suite.js';
import { gradsProblem, linkProblem, valuesProblem, type ExpressionOutput } from './expression-verdict.js';
import { EXPRESSION } from './tolerance.js';

defineExpressionSuite({
  exercise: 'value',
  files: ['value.ts'],
  tolerance: EXPRESSION,
  hiddenIs: 'builds another expression from add, mul, pow, neg, sub and div and runs its local backward steps',
  checks: [
    {
      title: (c) => `values and gradients follow PyTorch: ${c.name}`,
      jobs: [{ suffix: 'expression', driver: 'valueExpression' }],
      judge(c, result) {
        const output = outputOf<ExpressionOutput>(result('expression'));
        return (
          valuesProblem(c, output.values) ??
          linkProblem(c, output.linked, output.unreached) ??
          gradsProblem(
            c,
            output,
            'value',
            EXPRESSION,
            `after the local backward steps, from out.grad = ${c.outputGrad ?? 1}`,
          )
        );
      },
    },
  ],
});
