// Buggy RMSprop: r ← (μ·r + (1 − μ)·g) ^ 2, and ^ is a bitwise XOR in JavaScript, not a square.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private readonly state: { r: Float64Array };

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.state = { r: new Float64Array(parameters.data.length) };
  }

  step(): void {
    const g = this.parameters.grad!;
    const { r } = this.state;
    const { learningRate, momentum, epsilon } = this.options;
    for (let i = 0; i < g.length; i++) {
      r[i] = (momentum * r[i]! + (1 - momentum) * g[i]!) ^ 2;
      this.parameters.data[i] -= (learningRate * g[i]!) / (Math.sqrt(r[i]!) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
