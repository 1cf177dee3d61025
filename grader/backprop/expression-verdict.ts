// Judges what a driver sent back for an expression case against PyTorch's numbers, and says what is wrong in a
// learner's words: which operation, which value, expected against got, and the typical mistake it matches (or what
// the wrong numbers' relation to the right ones shows, formula-findings.ts).
import { describeStep, outputName, UNARY_OPS, type Step } from './expression.js';
import { mistakeNote, type ExpressionCase, type ExpressionExercise, type Grads } from './fixtures.js';
import { close, formatNumber, type Tolerance } from './tolerance.js';
import { unaryDerivativeFinding, valueFinding } from './formula-findings.js';

export interface ExpressionOutput {
  values?: Record<string, number>;
  linked?: Record<string, boolean>;
  /** For a step built from other operations (a − b is a + (−b)): the inputs no chain of children reaches. */
  unreached?: Record<string, string[]>;
  grads: Grads;
  stepGrads?: Record<string, number>;
}

const stepNamed = (c: ExpressionCase, name: string): Step => c.steps.find((s) => s[0] === name)!;

/** "with a = 2, b = −3" */
export const leavesText = (c: ExpressionCase): string =>
  `with ${Object.entries(c.leaves)
    .map(([n, x]) => `${n} = ${formatNumber(x)}`)
    .join(', ')}`;

/** The first step whose forward value is wrong, from the inputs on. */
export function valuesProblem(c: ExpressionCase, values: Record<string, number> = {}): string | null {
  // The right values so far: the inputs of the first wrong step, at which the usual wrong formulas are evaluated.
  const known = new Map<string, number>(Object.entries(c.leaves));
  for (const step of c.steps) {
    const [name, op, receiver, operand] = step;
    const expected = c.expected.values[name]!;
    if (!close(values[name] ?? NaN, expected, { absolute: 1e-12, relative: 1e-9 })) {
      const input = (n: string | number): [string, number] =>
        typeof n === 'number' ? [formatNumber(n), n] : [n, known.get(n) ?? NaN];
      const finding = valueFinding(
        name,
        op,
        input(receiver),
        operand === undefined ? undefined : input(operand),
        values[name] ?? NaN,
        expected,
      );
      return (
        `${describeStep(step)} (${leavesText(c)}): ${name}.data should be ${formatNumber(expected)}, got ${formatNumber(values[name])}.` +
        (finding ? `\nDiagnosis: ${finding}.` : '')
      );
    }
    known.set(name, expected);
  }
  return null;
}

/** How each operation built from others is composed, as the instructions suggest. */
const COMPOSED: Partial<Record<string, string>> = {
  neg: '−a as a.mul(−1)',
  sub: 'a − b as a.add(b.neg())',
  div: 'a / b as a.mul(b.pow(−1))',
};

/** The first step whose value does not list the values it was made from as children. */
export function linkProblem(
  c: ExpressionCase,
  linked: Record<string, boolean> = {},
  unreached: Record<string, string[]> = {},
): string | null {
  for (const [name, isLinked] of Object.entries(linked)) {
    if (isLinked) continue;
    const step = stepNamed(c, name);
    const missing = unreached[name];
    if (missing) {
      const inputs = missing.join(' and ');
      return (
        `${describeStep(step)}: the result of ${step[1]}() is not connected to ${inputs}: no chain of children ` +
        `leads from ${name} back to ${inputs}, so no gradient can reach ${missing.length > 1 ? 'them' : 'it'}. ` +
        `Build it from ${inputs} with operations that record their children (${COMPOSED[step[1]] ?? 'add, mul, pow'}), ` +
        'not as a new Value made from the number alone.'
      );
    }
    const inputs = [step[2], typeof step[3] === 'string' ? step[3] : undefined].filter(Boolean).join(' and ');
    return `${describeStep(step)}: ${name}.children must hold ${inputs}, the values it was made from, or no gradient can flow back to them.`;
  }
  return null;
}

/**
 * The typical mistakes whose gradients these are, as the lines to add below a failure; "" when none matches. The
 * leaves decide; the steps' gradients, where both sides have them, tell apart mistakes that agree on the leaves.
 */
export function diagnosis(
  c: ExpressionCase,
  output: ExpressionOutput,
  exercise: ExpressionExercise,
  tolerance: Tolerance,
): string {
  const agree = (got: Record<string, number> | undefined, expected: Record<string, number> | undefined) =>
    !got || !expected || Object.entries(expected).every(([n, x]) => close(got[n] ?? NaN, x, tolerance));
  const matches = Object.entries(c.mistakes)
    .filter(([, outcome]) => agree(output.grads, outcome.grads) && agree(output.stepGrads, outcome.stepGrads))
    .map(([id]) => mistakeNote(exercise, id));
  if (matches.length === 0) return '';
  const [first, ...others] = matches;
  return [`Diagnosis: this is a typical mistake: ${first}.`, ...others.map((note) => `Or this one: ${note}.`)].join(
    '\n',
  );
}

/**
 * Where the gradient first goes wrong, from the output back: the value whose grad is wrong though every value
 * using it has the right one, and the operations that use it (one of their local backward steps is wrong).
 */
