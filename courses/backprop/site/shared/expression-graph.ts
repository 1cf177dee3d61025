// Builds one of the grader's expressions (named leaves, then steps [name, op, receiver, operand]) with any engine:
// the reference solution's at build time, the learner's in the browser. The engine says how a leaf and a step are made.
import { outputName, type ExpressionSpec, type Step } from '../../../../grader/backprop/expression.js';
import type { ValueLike } from './graph-snapshot.js';

export interface Engine {
  leaf(x: number, name: string): ValueLike;
  /** The step's value, from its receiver and its operand (another value, or a plain number as the step gives it). */
  apply(step: Step, receiver: ValueLike, operand: ValueLike | number | undefined): ValueLike;
}

export interface BuiltExpression {
  output: ValueLike;
  /** Every leaf and step value, by its name. */
  named: Map<string, ValueLike>;
}

export function buildExpression(spec: Pick<ExpressionSpec, 'leaves' | 'steps'>, engine: Engine): BuiltExpression {
  const named = new Map<string, ValueLike>();
  for (const [name, x] of Object.entries(spec.leaves)) named.set(name, engine.leaf(x, name));
  for (const step of spec.steps) {
    const [name, , receiver, operand] = step;
    named.set(
      name,
      engine.apply(step, named.get(receiver)!, typeof operand === 'string' ? named.get(operand)! : operand),
    );
  }
  return { output: named.get(outputName(spec))!, named };
}

/** The value → name map a snapshot labels its nodes with. */
export const namesOf = (built: BuiltExpression): Map<ValueLike, string> =>
  new Map([...built.named].map(([name, value]) => [value, name]));
