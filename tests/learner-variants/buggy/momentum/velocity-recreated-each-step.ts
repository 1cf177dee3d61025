// Buggy Momentum: step() starts a new velocity of zeros every time, so nothing is carried over.
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
    const g = this.parameters.grad!;
    const { learningRate: lr, momentum: mu } = this.options;
    this.velocity = Array.from(g, () => 0);
    for (let i = 0; i < g.length; i++) {
      this.velocity[i] = mu * this.velocity[i]! + (1 - mu) * g[i]!;
      this.parameters.data[i] -= lr * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
