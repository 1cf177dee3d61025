// Correct RMSprop: the average written as a lerp, r ← r + (1 − μ)·(g² − r), #private fields, ε inside.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  #params: Parameter;
  #alpha: number;
  #decay: number;
  #eps: number;
  #r: number[];

  constructor(params: Parameter, options: { learningRate: number; momentum: number; epsilon: number }) {
    this.#params = params;
    this.#alpha = options.learningRate;
    this.#decay = options.momentum;
    this.#eps = options.epsilon;
    this.#r = Array.from({ length: params.data.length }, () => 0);
  }

  step(): void {
    const g = this.#params.grad;
    if (g == null) throw new Error('no gradient');
    this.#r.forEach((r, i) => {
      const rNew = r + (1 - this.#decay) * (g[i]! * g[i]! - r);
      this.#r[i] = rNew;
      this.#params.data[i] -= (this.#alpha / Math.sqrt(rNew + this.#eps)) * g[i]!;
    });
  }

  zeroGrad(): void {
    this.#params.grad = null;
  }
}
