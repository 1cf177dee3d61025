// Buggy nn: the regularisation covers the weights only, REGULARISATION·Σ w², leaving the biases out.
// A small neural network built from the engine: neurons, layers and a multi-layer perceptron, the hinge loss on
// a two-class data set, and plain gradient descent that trains it with the learner's own backward().
import { backward } from './backward.js';
import { relu } from './nonlinearities.js';
import { Value, type Operand } from './value.js';

/** A number in [0, 1), as Math.random gives; pass a seeded one to make a run repeat. */
export type Random = () => number;

/** How strongly the loss pulls every parameter towards 0 (L2 regularisation). */
export const REGULARISATION = 1e-4;

export class Neuron {
  /** w₁…wₙ, one per input, drawn uniformly from [−1, 1]. */
  readonly w: Value[];
  /** b, starting at 0. */
  readonly b: Value;

  constructor(
    nin: number,
    /** ReLU on the output; false for the last layer, which stays linear. */
    readonly nonlin = true,
    random: Random = Math.random,
  ) {
    this.w = Array.from({ length: nin }, () => new Value(random() * 2 - 1));
    this.b = new Value(0);
  }

  /** Σ wᵢ·xᵢ + b, through ReLU unless this neuron is linear. */
  call(x: Operand[]): Value {
    const act = this.w.reduce((sum, wi, i) => sum.add(wi.mul(x[i]!)), this.b);
    return this.nonlin ? relu(act) : act;
  }

  /** Its weights, then its bias. */
  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

export class Layer {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number, nonlin = true, random: Random = Math.random) {
    this.neurons = Array.from({ length: nout }, () => new Neuron(nin, nonlin, random));
  }

  /** One output per neuron, all on the same inputs. */
  call(x: Operand[]): Value[] {
    return this.neurons.map((neuron) => neuron.call(x));
  }

  /** Every neuron's parameters, neuron after neuron. */
  parameters(): Value[] {
    return this.neurons.flatMap((neuron) => neuron.parameters());
  }
}

export class MLP {
  readonly layers: Layer[];

  /** MLP(2, [16, 16, 1]): 2 inputs, two hidden layers of 16 ReLU neurons, one linear output. */
  constructor(nin: number, nouts: number[], random: Random = Math.random) {
    const sizes = [nin, ...nouts];
    this.layers = nouts.map((nout, i) => new Layer(sizes[i]!, nout, i !== nouts.length - 1, random));
  }

  /** The layers in sequence: each one's outputs are the next one's inputs. */
  call(x: Operand[]): Value[] {
    let values: Operand[] = x;
    for (const layer of this.layers) values = layer.call(values);
    return values as Value[];
  }

  /** Every layer's parameters, first layer first. */
  parameters(): Value[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }
}

/**
 * The mean over the points of relu(1 − yᵢ·scoreᵢ), plus REGULARISATION·Σ p², and the share of points whose score
 * has the sign of their label. Labels are −1 or +1; a point's score is the model's single output.
 */
export function hingeLoss(model: MLP, points: number[][], labels: number[]): { loss: Value; accuracy: number } {
  const scores = points.map((x) => model.call(x)[0]!);
  const margins = scores.map((score, i) => relu(score.mul(-labels[i]!).add(1)));
  const dataLoss = margins.reduce((sum, m) => sum.add(m), new Value(0)).mul(1 / margins.length);
  const weights = model.layers.flatMap((layer) => layer.neurons.flatMap((neuron) => neuron.w));
  const regLoss = weights
    .map((w) => w.mul(w))
    .reduce((sum, sq) => sum.add(sq), new Value(0))
    .mul(REGULARISATION);
  const correct = scores.filter((score, i) => Math.sign(score.data) === labels[i]).length;
  return { loss: dataLoss.add(regLoss), accuracy: correct / scores.length };
}

/** The learning rate at step k (from 0): it falls from 1.0 by 0.009 a step. */
export function learningRate(k: number): number {
  return 1.0 - (0.9 * k) / 100;
}

/** One step of gradient descent at step k: forward, zero every grad, backward, update; the loss and accuracy before it. */
export function trainingStep(
  model: MLP,
  points: number[][],
  labels: number[],
  k: number,
): { loss: number; accuracy: number } {
  const { loss, accuracy } = hingeLoss(model, points, labels);
  for (const p of model.parameters()) p.grad = 0; // or this step adds to the last one's gradient
  backward(loss);
  for (const p of model.parameters()) p.data -= learningRate(k) * p.grad;
  return { loss: loss.data, accuracy };
}

/** Full-batch gradient descent for nSteps steps: the loss and accuracy before each update. */
export function train(
  model: MLP,
  points: number[][],
  labels: number[],
  nSteps: number,
): Array<{ loss: number; accuracy: number }> {
  const history: Array<{ loss: number; accuracy: number }> = [];
  for (let k = 0; k < nSteps; k++) history.push(trainingStep(model, points, labels, k));
  return history;
}
