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
  // TODO: ~19 words

  constructor(
    readonly parameters: Parameter, // θ
    options: AdamOptions,
  ) {
    this.learningRate = options.learningRate;
    this.epsilon = options.epsilon;
    // TODO: ~22 words
    throw new Error('not implemented yet: write the Adam constructor');
  }

  step(): void {
    const theta = this.parameters.data;
    const g = gradientOf(this.parameters);
    // TODO: ~70 words
    throw new Error('not implemented yet: write Adam.step()');
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
