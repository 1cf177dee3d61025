// Buggy RMSprop: stores the denominator √(μ·r + (1 − μ)·g² + ε) back into r, so later averages mix roots and squares.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private readonly r: number[];

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.r = new Array<number>(parameters.data.length).fill(0);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentum: mu, epsilon: eps } = this.options;
    for (let i = 0; i < g.length; i++) {
      const denominator = Math.sqrt(mu * this.r[i]! + (1 - mu) * g[i]! ** 2 + eps);
      this.r[i] = denominator;
      this.parameters.data[i] -= (lr * g[i]!) / denominator;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
