// Buggy Momentum: the velocity is an empty array, so its entries read undefined and the first step is NaN.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private velocity: number[] = [];

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {}

  step(): void {
    const grad = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < grad.length; i++) {
      this.velocity[i] = momentum * this.velocity[i]! + (1 - momentum) * grad[i]!;
      this.parameters.data[i] -= learningRate * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
