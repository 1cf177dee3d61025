// Buggy SGD: the learning rate is a module-level variable that each new instance overwrites, so all instances share it.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

let rate = 0;

export class SGD {
  constructor(
    readonly parameters: Parameter,
    options: { learningRate: number },
  ) {
    rate = options.learningRate;
  }

  step(): void {
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= rate * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
