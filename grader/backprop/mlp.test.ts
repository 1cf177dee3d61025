// The mlp exercise: Neuron, Layer and MLP of exercises/backprop/nn.ts, built on the learner's own engine, must
// have micrograd's shape, score and lose as the same network in PyTorch does, and train step for step like it.
import { beforeAll, test } from 'vitest';
import { forEachTarget } from '../harness/grade-targets.js';
import { hiddenTestName } from '../harness/hidden-tests.js';
import { describeFailure, isNotImplemented, SessionProblem, startSession } from '../harness/learner-session.js';
import type { Job } from '../sandbox/sandbox-protocol.js';
import { COURSE, outputOf } from './expression-suite.js';
import { fixtures, hidden, mistakeNote, type History, type MlpData, type TrainCase } from './fixtures.js';
import { lossFinding } from './formula-findings.js';
import { close, firstMismatch, formatNumber, NETWORK } from './tolerance.js';

const FILES = ['nn.ts', 'value.ts', 'backward.ts', 'nonlinearities.ts'];
const { fresh, evaluate, zeroScores, outputs, train } = fixtures.mlp;
const hiddenTrain = hidden?.mlp.train ?? [];

const networkInput = (c: MlpData) => ({
  sizes: c.sizes,
  parameters: c.parameters,
  data: { points: c.points, labels: c.labels },
});
const mlpName = (sizes: number[]) => `MLP(${sizes[0]}, [${sizes.slice(1).join(', ')}])`;
const trainJob = (name: string, c: TrainCase): Job => ({
  name,
  driver: 'mlpTrain',
  input: { ...networkInput(c), nSteps: c.nSteps },
});

const jobs: Job[] = [
  { name: 'shape', driver: 'mlpShape', input: { sizes: fresh.sizes } },
  { name: 'evaluate', driver: 'mlpEvaluate', input: networkInput(evaluate) },
  { name: 'zero scores', driver: 'mlpEvaluate', input: networkInput(zeroScores) },
  {
    name: 'outputs',
    driver: 'mlpOutputs',
    input: { sizes: outputs.sizes, parameters: outputs.parameters, points: outputs.points },
  },
  trainJob('train', train),
  ...hiddenTrain.map((c, i): Job => ({ ...trainJob(`hidden ${i}`, c), hidden: true })),
];

interface Shape {
  parameterCount: number;
  layers: Array<Array<{ weights: number[]; bias: number; nonlin: boolean | null }>> | null;
  inOrder: boolean;
}
interface Evaluated {
  parameterCount: number;
  scores?: number[];
  loss?: number;
  accuracy?: number;
  grads?: number[];
}
interface Outputs {
  parameterCount: number;
  outputs?: number[][];
}
interface Trained {
  parameterCount: number;
  history?: History[];
  parameters?: number[];
}

/** What accuracy is, as a failure about it says. */
const ACCURACY_RULE = 'the share of points whose score has the sign of their label: Math.sign(score) === label.';

/**
 * A share of points is a whole count over N: summed as 1/N at a time it may be a bit off (0.8400000000000004), and
 * one point more or fewer is 1/N away, far more than this.
 */
const sameAccuracy = (got: number | undefined, expected: number): boolean =>
  typeof got === 'number' && Math.abs(got - expected) <= 1e-9;

/** What the learner's loss is, from its parts at the right scores (formula-findings.ts); '' when unsure. */
function lossDiagnosis(got: number): string {
  const parameters = Array.isArray(evaluate.parameters) ? evaluate.parameters : undefined;
  const finding = lossFinding(evaluate.expected.scores, evaluate.labels, parameters, got);
  return finding ? `\nDiagnosis: ${finding}.` : '';
}

const diagnosed = (id: string) => `\nDiagnosis: this is a typical mistake: ${mistakeNote('mlp', id)}.`;

/** The network must have as many parameters as PyTorch's before anything else can be compared. */
function countProblem(sizes: number[], count: number): string | null {
  const expected = sizes.slice(1).reduce((n, nout, l) => n + nout * (sizes[l]! + 1), 0);
  if (count === expected) return null;
  const weightsOnly = sizes.slice(1).reduce((n, nout, l) => n + nout * sizes[l]!, 0);
  return (
    `${mlpName(sizes)}.parameters() returned ${count} values; it needs ${expected} (each neuron: one weight per input, then its bias).` +
    (count === weightsOnly ? diagnosed('bias-forgotten') : '')
  );
}

