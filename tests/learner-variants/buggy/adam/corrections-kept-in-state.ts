// Buggy Adam: overwrites a and r with the bias-corrected â and r̂, which the next step corrects again.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private a: Float64Array;
  private r: Float64Array;
  private t = 0;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.a = new Float64Array(parameters.data.length);
    this.r = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentumGrad: mu1, momentumGradSquared: mu2, epsilon: eps } = this.options;
    this.t++;
    this.a = this.a.map((ai, i) => (mu1 * ai + (1 - mu1) * g[i]!) / (1 - mu1 ** this.t));
    this.r = this.r.map((ri, i) => (mu2 * ri + (1 - mu2) * g[i]! ** 2) / (1 - mu2 ** this.t));
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= (lr * this.a[i]!) / Math.sqrt(this.r[i]! + eps);
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
