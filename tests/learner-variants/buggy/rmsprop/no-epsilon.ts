// Buggy RMSprop: never uses ε, α·g / √r (0 / 0 where a gradient is 0).
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
    const { learningRate: lr, momentum: mu } = this.options;
    this.r.forEach((ri, i) => {
      this.r[i] = mu * ri + (1 - mu) * g[i]! ** 2;
      this.parameters.data[i] -= (lr * g[i]!) / Math.sqrt(this.r[i]!);
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
