// Buggy Momentum: the parentheses around (1 − μ) are missing, a ← μ·a + 1 − μ·g.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly velocity: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.velocity = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentum: mu } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.velocity[i] = mu * this.velocity[i]! + 1 - mu * g[i]!;
      this.parameters.data[i] -= lr * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
