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
  // Hide: all
  private readonly averageSquaredGrad: Float64Array; // r
  // Hide: none

  constructor(
    readonly parameters: Parameter, // θ
    options: RMSpropOptions,
  ) {
    this.learningRate = options.learningRate;
    this.momentum = options.momentum;
    this.epsilon = options.epsilon;
    // Hide: all
    this.averageSquaredGrad = new Float64Array(parameters.data.length); // r starts at zero
    // Hide: none
  }

  step(): void {
    // Hide: hard
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // Hide: all
    const r = this.averageSquaredGrad;
    const mu = this.momentum;
    for (let i = 0; i < theta.length; i++) {
      r[i] = mu * r[i] + (1 - mu) * g[i] ** 2; // r ← μ·r + (1 − μ)·g²
      theta[i] -= (this.learningRate * g[i]) / Math.sqrt(r[i] + this.epsilon); // θ ← θ − α·g / √(r + ε)
    }
    // Hide: none
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
