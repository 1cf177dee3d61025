// Buggy RMSprop: the new term is (w·g)² with w = 1 − μ, so g² is weighted by (1 − μ)².
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private readonly r: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.r = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentum: mu, epsilon: eps } = this.options;
    const w = 1 - mu;
    for (let i = 0; i < g.length; i++) {
      const scaled = w * g[i]!;
      this.r[i] = mu * this.r[i]! + scaled * scaled;
      this.parameters.data[i] -= (lr * g[i]!) / Math.sqrt(this.r[i]! + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
