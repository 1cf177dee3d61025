// Buggy Adam: μ₁ and μ₂ swapped, the gradient average decays with momentumGradSquared and the squared one with momentumGrad.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  private readonly beta1: number;
  private readonly beta2: number;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.m = new Float64Array(parameters.data.length);
    this.v = new Float64Array(parameters.data.length);
    this.beta1 = options.momentumGradSquared; // should be momentumGrad
    this.beta2 = options.momentumGrad; // should be momentumGradSquared
  }

  step(): void {
    const g = this.parameters.grad!;
    this.t += 1;
    for (let i = 0; i < g.length; i++) {
      this.m[i] = this.beta1 * this.m[i]! + (1 - this.beta1) * g[i]!;
      this.v[i] = this.beta2 * this.v[i]! + (1 - this.beta2) * g[i]! ** 2;
      const mHat = this.m[i]! / (1 - this.beta1 ** this.t);
      const vHat = this.v[i]! / (1 - this.beta2 ** this.t);
      this.parameters.data[i] -= (this.options.learningRate * mHat) / Math.sqrt(vHat + this.options.epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