function firstWrongStep(c: ExpressionCase, stepGrads: Record<string, number>, tolerance: Tolerance): string {
  for (const step of [...c.steps].reverse()) {
    const [name] = step;
    const expected = c.expected.stepGrads[name]!;
    if (close(stepGrads[name] ?? NaN, expected, tolerance)) continue;
    if (name === outputName(c))
      return ` The output's own grad should be ${formatNumber(expected)}, got ${formatNumber(stepGrads[name])}.`;
    const users = c.steps.filter((s) => s[2] === name || s[3] === name).map(describeStep);
    return (
      ` Going back from the output, the first value whose grad is wrong is ${name} (${describeStep(step)}): ` +
      `expected ${formatNumber(expected)}, got ${formatNumber(stepGrads[name])}; it receives its gradient from ${users.join(' and ')}.`
    );
  }
  return '';
}

/**
 * Every leaf whose grad is wrong, expected against got, then where it goes wrong and the matching mistake (or
 * `cause`, when the caller already knows it).
 */
export function gradsProblem(
  c: ExpressionCase,
  output: ExpressionOutput,
  exercise: ExpressionExercise,
  tolerance: Tolerance,
  after: string,
  what: (leaf: string) => string = (leaf) => `${leaf}.grad`,
  cause?: string,
): string | null {
  const wrong = Object.entries(c.expected.grads).filter(([n, x]) => !close(output.grads[n] ?? NaN, x, tolerance));
  if (wrong.length === 0) return null;
  const list = wrong
    .map(([n, x]) => `${what(n)} should be ${formatNumber(x)}, got ${formatNumber(output.grads[n])}`)
    .join('; ');
  const started = Object.entries(c.startGrads ?? {})
    .map(([n, g]) => `${n}.grad started at ${formatNumber(g)}`)
    .join(', ');
  const where = output.stepGrads ? firstWrongStep(c, output.stepGrads, tolerance) : '';
  const sentence = `${c.name} (${leavesText(c)}${started ? `; ${started}` : ''}): ${after}, ${list}.${where}`;
  const diagnosed =
    (cause && `Diagnosis: ${cause}`) ||
    diagnosis(c, output, exercise, tolerance) ||
    gradsFinding(c, output, exercise, tolerance);
  return diagnosed ? `${sentence}\n${diagnosed}` : sentence;
}

/**
 * What the wrong gradients show by their relation to the right ones, when no typical mistake matches: the leaves'
 * earlier gradients dropped (zeroed before the sweep), local steps that add nothing, or a unary operation's local
 * derivative that is a usual wrong formula. '' when none of these is sure.
 */
function gradsFinding(
  c: ExpressionCase,
  output: ExpressionOutput,
  exercise: ExpressionExercise,
  tolerance: Tolerance,
): string {
  const leaves = Object.entries(c.expected.grads);
  const got = (n: string) => output.grads[n] ?? NaN;
  const start = (n: string) => c.startGrads?.[n] ?? 0;
  const started = Object.keys(c.startGrads ?? {});
  // Every leaf holds the right gradient minus what it held before: the earlier gradients were set to 0 first.
  if (
    started.some((n) => start(n) !== 0) &&
    leaves.every(([n, x]) => close(got(n), x - start(n), tolerance)) &&
    leaves.some(([n, x]) => !close(got(n), x, tolerance))
  ) {
    const held = started.map((n) => `${n}.grad was ${formatNumber(start(n))}`).join(', ');
    return (
      `Diagnosis: the gradients the leaves held before the pass are lost (${held}): each grad is set to 0 before ` +
      'the sweep instead of being added to. backward() must only add: setting grads to 0 belongs to the training loop, before the pass.'
    );
  }
  const local = exercise === 'value' || exercise === 'nonlinearities';
  const wrong = leaves.filter(([n, x]) => !close(got(n), x, tolerance));
  // Local steps that leave every input's grad at 0: out.grad (0 when the operation is built) read too early.
  if (local && wrong.length > 0 && wrong.every(([n, x]) => got(n) === start(n) && x !== start(n))) {
    const stayed = wrong.map(([n]) => `${n}.grad at ${formatNumber(start(n))}`).join(' and ');
    return (
      `Diagnosis: the local backward step adds nothing: ${wrong.length > 1 ? 'each grad stays where it started' : 'the grad stays where it started'} ` +
      `(${stayed}), whatever out.grad is. Read out.grad (and the values) inside the step, ` +
      'when backward runs: a copy taken when the operation is built holds 0, the grad it had then.'
    );
  }
  // One unary operation on a leaf: its local derivative is the leaf's grad over out.grad.
  const [only] = c.steps;
  if (local && c.steps.length === 1 && only && UNARY_OPS.has(only[1]) && wrong.length === 1) {
    const [, op, receiver] = only;
    const outGrad = c.outputGrad ?? 1;
    const a = c.leaves[receiver] ?? NaN;
    const t = c.expected.values[only[0]] ?? NaN;
    const derivative = (got(receiver) - start(receiver)) / outGrad;
    const expected = (c.expected.grads[receiver]! - start(receiver)) / outGrad;
    const finding = unaryDerivativeFinding(op, [receiver, a], t, derivative, expected);
    if (finding) return `Diagnosis: ${finding}.`;
  }
  return '';
}
