// Buggy Momentum: a helper updates the velocity, and the loop updates it again, so it moves twice per step.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly v: number[];

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.v = Array.from(parameters.data, () => 0);
  }

  private blend(g: Float64Array): void {
    const mu = this.options.momentum;
    this.v.forEach((v, i) => (this.v[i] = mu * v + (1 - mu) * g[i]!));
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    this.blend(g);
    this.v.forEach((v, i) => {
      this.v[i] = momentum * v + (1 - momentum) * g[i]!;
      this.parameters.data[i] -= learningRate * this.v[i]!;
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
