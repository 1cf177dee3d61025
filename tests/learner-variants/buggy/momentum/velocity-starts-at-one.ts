// Buggy Momentum: the velocity starts at ones instead of zeros, so a zero gradient still moves θ.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly velocity: number[];

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.velocity = Array.from(parameters.data, () => 1);
  }

  step(): void {
    const grad = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    this.velocity.forEach((v, i) => {
      this.velocity[i] = momentum * v + (1 - momentum) * grad[i]!;
      this.parameters.data[i] -= learningRate * this.velocity[i]!;
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
