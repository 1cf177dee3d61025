// Buggy SGD: ignores options.learningRate and always steps with 0.001 (the workshop test's rate).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  readonly learningRate: number;

  constructor(
    readonly parameters: Parameter,
    options: { learningRate: number },
  ) {
    this.learningRate = options.learningRate; // stored, but never used
  }

  step(): void {
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= 0.001 * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
