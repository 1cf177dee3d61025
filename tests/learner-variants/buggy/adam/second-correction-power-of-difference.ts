// Buggy Adam: r̂ = r / Math.pow(1 − μ₂, t), the power taken of the difference; â is right.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private step_ = 0;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.m = new Float64Array(parameters.data.length);
    this.v = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentumGrad: b1, momentumGradSquared: b2, epsilon } = this.options;
    this.step_ += 1;
    const c1 = 1 - Math.pow(b1, this.step_);
    const c2 = Math.pow(1 - b2, this.step_);
    for (let i = 0; i < g.length; i++) {
      this.m[i] = b1 * this.m[i]! + (1 - b1) * g[i]!;
      this.v[i] = b2 * this.v[i]! + (1 - b2) * g[i]! * g[i]!;
      this.parameters.data[i] -= (learningRate * (this.m[i]! / c1)) / (Math.sqrt(this.v[i]! / c2) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
