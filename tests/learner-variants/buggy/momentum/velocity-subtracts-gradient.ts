// Buggy Momentum: the velocity subtracts the gradient term, a ← μ·a − (1 − μ)·g, and θ ← θ − α·a climbs.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  velocity: Float64Array;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.velocity = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.velocity[i] = momentum * this.velocity[i]! - (1 - momentum) * g[i]!;
      this.parameters.data[i] -= learningRate * this.velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
