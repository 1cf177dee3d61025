// Adam: momentum's average of gradients divided by RMSprop's root-mean-square, both corrected for starting at zero.
import { gradientOf, type Parameter } from './parameter.js';

export interface AdamOptions {
  /** α */
  learningRate: number;
  /** μ₁: decay of the average of gradients */
  momentumGrad: number;
  /** μ₂: decay of the average of squared gradients */
  momentumGradSquared: number;
  /** ε: keeps the division finite where the gradients vanish */
  epsilon: number;
}

export class Adam {
  readonly learningRate: number; // α
  readonly epsilon: number; // ε
  // Hide: all
  private readonly momentumGrad: number; // μ₁
  private readonly momentumGradSquared: number; // μ₂
  private readonly averageGrad: Float64Array; // a
  private readonly averageSquaredGrad: Float64Array; // r
  private t = 0; // steps taken so far
  // Hide: none

  constructor(
    readonly parameters: Parameter, // θ
    options: AdamOptions,
  ) {
    this.learningRate = options.learningRate;
    this.epsilon = options.epsilon;
    // Hide: all
    this.momentumGrad = options.momentumGrad;
    this.momentumGradSquared = options.momentumGradSquared;
    this.averageGrad = new Float64Array(parameters.data.length);
    this.averageSquaredGrad = new Float64Array(parameters.data.length);
    // Hide: none
  }

  step(): void {
    // Hide: hard
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // Hide: all
    const [a, r] = [this.averageGrad, this.averageSquaredGrad];
    const [mu1, mu2] = [this.momentumGrad, this.momentumGradSquared];
    this.t += 1; // t ← t + 1
    for (let i = 0; i < theta.length; i++) {
      a[i] = mu1 * a[i] + (1 - mu1) * g[i]; // a ← μ₁·a + (1 − μ₁)·g
      r[i] = mu2 * r[i] + (1 - mu2) * g[i] ** 2; // r ← μ₂·r + (1 − μ₂)·g²
      const aHat = a[i] / (1 - mu1 ** this.t); // â = a / (1 − μ₁ᵗ)
      const rHat = r[i] / (1 - mu2 ** this.t); // r̂ = r / (1 − μ₂ᵗ)
      theta[i] -= (this.learningRate * aHat) / Math.sqrt(rHat + this.epsilon); // θ ← θ − α·â / √(r̂ + ε)
    }
    // Hide: none
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
