// Correct Momentum: the velocity is created (as zeros) on the first step(), not in the constructor.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private velocity?: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {}

  step(): void {
    const grad = this.parameters.grad;
    if (!grad) throw new Error('step() before backward()');
    this.velocity ??= new Float64Array(grad.length);
    const mu = this.options.momentum;
    for (let i = 0; i < grad.length; i++) {
      this.velocity[i] = mu * this.velocity[i]! + (1 - mu) * grad[i]!;
      this.parameters.data[i] -= this.options.learningRate * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
