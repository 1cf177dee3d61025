// Buggy Adam: a and r are created as one Float64Array, so the update of r overwrites a.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private readonly a: Float64Array;
  private readonly r: Float64Array;
  private t = 0;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    const shared = new Float64Array(parameters.data.length);
    this.a = shared;
    this.r = shared;
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentumGrad: mu1, momentumGradSquared: mu2, epsilon: eps } = this.options;
    this.t += 1;
    const c1 = 1 - Math.pow(mu1, this.t);
    const c2 = 1 - Math.pow(mu2, this.t);
    for (let i = 0; i < g.length; i++) {
      this.a[i] = mu1 * this.a[i]! + (1 - mu1) * g[i]!;
      this.r[i] = mu2 * this.r[i]! + (1 - mu2) * g[i]! * g[i]!;
      this.parameters.data[i] -= (lr * this.a[i]!) / c1 / Math.sqrt(this.r[i]! / c2 + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
