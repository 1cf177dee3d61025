// Buggy SGD: ignores parameters.grad and recomputes the banana gradient itself, missing gradients accumulated by several backward passes.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number },
  ) {}

  step(): void {
    const [x, y] = this.parameters.data as unknown as [number, number];
    const g = [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
    for (let i = 0; i < 2; i++) this.parameters.data[i] -= this.options.learningRate * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
