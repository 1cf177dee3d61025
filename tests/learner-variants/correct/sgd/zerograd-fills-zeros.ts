// Correct SGD: zeroGrad() keeps the grad array but fills it with zeros (as PyTorch's set_to_none=False does).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  learningRate: number;
  parameters: Parameter;

  constructor(parameters: Parameter, options: { learningRate: number }) {
    this.parameters = parameters;
    this.learningRate = options.learningRate;
  }

  step(): void {
    const grad = this.parameters.grad ?? new Float64Array(this.parameters.data.length);
    for (let k = grad.length - 1; k >= 0; k--) {
      this.parameters.data[k] -= this.learningRate * grad[k]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad?.fill(0);
  }
}
