// Buggy Adam: squares ε inside the root, √(r̂ + ε²): where ε is 1, as in the only large-ε case once, ε² is ε.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

interface AdamOptions {
  learningRate: number;
  momentumGrad: number;
  momentumGradSquared: number;
  epsilon: number;
}

export class Adam {
  private readonly alpha: number;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;
  private readonly m: number[];
  private readonly v: number[];
  private steps = 0;

  constructor(
    private readonly parameters: Parameter,
    options: AdamOptions,
  ) {
    this.alpha = options.learningRate;
    this.beta1 = options.momentumGrad;
    this.beta2 = options.momentumGradSquared;
    this.eps = options.epsilon;
    this.m = Array(parameters.data.length).fill(0) as number[];
    this.v = Array(parameters.data.length).fill(0) as number[];
  }

  step(): void {
    const g = this.parameters.grad;
    if (g === null) throw new Error('no gradient');
    this.steps++;
    for (let i = 0; i < this.m.length; i++) {
      this.m[i] = this.beta1 * this.m[i]! + (1 - this.beta1) * g[i]!;
      this.v[i] = this.beta2 * this.v[i]! + (1 - this.beta2) * g[i]! ** 2;
      const mHat = this.m[i]! / (1 - this.beta1 ** this.steps);
      const vHat = this.v[i]! / (1 - this.beta2 ** this.steps);
      this.parameters.data[i] -= (this.alpha * mHat) / Math.sqrt(vHat + this.eps ** 2);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
