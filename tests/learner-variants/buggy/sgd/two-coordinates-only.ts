// Buggy SGD: the update loops over two coordinates, whatever the parameter's length.
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
    for (let i = 0; i < 2; i++) this.parameters.data[i]! -= this.options.learningRate * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
