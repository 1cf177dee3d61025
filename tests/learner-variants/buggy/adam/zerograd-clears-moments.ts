// Buggy Adam: zeroGrad() also clears the moments and t, so nothing is carried over between training steps.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private m: Float64Array;
  private v: Float64Array;
  private t = 0;

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
    this.t++;
    for (let i = 0; i < g.length; i++) {
      this.m[i] = b1 * this.m[i]! + (1 - b1) * g[i]!;
      this.v[i] = b2 * this.v[i]! + (1 - b2) * g[i]! ** 2;
      const mHat = this.m[i]! / (1 - b1 ** this.t);
      const vHat = this.v[i]! / (1 - b2 ** this.t);
      this.parameters.data[i] -= (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
    this.m = new Float64Array(this.m.length);
    this.v = new Float64Array(this.v.length);
    this.t = 0;
  }
}
