// Correct SGD: vectorised style, builds a new array with map each step and copies it back with data.set().
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  constructor(
    public parameters: Parameter,
    public options: { learningRate: number },
  ) {}

  step(): void {
    const g = this.parameters.grad;
    if (!g) throw new Error('step() needs a gradient');
    const next = this.parameters.data.map((theta, i) => theta - this.options.learningRate * g[i]!);
    this.parameters.data.set(next);
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
