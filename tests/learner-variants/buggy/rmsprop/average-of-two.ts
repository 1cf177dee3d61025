// Buggy RMSprop: the average of squared gradients has two entries, whatever the parameter's length.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private readonly r = new Float64Array(2);

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {}

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum, epsilon } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.r[i] = momentum * this.r[i]! + (1 - momentum) * g[i]! ** 2;
      this.parameters.data[i]! -= (learningRate * g[i]!) / Math.sqrt(this.r[i]! + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
