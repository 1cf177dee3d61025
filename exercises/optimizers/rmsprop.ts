// RMSprop: divide each step by a running root-mean-square of the gradients, so steep directions take smaller steps.
import { gradientOf, type Parameter } from './parameter.js';

export interface RMSpropOptions {
  /** α */
  learningRate: number;
  /** μ: how much of the previous average of squared gradients is kept */
  momentum: number;
  /** ε: keeps the division finite where the gradients vanish */
  epsilon: number;
}

export class RMSprop {
  readonly learningRate: number; // α
  readonly momentum: number; // μ
  readonly epsilon: number; // ε
  // TODO: ~4 words

  constructor(
    readonly parameters: Parameter, // θ
    options: RMSpropOptions,
  ) {
    this.learningRate = options.learningRate;
    this.momentum = options.momentum;
    this.epsilon = options.epsilon;
    // TODO: ~7 words
    throw new Error('not implemented yet: write the RMSprop constructor');
  }

  step(): void {
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // TODO: ~38 words
    throw new Error('not implemented yet: write RMSprop.step()');
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
