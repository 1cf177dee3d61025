// Correct Momentum: the average written as a lerp, a ← a + (1 − μ)·(g − a), algebraically μ·a + (1 − μ)·g.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  readonly #a: Float64Array;
  readonly #opts: { learningRate: number; momentum: number };

  constructor(
    public readonly parameters: Parameter,
    options: { learningRate: number; momentum: number },
  ) {
    this.#opts = { ...options };
    this.#a = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad;
    if (g === null) throw new Error('no gradient');
    const keep = 1 - this.#opts.momentum;
    this.#a.forEach((a, i) => {
      this.#a[i] = a + keep * (g[i]! - a);
    });
    this.parameters.data.forEach((theta, i) => {
      this.parameters.data[i] = theta - this.#opts.learningRate * this.#a[i]!;
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
