// Correct Adam: vectorised style, fresh arrays from map() each step, result copied back into data; ε inside.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

type AdamOptions = { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number };

export class Adam {
  private m: number[];
  private v: number[];
  private t = 0;

  constructor(
    private readonly parameters: Parameter,
    private readonly options: AdamOptions,
  ) {
    this.m = [...parameters.data].map(() => 0);
    this.v = [...parameters.data].map(() => 0);
  }

  step(): void {
    if (!this.parameters.grad) throw new Error('no gradient');
    const g = [...this.parameters.grad];
    const { learningRate, momentumGrad: b1, momentumGradSquared: b2, epsilon } = this.options;
    this.t++;
    this.m = this.m.map((m, i) => b1 * m + (1 - b1) * g[i]!);
    this.v = this.v.map((v, i) => b2 * v + (1 - b2) * g[i]! * g[i]!);
    const mHat = this.m.map((m) => m / (1 - b1 ** this.t));
    const vHat = this.v.map((v) => v / (1 - b2 ** this.t));
    const theta = [...this.parameters.data].map(
      (x, i) => x - (learningRate * mHat[i]!) / Math.sqrt(vHat[i]! + epsilon),
    );
    for (let i = 0; i < theta.length; i++) this.parameters.data[i] = theta[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
