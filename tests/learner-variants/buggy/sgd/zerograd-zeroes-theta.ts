// Buggy SGD: correct step(), but zeroGrad() clears θ along with the gradient.
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
    for (let i = 0; i < g.length; i++) this.parameters.data[i]! -= this.options.learningRate * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
    this.parameters.data.fill(0);
  }
}
