// Buggy SGD (a cheat): ignores the gradient and jumps straight to the known minimum (1, 1).
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
    this.parameters.data.set([1, 1]);
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
