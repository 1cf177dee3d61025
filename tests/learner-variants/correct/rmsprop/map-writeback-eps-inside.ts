// Correct RMSprop: vectorised style, new arrays from map() every step, written back into data in place; ε inside.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

type Options = { learningRate: number; momentum: number; epsilon: number };

export class RMSprop {
  private r: Float64Array;

  constructor(
    private readonly parameters: Parameter,
    private readonly options: Options,
  ) {
    this.r = new Float64Array(parameters.data.length);
  }

  step(): void {
    const grad = this.parameters.grad;
    if (!grad) throw new Error('no gradient');
    const { learningRate: alpha, momentum: mu, epsilon: eps } = this.options;
    const squared = grad.map((g) => g ** 2);
    this.r = this.r.map((r, i) => mu * r + (1 - mu) * squared[i]!);
    const update = grad.map((g, i) => (alpha * g) / Math.sqrt(this.r[i]! + eps));
    this.parameters.data.set(this.parameters.data.map((theta, i) => theta - update[i]!));
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
