// The expression cases every engine exercise shares, as plain data: named leaves and a list of steps
// [name, op, receiver, operand?], the last of which is the output. The fixture generator (PyTorch) reads the same.

export type Op = 'add' | 'mul' | 'pow' | 'neg' | 'sub' | 'div' | 'tanh' | 'relu' | 'exp' | 'log';

/** [name, op, receiver, operand?]: the operand is another step's or leaf's name, or a plain number. */
export type Step = [name: string, op: Op, receiver: string, operand?: string | number];

export interface ExpressionSpec {
  leaves: Record<string, number>;
  steps: Step[];
  /** The gradient the output starts with (the grader sets it when it runs the backward pass itself); 1 by default. */
  outputGrad?: number;
  /** Gradients some leaves hold before the backward pass: it must add to them. */
  startGrads?: Record<string, number>;
  /** A gradient the output holds before backward() (from an earlier pass): backward() sets it to 1. */
  outputStartGrad?: number;
  /** The step of a numerical gradient (gradient-check); the learner's default when absent. */
  h?: number;
  /** The grader's own values of the case, as numbers (backward, nonlinearities: see grader-value.ts). */
  graph?: RecordedGraph;
}

/** One value as the generator wrote it: `learner` marks a place the learner's own value takes. */
export interface RecordedValue {
  /** The step that made it (its index in the case's steps), or −1 for a leaf. */
  step: number;
  /** The leaf's or the step's name; none for a value an operation made on its own (a constant, −b inside a − b). */
  name?: string;
  learner?: true;
  data?: number;
  /** Numbers of earlier values. */
  children?: number[];
  /** ∂value/∂child for each child, at the case's numbers. */
  partials?: number[];
}

export interface RecordedGraph {
  /** Every value, leaves first; in the order it was made, but for a reveal probe's graph, whose order is shuffled. */
  nodes: RecordedValue[];
  /**
   * The numbers of the values the output depends on, depth first from it, each after its children (none for a
   * reveal probe's graph, which the order check never reads).
   */
  order?: number[];
}

export const UNARY_OPS: ReadonlySet<Op> = new Set(['neg', 'tanh', 'relu', 'exp', 'log']);
export const NONLINEARITIES: ReadonlySet<Op> = new Set(['tanh', 'relu', 'exp', 'log']);

const SYMBOLS: Partial<Record<Op, string>> = { add: '+', mul: '·', pow: '**', sub: '−', div: '/' };

/** A step as a learner reads it: "c = a · b", "d = c ** 2", "e = tanh(d)", "f = −e". */
export function describeStep([name, op, receiver, operand]: Step): string {
  if (op === 'neg') return `${name} = −${receiver}`;
  if (UNARY_OPS.has(op)) return `${name} = ${op}(${receiver})`;
  return `${name} = ${receiver} ${SYMBOLS[op]} ${operand}`;
}

/** The call the learner's code makes for a step: "a.mul(b)", "tanh(d)". */
export function describeCall([, op, receiver, operand]: Step): string {
  if (NONLINEARITIES.has(op)) return `${op}(${receiver})`;
  return `${receiver}.${op}(${operand ?? ''})`;
}

export const outputName = (spec: Pick<ExpressionSpec, 'steps'>): string => spec.steps[spec.steps.length - 1]![0];

/** The expression on plain numbers, leaves in their listed order: the function a numerical gradient probes. */
export function evaluatePlain(spec: ExpressionSpec, xs: readonly number[]): number {
  const env = new Map<string, number>(Object.keys(spec.leaves).map((name, i) => [name, xs[i]!]));
  const value = (x: string | number | undefined): number => (typeof x === 'number' ? x : env.get(x!)!);
  for (const [name, op, receiver, operand] of spec.steps) {
    const a = env.get(receiver)!;
    const b = value(operand);
    const results: Record<Op, () => number> = {
      add: () => a + b,
      mul: () => a * b,
      pow: () => a ** b,
      neg: () => -a,
      sub: () => a - b,
      div: () => a / b,
      tanh: () => Math.tanh(a),
      relu: () => (a > 0 ? a : 0),
      exp: () => Math.exp(a),
      log: () => Math.log(a),
    };
    env.set(name, results[op]());
  }
  return env.get(outputName(spec))!;
}
