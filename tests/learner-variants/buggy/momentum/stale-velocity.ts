// Buggy Momentum: moves θ with the previous velocity, then updates the velocity (one step late).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly a: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.a = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.parameters.data[i] -= learningRate * this.a[i]!;
      this.a[i] = momentum * this.a[i]! + (1 - momentum) * g[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
