// Buggy RMSprop: a parenthesis closed too late, r ← μ·(r + (1 − μ)·g²).
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
    for (let i = 0; i < g.length; i++) {
      this.r[i] = mu * (this.r[i]! + (1 - mu) * g[i]! * g[i]!);
      this.parameters.data[i] -= (lr * g[i]!) / (Math.sqrt(this.r[i]!) + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
