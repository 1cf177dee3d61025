// Buggy SGD: adds the gradient (θ ← θ + α·g), climbing instead of descending.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number },
  ) {}

  step(): void {
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] += this.options.learningRate * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
