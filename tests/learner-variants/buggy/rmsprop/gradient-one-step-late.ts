// Buggy RMSprop: steps with the gradient kept from the previous step() (the current one on the first step).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private readonly r: Float64Array;
  private previous: Float64Array | null = null;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.r = new Float64Array(parameters.data.length);
  }

  step(): void {
    const current = this.parameters.grad!;
    const g = this.previous ?? current;
    this.previous = Float64Array.from(current);
    const { learningRate: lr, momentum: mu, epsilon: eps } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.r[i] = mu * this.r[i]! + (1 - mu) * g[i]! ** 2;
      this.parameters.data[i] -= (lr * g[i]!) / Math.sqrt(this.r[i]! + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
