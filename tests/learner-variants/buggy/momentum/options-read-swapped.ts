// Buggy Momentum: the options are unpacked in the wrong order, so μ is used as the learning rate and α as the decay.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly velocity: Float64Array;
  private readonly alpha: number;
  private readonly mu: number;

  constructor(
    readonly parameters: Parameter,
    options: { learningRate: number; momentum: number },
  ) {
    [this.mu, this.alpha] = [options.learningRate, options.momentum];
    this.velocity = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) {
      this.velocity[i] = this.mu * this.velocity[i]! + (1 - this.mu) * g[i]!;
      this.parameters.data[i] -= this.alpha * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
