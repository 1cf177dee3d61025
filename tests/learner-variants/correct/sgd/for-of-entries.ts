// Correct SGD: iterates the gradient with for…of over entries() and updates θ in place.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  private readonly lr: number;

  constructor(
    private readonly parameters: Parameter,
    options: { learningRate: number },
  ) {
    this.lr = options.learningRate;
  }

  step(): void {
    const { data, grad } = this.parameters;
    if (grad === null) throw new Error('no gradient: call backward first');
    for (const [i, g] of grad.entries()) data[i] -= this.lr * g;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
