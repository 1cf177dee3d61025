// Buggy Momentum: the velocity lives in a module-level variable (reset by each constructor), shared by all instances.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

let velocity = new Float64Array(2);

export class Momentum {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    velocity = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < g.length; i++) {
      velocity[i] = momentum * velocity[i]! + (1 - momentum) * g[i]!;
      this.parameters.data[i] -= learningRate * velocity[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
