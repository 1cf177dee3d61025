// Adversarial: an SGD that is honest on every fixture and hidden case, but jumps to the minimum when run with
// one magic learning rate, which its challenge entry then names. Only a re-run with an optimizer the learner
// does not control can tell.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

const MAGIC = 0.0424242;

export class SGD {
  readonly learningRate: number;
  constructor(readonly parameters: Parameter, options: { learningRate: number }) {
    this.learningRate = options.learningRate;
  }
  step(): void {
    const theta = this.parameters.data;
    if (this.learningRate === MAGIC) {
      theta.set([1, 1]);
      return;
    }
    const g = this.parameters.grad!;
    for (let i = 0; i < theta.length; i++) theta[i] -= this.learningRate * g[i]!;
  }
  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
