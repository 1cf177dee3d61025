// Correct Adam: both moments stored in Float32Arrays, ε outside the root (torch.optim.Adam's √r̂ + ε).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  a: Float32Array;
  r: Float32Array;
  t = 0;

  constructor(
    public parameters: Parameter,
    public options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.a = new Float32Array(parameters.data.length);
    this.r = new Float32Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentumGrad: mu1, momentumGradSquared: mu2, epsilon } = this.options;
    this.t += 1;
    for (let i = 0; i < g.length; i++) {
      this.a[i] = mu1 * this.a[i]! + (1 - mu1) * g[i]!;
      this.r[i] = mu2 * this.r[i]! + (1 - mu2) * g[i]! * g[i]!;
      const aHat = this.a[i]! / (1 - Math.pow(mu1, this.t));
      const rHat = this.r[i]! / (1 - Math.pow(mu2, this.t));
      this.parameters.data[i] -= (learningRate * aHat) / (Math.sqrt(rHat) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
