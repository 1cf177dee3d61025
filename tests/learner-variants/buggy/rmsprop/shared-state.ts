// Buggy RMSprop: r lives in a module-level array (re-zeroed by each constructor), shared by all instances.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

const squareAverage: number[] = [];

export class RMSprop {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    squareAverage.length = 0;
    for (let i = 0; i < parameters.data.length; i++) squareAverage.push(0);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate: lr, momentum: mu, epsilon: eps } = this.options;
    for (let i = 0; i < g.length; i++) {
      squareAverage[i] = mu * squareAverage[i]! + (1 - mu) * g[i]! ** 2;
      this.parameters.data[i] -= (lr * g[i]!) / Math.sqrt(squareAverage[i]! + eps);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
