// Buggy RMSprop: no square root, θ ← θ − α·g/(r + ε).
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
    const r = this.r;
    const { learningRate: lr, momentum: mu, epsilon: eps } = this.options;
    for (let i = 0; i < g.length; i++) {
      r[i] = mu * r[i]! + (1 - mu) * g[i]! ** 2;
      this.parameters.data[i] -= (lr * g[i]!) / (r[i]! + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
