// The site's backward pass over the learner's values, for the pages whose exercise is the operations alone: the
// grader's replay of the case's steps (grader/backprop/step-replay.ts), so the page shows the numbers the grade
// judges, with the output's grad set to 1 and each value's localBackward() run, output first.
import { outputName, type ExpressionSpec } from '../../../../grader/backprop/expression.js';
import { replayOrder } from '../../../../grader/backprop/step-replay.js';
import { childrenOf, MAX_SNAPSHOT_VALUES, type ValueLike } from '../shared/graph-snapshot.js';
import { learnerCall } from './learner-failure.js';

type Walked = ValueLike & { localBackward?: unknown };

/** ∂output/∂output. */
const SEED = 1;

/** Runs the local backward steps of `named` (every leaf and step value of `spec`, by name), output first. */
export function walkBackward(
  spec: Pick<ExpressionSpec, 'leaves' | 'steps'>,
  named: ReadonlyMap<string, Walked>,
  label: (value: Walked) => string,
): void {
  const output = named.get(outputName(spec))!;
  const order = replayOrder(
    Object.keys(spec.leaves).map((name) => named.get(name)!),
    spec.steps.map(([name]) => named.get(name)!),
    (value) => learnerCall(`reading ${label(value)}.children`, () => childrenOf(value) as Walked[]),
    MAX_SNAPSHOT_VALUES,
    () => {
      throw new Error(
        `the graph holds more than ${MAX_SNAPSHOT_VALUES} values: does an operation keep making new ones?`,
      );
    },
  );
  learnerCall(`setting ${label(output)}.grad to 1`, () => {
    output.grad = SEED;
  });
  for (const value of order) {
    learnerCall(`the localBackward() of ${label(value)}`, () => {
      const step = value.localBackward;
      if (typeof step !== 'function') throw new Error('localBackward is not a function');
      step.call(value);
    });
  }
}