/** The index of every bias in parameters() order: each neuron lists its weights, then its bias. */
function biasIndices(sizes: number[]): number[] {
  const out: number[] = [];
  let at = 0;
  sizes.slice(1).forEach((nout, l) => {
    const nin = sizes[l]!;
    for (let n = 0; n < nout; n++) {
      at += nin;
      out.push(at++);
    }
  });
  return out;
}

/**
 * What the wrong parameter gradients have in common, when that names the cause: every wrong one is a bias and
 * stays 0 (the bias does not take part in the neuron's output). '' otherwise.
 */
function gradsFinding(sizes: number[], got: number[], expected: number[]): string {
  const wrong = expected.map((_, i) => i).filter((i) => firstMismatch([got[i] ?? NaN], [expected[i]!], NETWORK) !== -1);
  const biases = new Set(biasIndices(sizes));
  if (wrong.length === 0 || !wrong.every((i) => biases.has(i) && got[i] === 0)) return '';
  const shown = wrong.slice(0, 3).join(', ') + (wrong.length > 3 ? ', …' : '');
  return (
    `\nDiagnosis: only biases are wrong, and their grads stay 0 (parameters ${shown}: the last of each neuron's), ` +
    "while every weight's grad is right: the bias takes no part in the neuron's output. Add b to Σ wᵢ·xᵢ in the " +
    "neuron's call()."
  );
}

/** Which catalogued mistake's numbers these are, by the first `n` entries of one of its series. */
function matching(c: { mistakes: Record<string, object> }, key: string, got: number[]): string {
  for (const [id, outcome] of Object.entries(c.mistakes)) {
    const series = (outcome as Record<string, unknown>)[key] as number[] | undefined;
    if (series && firstMismatch(got, series, NETWORK) === -1) return diagnosed(id);
  }
  return '';
}

/** A loss that never changes while PyTorch's does: the parameters never move. '' otherwise. */
function stuckLoss(losses: number[], expected: number[]): string {
  const still = losses.length > 2 && losses.every((l) => l === losses[0]);
  if (!still || expected.every((l) => l === expected[0])) return '';
  return (
    `\nDiagnosis: your loss is ${formatNumber(losses[0])} at every step: the parameters never move. The update ` +
    'sees gradients of 0 (are they set to 0 after backward() and before the update? zero them before backward()) ' +
    'or does not write p.data. The network trains on your own engine: if `npm run grade value` or ' +
    '`npm run grade backward` fails too, fix that first (a backward() that leaves every grad at 0 looks the same here).'
  );
}

function trainProblem(c: TrainCase, trained: Trained): string | null {
  const count = countProblem(c.sizes, trained.parameterCount);
  if (count) return count;
  const losses = (trained.history ?? []).map((h) => h.loss);
  const expected = c.expected.history;
  const at = firstMismatch(
    losses,
    expected.map((h) => h.loss),
    NETWORK,
  );
  if (at !== -1) {
    const mistakes = {
      mistakes: Object.fromEntries(
        Object.entries(c.mistakes).map(([id, m]) => [id, { losses: m.history?.map((h) => h.loss) }]),
      ),
    };
    return (
      `${c.name}: the loss at step ${at} (of ${c.nSteps}) should be ${formatNumber(expected[at]?.loss)}, got ${formatNumber(losses[at])}` +
      (at === 0
        ? ' (the first step: look at the network and hingeLoss before the update).'
        : ' (step 0 agreed: look at the update and at zeroing the gradients).') +
      (matching(mistakes, 'losses', losses) ||
        stuckLoss(
          losses,
          expected.map((h) => h.loss),
        ))
    );
  }
  const accuracyAt = expected.findIndex((h, k) => !sameAccuracy(trained.history![k]!.accuracy, h.accuracy));
  if (accuracyAt !== -1)
    return `${c.name}: the accuracy at step ${accuracyAt} should be ${expected[accuracyAt]!.accuracy}, got ${trained.history![accuracyAt]!.accuracy}: ${ACCURACY_RULE}`;
  const p = firstMismatch(trained.parameters ?? [], c.expected.parameters, NETWORK);
  if (p !== -1)
    return `${c.name}: after ${c.nSteps} steps, parameter ${p} (in parameters() order) should be ${formatNumber(c.expected.parameters[p])}, got ${formatNumber(trained.parameters?.[p])}: the last update is missing or wrong.`;
  return null;
}

