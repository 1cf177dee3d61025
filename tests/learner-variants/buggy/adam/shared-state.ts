// Buggy Adam: moments and step counter live in one module-level object (reset by each constructor), shared by all instances.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

const state = { t: 0, a: new Float64Array(2), r: new Float64Array(2) };

export class Adam {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    state.t = 0;
    state.a = new Float64Array(parameters.data.length);
    state.r = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentumGrad: mu1, momentumGradSquared: mu2, epsilon: eps } = this.options;
    state.t += 1;
    for (let i = 0; i < g.length; i++) {
      state.a[i] = mu1 * state.a[i]! + (1 - mu1) * g[i]!;
      state.r[i] = mu2 * state.r[i]! + (1 - mu2) * g[i]! ** 2;
      const aHat = state.a[i]! / (1 - mu1 ** state.t);
      const rHat = state.r[i]! / (1 - mu2 ** state.t);
      this.parameters.data[i] -= (lr * aHat) / (Math.sqrt(rHat) + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
