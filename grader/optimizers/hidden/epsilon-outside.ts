// The instructor's references for PyTorch's form of RMSprop and Adam, ε outside the square root, which the suites
// accept beside the workshop's form of solutions/optimizers/: the challenge re-runs a learner's entry with the form
// their own optimizer follows. Solution code, so hidden: never in a student kit, in Gradescope's autograder.
import type { GradedParameter, OptimizerClass } from '../harness/run-optimizer.js';

const gradientOf = (parameter: GradedParameter): Float64Array =>
  parameter.grad ?? new Float64Array(parameter.data.length);

class RMSpropEpsilonOutside {
  private readonly r: Float64Array;

  constructor(
    private readonly parameter: GradedParameter,
    private readonly options: Record<string, number>,
  ) {
    this.r = new Float64Array(parameter.data.length);
  }

  step(): void {
    const { learningRate: lr, momentum: mu, epsilon: eps } = this.options;
    const g = gradientOf(this.parameter);
    for (let i = 0; i < g.length; i++) {
      this.r[i] = mu! * this.r[i]! + (1 - mu!) * g[i]! * g[i]!; // r ← μ·r + (1 − μ)·g²
      this.parameter.data[i]! -= (lr! * g[i]!) / (Math.sqrt(this.r[i]!) + eps!); // θ ← θ − α·g / (√r + ε)
    }
  }

  zeroGrad(): void {
    this.parameter.grad = null;
  }
}

class AdamEpsilonOutside {
  private readonly a: Float64Array;
  private readonly r: Float64Array;
  private t = 0;

  constructor(
    private readonly parameter: GradedParameter,
    private readonly options: Record<string, number>,
  ) {
    this.a = new Float64Array(parameter.data.length);
    this.r = new Float64Array(parameter.data.length);
  }

  step(): void {
    const { learningRate: lr, momentumGrad: mu1, momentumGradSquared: mu2, epsilon: eps } = this.options;
    const g = gradientOf(this.parameter);
    this.t++;
    for (let i = 0; i < g.length; i++) {
      this.a[i] = mu1! * this.a[i]! + (1 - mu1!) * g[i]!; // a ← μ₁·a + (1 − μ₁)·g
      this.r[i] = mu2! * this.r[i]! + (1 - mu2!) * g[i]! * g[i]!; // r ← μ₂·r + (1 − μ₂)·g²
      const aHat = this.a[i]! / (1 - mu1! ** this.t); // â = a / (1 − μ₁ᵗ)
      const rHat = this.r[i]! / (1 - mu2! ** this.t); // r̂ = r / (1 − μ₂ᵗ)
      this.parameter.data[i]! -= (lr! * aHat) / (Math.sqrt(rHat) + eps!); // θ ← θ − α·â / (√r̂ + ε)
    }
  }

  zeroGrad(): void {
    this.parameter.grad = null;
  }
}

/** By optimizer id, the class that follows the suites' `epsOutside` variant. */
export const EPSILON_OUTSIDE: Record<string, OptimizerClass> = {
  rmsprop: RMSpropEpsilonOutside,
  adam: AdamEpsilonOutside,
};
