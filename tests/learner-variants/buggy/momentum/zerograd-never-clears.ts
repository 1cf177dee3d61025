// Buggy Momentum: correct step(), but zeroGrad() never clears the gradient (it only resets a flag).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  private readonly a: Float64Array;
  private dirty = false;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    this.a = new Float64Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < g.length; i++) {
      this.a[i] = momentum * this.a[i]! + (1 - momentum) * g[i]!;
      this.parameters.data[i] -= learningRate * this.a[i]!;
    }
    this.dirty = true;
  }

  zeroGrad(): void {
    this.dirty = false;
  }
}
