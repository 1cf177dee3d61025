// Correct Adam: the counter starts at 1 and is incremented at the end of step() (same t as incrementing first); ε outside.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  learningRate: number;
  momentumGrad: number;
  momentumGradSquared: number;
  epsilon: number;
  private stepNumber = 1;
  private averageGrad: Float64Array;
  private averageSquaredGrad: Float64Array;

  constructor(
    public parameters: Parameter,
    options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    ({
      learningRate: this.learningRate,
      momentumGrad: this.momentumGrad,
      momentumGradSquared: this.momentumGradSquared,
      epsilon: this.epsilon,
    } = options);
    this.averageGrad = new Float64Array(parameters.data.length);
    this.averageSquaredGrad = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad;
    if (g === null) throw new Error('no gradient');
    const t = this.stepNumber;
    for (let i = 0; i < g.length; i++) {
      this.averageGrad[i] = this.momentumGrad * this.averageGrad[i]! + (1 - this.momentumGrad) * g[i]!;
      this.averageSquaredGrad[i] =
        this.momentumGradSquared * this.averageSquaredGrad[i]! + (1 - this.momentumGradSquared) * g[i]! ** 2;
      const aHat = this.averageGrad[i]! / (1 - this.momentumGrad ** t);
      const rHat = this.averageSquaredGrad[i]! / (1 - this.momentumGradSquared ** t);
      this.parameters.data[i] -= (this.learningRate * aHat) / (Math.sqrt(rHat) + this.epsilon);
    }
    this.stepNumber += 1;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
