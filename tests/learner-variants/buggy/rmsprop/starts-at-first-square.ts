// Buggy RMSprop: r is created on the first step as g², then the usual update takes g² in again.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private r: number[] | null = null;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {}

  step(): void {
    const g = Array.from(this.parameters.grad!);
    const { learningRate, momentum, epsilon } = this.options;
    this.r ??= g.map((gi) => gi * gi);
    const r = this.r;
    g.forEach((gi, i) => {
      r[i] = momentum * r[i]! + (1 - momentum) * gi * gi;
      this.parameters.data[i] -= (learningRate * gi) / Math.sqrt(r[i]! + epsilon);
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
