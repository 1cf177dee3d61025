// Buggy RMSprop: mixed up with Adam, it keeps a momentum average m of g and divides m (not g) by √r + ε.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private m: number[];
  private meanSquare: number[];

  constructor(
    public parameters: Parameter,
    private options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.m = Array.from(parameters.data, () => 0);
    this.meanSquare = Array.from(parameters.data, () => 0);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: alpha, momentum: mu, epsilon: eps } = this.options;
    this.m = this.m.map((m, i) => mu * m + (1 - mu) * g[i]!);
    this.meanSquare = this.meanSquare.map((s, i) => mu * s + (1 - mu) * g[i]! * g[i]!);
    this.parameters.data.forEach((_, i) => {
      this.parameters.data[i] -= (alpha * this.m[i]!) / (Math.sqrt(this.meanSquare[i]!) + eps);
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
