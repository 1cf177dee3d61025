// Buggy Adam: t starts at 1 and is never increased, so the bias corrections divide by 1 − μ¹ on every step.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private readonly a: number[];
  private readonly r: number[];
  private readonly t = 1;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.a = Array.from(parameters.data, () => 0);
    this.r = Array.from(parameters.data, () => 0);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentumGrad: mu1, momentumGradSquared: mu2, epsilon: eps } = this.options;
    g.forEach((gi, i) => {
      this.a[i] = mu1 * this.a[i]! + (1 - mu1) * gi;
      this.r[i] = mu2 * this.r[i]! + (1 - mu2) * gi * gi;
      const aHat = this.a[i]! / (1 - mu1 ** this.t);
      const rHat = this.r[i]! / (1 - mu2 ** this.t);
      this.parameters.data[i]! -= (lr * aHat) / (Math.sqrt(rHat) + eps);
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
