// Buggy Adam: reads the decays as options.mu1 and options.mu2, names the constructor is not given (undefined, so NaN).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private readonly a: Float64Array;
  private readonly r: Float64Array;
  private t = 0;
  private readonly mu1: number;
  private readonly mu2: number;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.a = new Float64Array(parameters.data.length);
    this.r = new Float64Array(parameters.data.length);
    const named = options as unknown as { mu1: number; mu2: number };
    this.mu1 = named.mu1;
    this.mu2 = named.mu2;
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, epsilon: eps } = this.options;
    const { mu1, mu2 } = this;
    this.t++;
    for (let i = 0; i < g.length; i++) {
      this.a[i] = mu1 * this.a[i]! + (1 - mu1) * g[i]!;
      this.r[i] = mu2 * this.r[i]! + (1 - mu2) * g[i]! ** 2;
      this.parameters.data[i] -=
        (lr * (this.a[i]! / (1 - mu1 ** this.t))) / Math.sqrt(this.r[i]! / (1 - mu2 ** this.t) + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
