// Correct Momentum: velocity kept in a plain number[] filled with zeros in the constructor.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly learningRate: number;
  private readonly momentum: number;
  private readonly velocity: number[];

  constructor(
    private readonly parameters: Parameter,
    options: { learningRate: number; momentum: number },
  ) {
    this.learningRate = options.learningRate;
    this.momentum = options.momentum;
    this.velocity = new Array<number>(parameters.data.length).fill(0);
  }

  step(): void {
    const g = this.parameters.grad;
    if (g === null) throw new Error('no gradient');
    for (let i = 0; i < this.velocity.length; i++) {
      this.velocity[i] = this.momentum * this.velocity[i]! + (1 - this.momentum) * g[i]!;
      this.parameters.data[i] -= this.learningRate * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
