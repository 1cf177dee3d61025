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
  // Hide: all
  private readonly velocity: Float64Array; // a
  // Hide: none

  constructor(
    readonly parameters: Parameter, // θ
    options: MomentumOptions,
  ) {
    this.learningRate = options.learningRate;
    this.momentum = options.momentum;
    // Hide: all
    this.velocity = new Float64Array(parameters.data.length); // a starts at zero
    // Hide: none
  }

  step(): void {
    // Hide: hard
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // Hide: all
    const a = this.velocity;
    const mu = this.momentum;
    for (let i = 0; i < theta.length; i++) {
      a[i] = mu * a[i] + (1 - mu) * g[i]; // a ← μ·a + (1 − μ)·g
      theta[i] -= this.learningRate * a[i]; // θ ← θ − α·a
    }
    // Hide: none
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