forEachTarget((target) => {
  const session = startSession(target, COURSE, FILES, jobs);
  beforeAll(() => session.settled);
  const result = (name: string) => session.get().result(name);

  test(`a fresh ${mlpName(fresh.sizes)} has ${fresh.parameterCount} parameters`, () => {
    const problem = countProblem(fresh.sizes, outputOf<Shape>(result('shape')).parameterCount);
    if (problem) throw new SessionProblem(problem);
  });

  test('weights start uniform in [−1, 1], biases at 0; parameters() lists each neuron’s weights, then its bias', () => {
    const shape = outputOf<Shape>(result('shape'));
    if (!shape.layers)
      throw new SessionProblem(
        'the network is not laid out as the instructions say: an MLP has layers, each Layer has neurons, each Neuron has w (its weights) and b (its bias).',
      );
    const neurons = shape.layers.flat();
    const biases = neurons.map((n) => n.bias);
    if (biases.some((b) => b !== 0))
      throw new SessionProblem(
        `a fresh network's biases are ${biases.slice(0, 4).map(formatNumber).join(', ')}, …${diagnosed('bias-nonzero-start')}`,
      );
    const weights = neurons.flatMap((n) => n.weights);
    const outside = weights.find((w) => !(w >= -1 && w <= 1));
    if (outside !== undefined)
      throw new SessionProblem(`a fresh network has the weight ${formatNumber(outside)}, outside [−1, 1].`);
    if (new Set(weights).size < weights.length / 2 || Math.min(...weights) > -0.5 || Math.max(...weights) < 0.5)
      throw new SessionProblem(
        `a fresh network's ${weights.length} weights are not spread over [−1, 1] (from ${formatNumber(Math.min(...weights))} to ${formatNumber(Math.max(...weights))}): draw each one as random() * 2 - 1.`,
      );
    if (!shape.inOrder)
      throw new SessionProblem(
        'parameters() must list the values the neurons hold, in order: layer after layer, neuron after neuron, its weights w and then its bias b.',
      );
  });

  test('every layer goes through ReLU except the last, which stays linear', () => {
    const shape = outputOf<Shape>(result('shape'));
    const flags = shape.layers?.map((layer) => layer.map((n) => n.nonlin)) ?? [];
    const last = flags.length - 1;
    const wrong = flags.findIndex((layer, l) => layer.some((f) => f !== null && f !== (l !== last)));
    if (wrong === -1) return;
    const problem = wrong === last ? diagnosed('relu-on-last-layer') : '';
    throw new SessionProblem(
      `layer ${wrong + 1} of ${flags.length} has nonlin = ${flags[wrong]!.find((f) => f !== (wrong !== last))}: every neuron of a hidden layer uses ReLU (nonlin = true), the last layer's do not (nonlin = false).${problem}`,
    );
  });

  test(`scores follow PyTorch: ${evaluate.name}`, () => {
    const out = outputOf<Evaluated>(result('evaluate'));
    const count = countProblem(evaluate.sizes, out.parameterCount);
    if (count) throw new SessionProblem(count);
    const at = firstMismatch(out.scores ?? [], evaluate.expected.scores, NETWORK);
    if (at !== -1)
      throw new SessionProblem(
        `${evaluate.name}: the score of point ${at}, (${evaluate.points[at]!.map(formatNumber).join(', ')}), should be ${formatNumber(evaluate.expected.scores[at])}, got ${formatNumber(out.scores?.[at])}.` +
          matching(evaluate, 'scores', out.scores ?? []),
      );
  });

  test(`hingeLoss() gives PyTorch's loss and accuracy: ${evaluate.name}`, () => {
    const out = outputOf<Evaluated>(result('evaluate'));
    const count = countProblem(evaluate.sizes, out.parameterCount);
    if (count) throw new SessionProblem(count);
    const { loss, accuracy } = evaluate.expected;
    if (!close(out.loss ?? NaN, loss, NETWORK))
      throw new SessionProblem(
        `${evaluate.name}: the loss should be ${formatNumber(loss)}, got ${formatNumber(out.loss)}: the mean of relu(1 − yᵢ·scoreᵢ) plus 1e-4·Σ p² over every parameter.` +
          (matching(
            {
              mistakes: Object.fromEntries(
                Object.entries(evaluate.mistakes).map(([id, m]) => [id, { loss: [m.loss] }]),
              ),
            },
            'loss',
            [out.loss ?? NaN],
          ) || lossDiagnosis(out.loss ?? NaN)),
      );
    if (!sameAccuracy(out.accuracy, accuracy))
      throw new SessionProblem(
        `${evaluate.name}: the accuracy should be ${accuracy}, got ${out.accuracy}: ${ACCURACY_RULE}`,
      );
    const zero = outputOf<Evaluated>(result('zero scores'));
    if (!sameAccuracy(zero.accuracy, zeroScores.expected.accuracy))
      throw new SessionProblem(
        `${zeroScores.name}: every score is exactly 0, and the accuracy should be ${zeroScores.expected.accuracy}, got ${zero.accuracy}: ` +
          'a score of 0 has the sign of neither label (sign(0) = 0), so it counts as wrong for both. Compare Math.sign(score) with the label.',
      );
  });

  test(`call() returns one Value per neuron of the last layer: ${outputs.name}`, () => {
    const out = outputOf<Outputs>(result('outputs'));
    const count = countProblem(outputs.sizes, out.parameterCount);
    if (count) throw new SessionProblem(count);
    const width = outputs.sizes[outputs.sizes.length - 1]!;
    outputs.expected.forEach((expected, i) => {
      const got = out.outputs?.[i] ?? [];
      if (got.length !== width)
        throw new SessionProblem(
          `${outputs.name}: call(point ${i}) returned ${got.length} value${got.length === 1 ? '' : 's'}; the last layer has ${width} neurons, and call() returns one Value for each.`,
        );
      const at = firstMismatch(got, expected, NETWORK);
      if (at !== -1)
        throw new SessionProblem(
          `${outputs.name}: output ${at} of call(point ${i}) should be ${formatNumber(expected[at])}, got ${formatNumber(got[at])}.`,
        );
    });
  });

  test(`the loss's gradient reaches every parameter as in PyTorch: ${evaluate.name}`, () => {
    const out = outputOf<Evaluated>(result('evaluate'));
    const count = countProblem(evaluate.sizes, out.parameterCount);
    if (count) throw new SessionProblem(count);
    const at = firstMismatch(out.grads ?? [], evaluate.expected.grads, NETWORK);
    if (at !== -1)
      throw new SessionProblem(
        `${evaluate.name}: after your backward() from the loss, parameter ${at} (in parameters() order) should have grad ${formatNumber(evaluate.expected.grads[at])}, got ${formatNumber(out.grads?.[at])}.` +
          (gradsFinding(evaluate.sizes, out.grads ?? [], evaluate.expected.grads) ||
            '\nThe network runs on your own engine: if `npm run grade backward` or `npm run grade value` fails too, fix that first.'),
      );
  });

  test(`train() follows PyTorch step for step: ${train.name}`, () => {
    const problem = trainProblem(train, outputOf<Trained>(result('train')));
    if (problem) throw new SessionProblem(problem);
  });

  hiddenTrain.forEach((c, i) => {
    test(hiddenTestName(i + 1), () => {
      const own = session.get().result(`hidden ${i}`, 'hidden');
      const first = result('shape');
      if (isNotImplemented(own) && isNotImplemented(first)) throw new SessionProblem(describeFailure(first.failure!));
      const problem = own.failure ? 'failed' : trainProblem(c, own.output as Trained);
      if (problem)
        throw new SessionProblem(
          "this hidden test trains another network on other points, and its losses leave PyTorch's",
        );
    });
  });
});
