// Correct Momentum: vectorised style, new velocity and position arrays from map() each step, written back into data.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private v: number[] = [];

  constructor(
    private parameters: Parameter,
    private options: { learningRate: number; momentum: number },
  ) {
    this.v = Array.from(parameters.data, () => 0);
  }

  step(): void {
    const g = Array.from(this.parameters.grad ?? []);
    if (g.length === 0) throw new Error('missing gradient');
    const { learningRate, momentum } = this.options;
    this.v = this.v.map((vi, i) => momentum * vi + (1 - momentum) * g[i]!);
    const theta = Array.from(this.parameters.data).map((x, i) => x - learningRate * this.v[i]!);
    theta.forEach((x, i) => (this.parameters.data[i] = x));
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
