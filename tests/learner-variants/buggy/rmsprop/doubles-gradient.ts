// Buggy RMSprop: r takes in g * 2 (the gradient doubled) instead of g * g.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private readonly avg: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.avg = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum, epsilon } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.avg[i] = momentum * this.avg[i]! + (1 - momentum) * (g[i]! * 2);
      this.parameters.data[i] -= (learningRate * g[i]!) / (Math.sqrt(this.avg[i]!) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
