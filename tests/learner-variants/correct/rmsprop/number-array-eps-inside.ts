// Correct RMSprop: plain number[] state, ε inside the root (the workshop's √(r + ε)).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

interface RMSpropOptions {
  learningRate: number;
  momentum: number;
  epsilon: number;
}

export class RMSprop {
  private readonly lr: number;
  private readonly mu: number;
  private readonly eps: number;
  private readonly meanSquare: number[];

  constructor(
    private readonly parameters: Parameter,
    options: RMSpropOptions,
  ) {
    this.lr = options.learningRate;
    this.mu = options.momentum;
    this.eps = options.epsilon;
    this.meanSquare = [];
    for (let i = 0; i < parameters.data.length; i++) this.meanSquare.push(0);
  }

  step(): void {
    const g = this.parameters.grad;
    if (g === null) throw new Error('no gradient');
    for (let i = 0; i < g.length; i++) {
      this.meanSquare[i] = this.mu * this.meanSquare[i]! + (1 - this.mu) * g[i]! * g[i]!;
      this.parameters.data[i] -= (this.lr * g[i]!) / Math.sqrt(this.meanSquare[i]! + this.eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
