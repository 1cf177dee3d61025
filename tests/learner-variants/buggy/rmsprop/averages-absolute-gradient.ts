// Buggy RMSprop: r averages |g| instead of g², so the step scales with √|g|.
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
      this.r[i] = mu * this.r[i]! + (1 - mu) * Math.abs(g[i]!);
      this.parameters.data[i] -= (lr * g[i]!) / (Math.sqrt(this.r[i]!) + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
