// Correct Adam: torch.optim.Adam's own arrangement, step size α/(1 − μ₁ᵗ) and denominator √r/√(1 − μ₂ᵗ) + ε.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  private expAvg: Float64Array;
  private expAvgSq: Float64Array;
  private stepCount = 0;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.expAvg = new Float64Array(parameters.data.length);
    this.expAvgSq = new Float64Array(parameters.data.length);
  }

  step(): void {
    const grad = this.parameters.grad;
    if (grad === null) throw new Error('no gradient');
    const { learningRate: lr, momentumGrad: beta1, momentumGradSquared: beta2, epsilon: eps } = this.options;
    this.stepCount += 1;
    const biasCorrection1 = 1 - beta1 ** this.stepCount;
    const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** this.stepCount);
    const stepSize = lr / biasCorrection1;
    for (let i = 0; i < grad.length; i++) {
      this.expAvg[i] = this.expAvg[i]! * beta1 + grad[i]! * (1 - beta1);
      this.expAvgSq[i] = this.expAvgSq[i]! * beta2 + grad[i]! * grad[i]! * (1 - beta2);
      const denom = Math.sqrt(this.expAvgSq[i]!) / biasCorrection2Sqrt + eps;
      this.parameters.data[i] -= stepSize * (this.expAvg[i]! / denom);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
