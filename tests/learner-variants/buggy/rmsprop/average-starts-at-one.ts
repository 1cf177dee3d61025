// Buggy RMSprop: the mean square starts at ones ("so the first division is safe") instead of zeros.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  readonly meanSquare: number[];

  constructor(
    public parameters: Parameter,
    private options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.meanSquare = new Array<number>(parameters.data.length).fill(1);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum, epsilon } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.meanSquare[i] = momentum * this.meanSquare[i]! + (1 - momentum) * g[i]! ** 2;
      this.parameters.data[i] -= (learningRate * g[i]!) / Math.sqrt(this.meanSquare[i]! + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
