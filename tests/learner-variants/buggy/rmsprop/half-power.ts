// Buggy RMSprop: `(r + ε) ** 1 / 2` is ((r + ε) ** 1) / 2, half of r + ε, not its square root.
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
      this.r[i] = mu * this.r[i]! + (1 - mu) * g[i]! * g[i]!;
      // prettier-ignore
      this.parameters.data[i] -= (lr * g[i]!) / ((this.r[i]! + eps) ** 1 / 2);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
