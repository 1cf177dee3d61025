// Stochastic gradient descent: step against the gradient, scaled by the learning rate.
import { gradientOf, type Parameter } from './parameter.js';

export interface SGDOptions {
  /** α */
  learningRate: number;
}

export class SGD {
  readonly learningRate: number; // α

  constructor(
    readonly parameters: Parameter, // θ
    options: SGDOptions,
  ) {
    this.learningRate = options.learningRate;
  }

  step(): void {
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // TODO: ~14 words
    throw new Error('not implemented yet: write SGD.step()');
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
