// Buggy Momentum: `this.v = parameters.data.fill(0)` zeroes θ at construction, and the velocity is θ's own array.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly v: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.v = parameters.data.fill(0);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.v[i] = momentum * this.v[i]! + (1 - momentum) * g[i]!;
      this.parameters.data[i] -= learningRate * this.v[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
