// Buggy SGD: `data[i] =- lr * g[i]` assigns −α·g to θ instead of subtracting it.
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
    const lr = this.options.learningRate;
    // prettier-ignore
    for (let i = 0; i < g.length; i++) this.parameters.data[i] =- lr * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
