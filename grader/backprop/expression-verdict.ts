// Judges what a driver sent back for an expression case against PyTorch's numbers, and says what is wrong in a
// learner's words: which operation, which value, expected against got, and the typical mistake it matches.
import { describeStep, outputName, type Step } from './expression.js';
import { mistakeNote, type ExpressionCase, type ExpressionExercise, type Grads } from './fixtures.js';
import { close, formatNumber, type Tolerance } from './tolerance.js';

export interface ExpressionOutput {
  values?: Record<string, number>;
  linked?: Record<string, boolean>;
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
  for (const step of c.steps) {
    const [name] = step;
    const expected = c.expected.values[name]!;
    if (!close(values[name] ?? NaN, expected, { absolute: 1e-12, relative: 1e-9 }))
      return `${describeStep(step)} (${leavesText(c)}): ${name}.data should be ${formatNumber(expected)}, got ${formatNumber(values[name])}.`;
  }
  return null;
}

/** The first step whose value does not list the values it was made from as children. */
export function linkProblem(c: ExpressionCase, linked: Record<string, boolean> = {}): string | null {
  for (const [name, isLinked] of Object.entries(linked)) {
    if (isLinked) continue;
    const step = stepNamed(c, name);
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

/** Every leaf whose grad is wrong, expected against got, then where it goes wrong and the matching mistake. */
export function gradsProblem(
  c: ExpressionCase,
  output: ExpressionOutput,
  exercise: ExpressionExercise,
  tolerance: Tolerance,
  after: string,
  what: (leaf: string) => string = (leaf) => `${leaf}.grad`,
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
  const diagnosed = diagnosis(c, output, exercise, tolerance);
  return diagnosed ? `${sentence}\n${diagnosed}` : sentence;
}
