// Buggy Momentum: PyTorch's buffer convention without its lr scaling: a = g on the first step, then a ← μ·a + (1 − μ)·g.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private a: Float64Array | null = null;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {}

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    if (this.a === null) {
      this.a = Float64Array.from(g);
    } else {
      for (let i = 0; i < g.length; i++) this.a[i] = momentum * this.a[i]! + (1 - momentum) * g[i]!;
    }
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= learningRate * this.a[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
