// Correct SGD: ECMAScript #private fields and Float64Array.forEach.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class SGD {
  #parameters: Parameter;
  #alpha: number;

  constructor(parameters: Parameter, { learningRate }: { learningRate: number }) {
    this.#parameters = parameters;
    this.#alpha = learningRate;
  }

  step(): void {
    const theta = this.#parameters.data;
    const grad = this.#parameters.grad!;
    grad.forEach((g, i) => {
      theta[i] = theta[i] - this.#alpha * g;
    });
  }

  zeroGrad(): void {
    this.#parameters.grad = null;
  }
}
