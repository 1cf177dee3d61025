// Correct SGD: exported as a class expression, a while loop, and the update written as θ += (−α)·g.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

type Options = Readonly<{ learningRate: number }>;

export const SGD = class {
  readonly scale: number;

  constructor(
    readonly params: Parameter,
    readonly options: Options,
  ) {
    this.scale = -options.learningRate;
  }

  step(): void {
    const g = this.params.grad;
    if (g == null) throw new Error('no gradient');
    let i = 0;
    while (i < g.length) {
      this.params.data[i] += this.scale * g[i]!;
      i++;
    }
  }

  zeroGrad(): void {
    this.params.grad = null;
  }
};
