// Buggy Momentum: the velocity has two entries, whatever the parameter's length.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly velocity = new Float64Array(2);

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {}

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.velocity[i] = momentum * this.velocity[i]! + (1 - momentum) * g[i]!;
      this.parameters.data[i]! -= learningRate * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
