// A small neural network built from the engine: neurons, layers and a multi-layer perceptron, the hinge loss on
// a two-class data set, and plain gradient descent that trains it with the learner's own backward().
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
    // TODO: ~16 words
    throw new Error('not implemented yet: write the Neuron constructor');
  }

  /** Σ wᵢ·xᵢ + b, through ReLU unless this neuron is linear. */
  call(x: Operand[]): Value {
    // TODO: ~22 words
    throw new Error('not implemented yet: write Neuron.call()');
  }

  /** Its weights, then its bias. */
  parameters(): Value[] {
    // TODO: ~5 words
    throw new Error('not implemented yet: write Neuron.parameters()');
  }
}

export class Layer {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number, nonlin = true, random: Random = Math.random) {
    // TODO: ~11 words
    throw new Error('not implemented yet: write the Layer constructor');
  }

  /** One output per neuron, all on the same inputs. */
  call(x: Operand[]): Value[] {
    // TODO: ~8 words
    throw new Error('not implemented yet: write Layer.call()');
  }

  /** Every neuron's parameters, neuron after neuron. */
  parameters(): Value[] {
    // TODO: ~7 words
    throw new Error('not implemented yet: write Layer.parameters()');
  }
}

export class MLP {
  readonly layers: Layer[];

  /** MLP(2, [16, 16, 1]): 2 inputs, two hidden layers of 16 ReLU neurons, one linear output. */
  constructor(nin: number, nouts: number[], random: Random = Math.random) {
    // TODO: ~20 words
    throw new Error('not implemented yet: write the MLP constructor');
  }

  /** The layers in sequence: each one's outputs are the next one's inputs. */
  call(x: Operand[]): Value[] {
    // TODO: ~18 words
    throw new Error('not implemented yet: write MLP.call()');
  }

  /** Every layer's parameters, first layer first. */
  parameters(): Value[] {
    // TODO: ~7 words
    throw new Error('not implemented yet: write MLP.parameters()');
  }
}

/**
 * The mean over the points of relu(1 − yᵢ·scoreᵢ), plus REGULARISATION·Σ p², and the share of points whose score
 * has the sign of their label (a score of exactly 0 has neither). Labels are −1 or +1; a point's score is the
 * model's single output.
 */
export function hingeLoss(model: MLP, points: number[][], labels: number[]): { loss: Value; accuracy: number } {
  // TODO: ~83 words
  throw new Error('not implemented yet: write hingeLoss()');
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
  // TODO: ~35 words
  throw new Error('not implemented yet: write trainingStep()');
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
