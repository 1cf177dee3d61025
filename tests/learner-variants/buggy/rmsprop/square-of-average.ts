// Buggy RMSprop: squares the whole average of g, (μ·r + (1 − μ)·g)², instead of averaging g².
interface Parameter {
  data: number[];
  grad: number[] | null;
}

export class RMSprop {
  squares: number[];

  constructor(
    public parameters: Parameter,
    public options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.squares = parameters.data.map(() => 0);
  }

  step(): void {
    const { learningRate: lr, momentum: decay, epsilon } = this.options;
    const grad = this.parameters.grad ?? [];
    grad.forEach((g, i) => {
      this.squares[i] = Math.pow(decay * this.squares[i]! + (1 - decay) * g, 2);
      this.parameters.data[i]! -= (lr * g) / (Math.sqrt(this.squares[i]!) + epsilon);
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
