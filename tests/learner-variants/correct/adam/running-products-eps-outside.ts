// Correct Adam: bias correction from running products μ₁ᵗ, μ₂ᵗ (multiplied each step) instead of **; ε outside.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Adam {
  readonly #p: Parameter;
  readonly #lr: number;
  readonly #mu1: number;
  readonly #mu2: number;
  readonly #eps: number;
  readonly #a: Float64Array;
  readonly #r: Float64Array;
  #mu1Power = 1; // μ₁ᵗ
  #mu2Power = 1; // μ₂ᵗ

  constructor(
    p: Parameter,
    o: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {
    this.#p = p;
    this.#lr = o.learningRate;
    this.#mu1 = o.momentumGrad;
    this.#mu2 = o.momentumGradSquared;
    this.#eps = o.epsilon;
    this.#a = new Float64Array(p.data.length);
    this.#r = new Float64Array(p.data.length);
  }

  step(): void {
    const g = this.#p.grad;
    if (g === null) throw new Error('no gradient');
    this.#mu1Power *= this.#mu1;
    this.#mu2Power *= this.#mu2;
    for (let i = 0; i < g.length; i++) {
      this.#a[i] = this.#mu1 * this.#a[i]! + (1 - this.#mu1) * g[i]!;
      this.#r[i] = this.#mu2 * this.#r[i]! + (1 - this.#mu2) * g[i]! * g[i]!;
      const aHat = this.#a[i]! / (1 - this.#mu1Power);
      const rHat = this.#r[i]! / (1 - this.#mu2Power);
      this.#p.data[i] -= (this.#lr * aHat) / (Math.sqrt(rHat) + this.#eps);
    }
  }

  zeroGrad(): void {
    this.#p.grad = null;
  }
}
