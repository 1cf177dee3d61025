// SGD with momentum: move along a running average of the gradients (the velocity a).
import { gradientOf, type Parameter } from './parameter.js';

export interface MomentumOptions {
  /** α */
  learningRate: number;
  /** μ: how much of the previous velocity is kept */
  momentum: number;
}

export class Momentum {
  readonly learningRate: number; // α
  readonly momentum: number; // μ
  // TODO: ~4 words

  constructor(
    readonly parameters: Parameter, // θ
    options: MomentumOptions,
  ) {
    this.learningRate = options.learningRate;
    this.momentum = options.momentum;
    // TODO: ~7 words
    throw new Error('not implemented yet: write the Momentum constructor');
  }

  step(): void {
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // TODO: ~31 words
    throw new Error('not implemented yet: write Momentum.step()');
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
