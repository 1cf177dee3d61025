// Buggy Adam: the averages are new Array(n), never filled: their entries are undefined, so the first step is NaN.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private m: number[];
  private v: number[];
  private t = 0;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.m = new Array<number>(parameters.data.length);
    this.v = new Array<number>(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentumGrad: b1, momentumGradSquared: b2, epsilon } = this.options;
    this.t++;
    for (let i = 0; i < g.length; i++) {
      this.m[i] = b1 * this.m[i]! + (1 - b1) * g[i]!;
      this.v[i] = b2 * this.v[i]! + (1 - b2) * g[i]! * g[i]!;
      const mHat = this.m[i]! / (1 - b1 ** this.t);
      const vHat = this.v[i]! / (1 - b2 ** this.t);
      this.parameters.data[i] -= (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
