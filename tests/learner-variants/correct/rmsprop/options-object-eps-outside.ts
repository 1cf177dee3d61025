// Correct RMSprop: keeps the options object itself (no copied fields), ε outside the root, reduce-free index loop.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

interface Options {
  learningRate: number;
  momentum: number;
  epsilon: number;
}

export class RMSprop {
  readonly state: { squareAverage: Float64Array };

  constructor(
    readonly parameters: Parameter,
    readonly options: Options,
  ) {
    this.state = { squareAverage: new Float64Array(parameters.data.length) };
  }

  step(): void {
    const grad = this.parameters.grad;
    if (grad === null) throw new Error('call backward() before step()');
    const avg = this.state.squareAverage;
    for (const i of avg.keys()) {
      avg[i] = this.options.momentum * avg[i]! + (1 - this.options.momentum) * grad[i]! ** 2;
      this.parameters.data[i] -= (this.options.learningRate * grad[i]!) / (Math.sqrt(avg[i]!) + this.options.epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
