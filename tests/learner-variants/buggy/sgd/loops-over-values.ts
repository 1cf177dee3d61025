// Buggy SGD: `for (const i of data)` runs over θ's values, not its indices, so θ[value] moves only where a value is 0 or 1.
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
    const { data, grad } = this.parameters;
    for (const i of data) data[i] -= this.options.learningRate * grad![i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
