// Correct RMSprop: r is created on the first step(), ε outside the root.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  private squareAvg: Float64Array | null = null;
  readonly learningRate: number;
  readonly momentum: number;
  readonly epsilon: number;

  constructor(
    readonly parameters: Parameter,
    { learningRate, momentum, epsilon }: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.epsilon = epsilon;
  }

  step(): void {
    const grad = this.parameters.grad;
    if (grad === null) throw new Error('no gradient');
    if (this.squareAvg === null) this.squareAvg = new Float64Array(grad.length);
    const r = this.squareAvg;
    for (let i = 0; i < grad.length; i++) {
      const g = grad[i]!;
      r[i] = this.momentum * r[i]! + (1 - this.momentum) * g * g;
      const denominator = Math.sqrt(r[i]!) + this.epsilon;
      this.parameters.data[i] -= this.learningRate * (g / denominator);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
