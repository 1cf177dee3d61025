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
    // Hide: hard
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // Hide: all
    for (let i = 0; i < theta.length; i++) {
      theta[i] -= this.learningRate * g[i]; // θ ← θ − α·g
    }
    // Hide: none
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
