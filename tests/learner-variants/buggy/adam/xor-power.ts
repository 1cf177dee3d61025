// Buggy Adam: the corrections raise μ with ^, a bitwise XOR in JavaScript: 1 − (μ ^ t) is 1 − t, 0 on the first step.
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
  }

  step(): void {
    const g = this.parameters.grad!;
    const { a, r } = this;
    const { learningRate: lr, momentumGrad: mu1, momentumGradSquared: mu2, epsilon: eps } = this.options;
    this.t += 1;
    const t = this.t;
    for (let i = 0; i < g.length; i++) {
      a[i] = mu1 * a[i]! + (1 - mu1) * g[i]!;
      r[i] = mu2 * r[i]! + (1 - mu2) * g[i]! ** 2;
      const aHat = a[i]! / (1 - (mu1 ^ t));
      const rHat = r[i]! / (1 - (mu2 ^ t));
      this.parameters.data[i] -= (lr * aHat) / (Math.sqrt(rHat) + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
